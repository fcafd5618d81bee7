import { Button } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useListContext, useNotify, useRefresh, useResourceContext, useTranslate } from 'react-admin';
import type { BaoyiDataProvider } from '../app/dataProvider';
import { CommentDialog } from './CommentDialog';
import { errorText, transitionOf, useActionLabel } from './useWorkflowAct';

/**
 * Takes one workflow action on every selected row (one POST per row, each checked by the server)
 * and reports which succeeded and which failed, with the server's messages.
 */
export function BulkWorkflowButton({ action }: { action: string }) {
  const resource = useResourceContext() ?? '';
  const { selectedIds, data, onUnselectItems } = useListContext();
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const label = useActionLabel(resource);
  const { canAccess } = useCanAccess({ resource, action });
  const [pending, setPending] = useState(false);
  const [asking, setAsking] = useState(false);
  const t = transitionOf(resource, action);
  if (!canAccess || !t) return null;
  const name = label(action);

  async function run(comment?: string) {
    setPending(true);
    const ok: string[] = [];
    const failed: string[] = [];
    for (const id of selectedIds) {
      const record = data?.find((r) => r.id === id);
      const tag = String(record?.code ?? id);
      try {
        await dataProvider.act(resource, { id, action, comment, version: typeof record?.version === 'number' ? record.version : undefined });
        ok.push(tag);
      } catch (e) {
        failed.push(`${tag}: ${translate(errorText(e), { _: errorText(e) })}`);
      }
    }
    setPending(false);
    if (failed.length === 0) notify('app.workflow.bulkDone', { type: 'success', messageArgs: { action: name, ok: ok.length } });
    else notify('app.workflow.bulkSomeFailed', { type: ok.length ? 'warning' : 'error', messageArgs: { action: name, ok: ok.length, failed: failed.length, details: failed.join('；') }, autoHideDuration: 10000 });
    onUnselectItems();
    refresh();
  }

  return (
    <>
      <Button size="small" color={t.tone === 'danger' ? 'error' : 'primary'} disabled={pending || selectedIds.length === 0} onClick={() => (t.commentRequired ? setAsking(true) : void run())}>
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
            void run(comment);
          }}
        />
      )}
    </>
  );
}
