import { Box, Button } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRecordContext, useResourceContext, useTranslate, type RaRecord } from 'react-admin';
import { useText } from '../app/i18n/i18nProvider';
import { CommentDialog } from './CommentDialog';
import { transitionOf, useActionLabel, useWorkflowAct } from './useWorkflowAct';

/**
 * In-grid workflow buttons (approve / reject by default) for one row, each shown only when
 * `useCanAccess({ resource, action, record })` says the user may — the csManager approves
 * from the list without opening the order. The record's status is part of the access query's
 * key, so a row that changed status is re-checked.
 */
export function RowActions({ actions = ['approve', 'reject'] }: { actions?: readonly string[]; label?: string }) {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', gap: 0.5 }} onClick={(e) => e.stopPropagation()}>
      {actions.map((a) => (
        <RowActionButton key={a} resource={resource} record={record} action={a} />
      ))}
    </Box>
  );
}

function RowActionButton({ resource, record, action }: { resource: string; record: RaRecord; action: string }) {
  const { canAccess, isPending } = useCanAccess({ resource, action, record, meta: { status: record.status, version: record.version } });
  const { act, pending } = useWorkflowAct(resource);
  const label = useActionLabel(resource);
  const translate = useTranslate();
  const text = useText();
  const [asking, setAsking] = useState(false);
  const t = transitionOf(resource, action, record.status);
  // the access decision is exposed (data-access) so tests and tools can tell "not allowed" from "not yet known"
  if (isPending || !canAccess || !t) return <span hidden data-action={action} data-access={isPending ? 'pending' : 'denied'} />;
  const name = (t && text(t.label)) || label(action);
  return (
    <>
      <Button
        size="small"
        variant={t.tone === 'danger' ? 'text' : 'outlined'}
        color={t.tone === 'danger' ? 'error' : 'primary'}
        disabled={pending}
        aria-label={`${name} ${String(record.code ?? record.id)}`}
        onClick={(e) => {
          e.stopPropagation();
          if (t.commentRequired) setAsking(true);
          else void act(record, action);
        }}
      >
        {name}
      </Button>
      {t.commentRequired && (
        <CommentDialog
          open={asking}
          pending={pending}
          title={translate('app.workflow.reasonTitle', { action: name })}
          onClose={() => setAsking(false)}
          onConfirm={(comment) => {
            setAsking(false);
            void act(record, action, comment);
          }}
        />
      )}
    </>
  );
}
