import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { ReactNode } from 'react';
import { Form, required, TextInput, useGetIdentity, useTranslate } from 'react-admin';
import { useText } from '../app/i18n/i18nProvider';
import { getDefinition } from '../domain/documents';
import type { Role } from '../domain/roles';
import { paramInput } from '../resources/inputFor';
import { ApprovalFacts } from './ApprovalFacts';

/**
 * Asks for what a workflow step takes with it — its params (fields of the definition, e.g. the
 * supplier PO number, the customer's signature, the damage amount) and the reason when the step
 * needs one — then hands them to `onConfirm`. The server validates them against the same fields.
 * An approver's step shows first why the document waits on them and the facts the rules used.
 */
export function StepDialog(props: {
  open: boolean;
  resource: string;
  title: string;
  params: readonly string[];
  commentRequired: boolean;
  pending?: boolean;
  /** what the step is about to do, above the inputs (a bulk step: how many documents, their total) */
  summary?: ReactNode;
  /** ask for a reason even when the step does not need one (default: yes) */
  askComment?: boolean;
  /** the document the step is taken on: its facts are shown (approval steps) */
  record?: { id: number | string; version?: unknown; status?: unknown };
  onConfirm: (comment: string | undefined, values: Record<string, unknown>) => void;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const text = useText();
  const { identity } = useGetIdentity();
  const def = getDefinition(props.resource);
  if (!def) return null;
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      onClick={(e) => e.stopPropagation()}
      data-testid="step-dialog"
    >
      <DialogTitle>{props.title}</DialogTitle>
      <Form
        onSubmit={(values: Record<string, unknown>) => {
          const { comment, ...rest } = values;
          const entered = Object.fromEntries(
            props.params.filter((p) => rest[p] !== undefined && rest[p] !== '').map((p) => [p, rest[p]]),
          );
          props.onConfirm(typeof comment === 'string' && comment.trim() ? comment.trim() : undefined, entered);
        }}
      >
        <DialogContent>
          {props.summary}
          {props.record ? (
            <ApprovalFacts
              resource={props.resource}
              id={props.record.id}
              version={props.record.version}
              status={props.record.status}
              compact
            />
          ) : null}
          {props.params.map((p) =>
            paramInput(def, p, { mode: 'create', role: identity?.role as Role | undefined, text }),
          )}
          {props.commentRequired || props.askComment !== false ? (
            <TextInput
              source="comment"
              label={props.commentRequired ? 'app.workflow.reason' : 'app.guide.facts.comment'}
              multiline
              minRows={2}
              fullWidth
              validate={props.commentRequired ? required() : undefined}
            />
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>{translate('app.workflow.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={props.pending}>
            {translate('app.workflow.submit')}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
