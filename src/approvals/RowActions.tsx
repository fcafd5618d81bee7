import MoreHorizIcon from '@mui/icons-material/MoreHoriz';
import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, IconButton, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useGetIdentity, useRecordContext, useResourceContext, useTranslate, type RaRecord } from 'react-admin';
import { useLocale, useText } from '../app/i18n/i18nProvider';
import { canAccess } from '../domain/access';
import type { DocRecord } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import type { Actor, Role } from '../domain/roles';
import { formsFor } from '../print/forms';
import { ROW_BUTTON_MAX, rowButtons } from '../resources/listLayout';
import { listActions, rowStepRefusal, type Transition } from '../domain/workflow';
import { CommentDialog } from './CommentDialog';
import { StepDialog } from './StepDialog';
import { transitionOf, useActionLabel, useWorkflowAct } from './useWorkflowAct';

/**
 * In-grid workflow buttons for one row (issue 18: every step from the grid): the steps the
 * definition marks for lists (approve / reject, pick, ship, deliver, close, pay, issue, sign…)
 * that this user's role may take in the row's state — the same access rule the server checks
 * (domain/access.ts) — and whose precondition the row's own fields meet (domain/workflow.ts
 * rowStepRefusal: no 开票 on an on-account order, no 出车配送 for a cash order finance has not invoiced). A step that takes params asks for them (StepDialog), one that needs a reason
 * asks for it. The decision per action is exposed (`data-access`) so tests and tools can tell
 * "not allowed" from "not yet known".
 */
export function RowActions({
  actions,
  prints,
}: {
  actions?: readonly string[];
  label?: string;
  /** the print buttons of the roles that print from the list */ prints?: boolean;
  headerClassName?: string;
  cellClassName?: string;
}) {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const { identity, isPending } = useGetIdentity();
  const locale = useLocale();
  if (!record) return null;
  const def = getDefinition(resource);
  const candidates = actions ?? listActions(def?.workflow);
  const allowed =
    isPending || !identity
      ? []
      : candidates.filter(
          (a) =>
            canAccess(identity as unknown as Actor, resource, a, record as unknown as DocRecord) &&
            // the step's precondition on the row's own fields, as the server decides it (e.g. 5.4.2)
            !rowStepRefusal(def?.workflow, record as unknown as DocRecord, a, identity.role as Role),
        );
  const markers = candidates
    .filter((a) => !allowed.includes(a))
    .map((a) => <span key={a} hidden data-action={a} data-access={isPending ? 'pending' : 'denied'} />);
  // many steps, or long labels: the first stays a button, the rest go behind ⋯ (listLayout.rowButtons)
  const layout = rowButtons(allowed.map((a) => transitionOf(resource, a, record.status)?.label[locale] ?? a));
  const shown = allowed.slice(0, layout.shown);
  const more = allowed.slice(layout.shown);
  return (
    <Box
      sx={{ display: 'flex', gap: 0.5, alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'nowrap' }}
      onClick={(e) => e.stopPropagation()}
      data-testid="row-actions"
    >
      {markers}
      {shown.map((a) => (
        <RowStep key={a} resource={resource} record={record} action={a} />
      ))}
      {more.length > 0 && <MoreSteps resource={resource} record={record} actions={more} />}
      {prints && identity ? <RowPrintIcons resource={resource} record={record} role={identity.role as Role} /> : null}
    </Box>
  );
}

/** What a step asks before it runs: its params, or its reason. */
function useStepPrompt(resource: string, record: RaRecord) {
  const { act, pending } = useWorkflowAct(resource);
  const [asking, setAsking] = useState<Transition | null>(null);
  const start = (t: Transition) => {
    if (t.params?.length || t.commentRequired) setAsking(t);
    else void act(record, t.action);
  };
  return { act, pending, asking, setAsking, start };
}

function StepPrompt({
  resource,
  record,
  title,
  prompt,
}: {
  resource: string;
  record: RaRecord;
  title: string;
  prompt: ReturnType<typeof useStepPrompt>;
}) {
  const translate = useTranslate();
  const t = prompt.asking;
  if (!t) return null;
  const close = () => prompt.setAsking(null);
  if (t.params?.length) {
    return (
      <StepDialog
        open
        resource={resource}
        title={title}
        params={t.params}
        commentRequired={!!t.commentRequired}
        pending={prompt.pending}
        onClose={close}
        onConfirm={(comment, values) => {
          close();
          void prompt.act(record, t.action, comment, values);
        }}
      />
    );
  }
  return (
    <CommentDialog
      open
      pending={prompt.pending}
      title={translate('app.workflow.reasonTitle', { action: title })}
      onClose={close}
      onConfirm={(comment) => {
        close();
        void prompt.act(record, t.action, comment);
      }}
    />
  );
}

function RowStep({ resource, record, action }: { resource: string; record: RaRecord; action: string }) {
  const label = useActionLabel(resource);
  const text = useText();
  const prompt = useStepPrompt(resource, record);
  const t = transitionOf(resource, action, record.status);
  if (!t) return null;
  const name = text(t.label) || label(action);
  return (
    <>
      <Button
        size="small"
        variant={t.tone === 'danger' ? 'text' : 'outlined'}
        color={t.tone === 'danger' ? 'error' : 'primary'}
        disabled={prompt.pending}
        aria-label={`${name} ${String(record.code ?? record.id)}`}
        title={name}
        sx={{
          whiteSpace: 'nowrap',
          minWidth: 0,
          flexShrink: 0,
          maxWidth: ROW_BUTTON_MAX,
          display: 'inline-block',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
        onClick={(e) => {
          e.stopPropagation();
          prompt.start(t);
        }}
      >
        {name}
      </Button>
      <StepPrompt resource={resource} record={record} title={name} prompt={prompt} />
    </>
  );
}

/** The row's other steps behind ⋯ (a row with many steps keeps one line). */
function MoreSteps({ resource, record, actions }: { resource: string; record: RaRecord; actions: readonly string[] }) {
  const translate = useTranslate();
  const text = useText();
  const label = useActionLabel(resource);
  const prompt = useStepPrompt(resource, record);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const steps = actions.map((a) => transitionOf(resource, a, record.status)).filter((t): t is Transition => !!t);
  const code = String(record.code ?? record.id);
  return (
    <>
      <IconButton
        size="small"
        aria-label={`${translate('app.desk.moreSteps')} ${code}`}
        disabled={prompt.pending}
        onClick={(e) => (e.stopPropagation(), setAnchor(e.currentTarget))}
      >
        <MoreHorizIcon fontSize="small" />
      </IconButton>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        onClick={(e) => e.stopPropagation()}
      >
        {steps.map((t) => (
          <MenuItem
            key={t.action}
            aria-label={`${text(t.label) || label(t.action)} ${code}`}
            sx={t.tone === 'danger' ? { color: 'error.main' } : undefined}
            onClick={() => {
              setAnchor(null);
              prompt.start(t);
            }}
          >
            {text(t.label) || label(t.action)}
          </MenuItem>
        ))}
      </Menu>
      <StepPrompt
        resource={resource}
        record={record}
        title={prompt.asking ? text(prompt.asking.label) || label(prompt.asking.action) : ''}
        prompt={prompt}
      />
    </>
  );
}

/**
 * The forms this role prints from the list (the order desk's delivery notes), as printer icons —
 * the form's name on hover — so a row stays one line.
 */
function RowPrintIcons({ resource, record, role }: { resource: string; record: RaRecord; role: Role }) {
  const navigate = useNavigate();
  const text = useText();
  const translate = useTranslate();
  return (
    <>
      {formsFor(resource)
        .filter((f) => f.printers?.includes(role))
        .map((f) => {
          const name = `${translate('app.print.print')} ${text(f.title)}`;
          return (
            <Tooltip key={f.id} title={name}>
              <IconButton
                size="small"
                color="primary"
                aria-label={`${name} ${String(record.code ?? record.id)}`}
                onClick={(e) => {
                  e.stopPropagation();
                  navigate(`/print/${f.id}/${record.id}`);
                }}
              >
                <PrintIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          );
        })}
    </>
  );
}
