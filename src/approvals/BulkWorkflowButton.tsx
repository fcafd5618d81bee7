import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import {
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useResourceContext,
  useTranslate,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import type { BaoyiDataProvider } from '../app/dataProvider';
import { useText } from '../app/i18n/i18nProvider';
import { amountFieldOf } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import { fenToYuan, sumFen, yuanToFen } from '../domain/money';
import { formatMoney } from '../resources/fieldRenderers';
import { StepDialog } from './StepDialog';
import { errorText, transitionOf, useActionLabel } from './useWorkflowAct';

/** codes named in the confirmation; the rest are counted */
const NAMED = 8;

interface Selection {
  records: RaRecord[];
  /** the sum of the type's amount field (total), or null when the type has none */
  total: number | null;
}

/**
 * Takes one workflow step on every selected row (one POST per row, each checked by the server),
 * after a confirmation that names how many documents and their total amount (issue 18: finance
 * closes 20 delivered orders with one action, knowing what it closes). A step that needs a reason
 * or params asks for them once, for all. The result reports each refused row with the server's
 * message (and its clause).
 */
export function BulkWorkflowButton({ action }: { action: string }) {
  const resource = useResourceContext() ?? '';
  const { selectedIds, data, onUnselectItems } = useListContext();
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const text = useText();
  const label = useActionLabel(resource);
  const { canAccess } = useCanAccess({ resource, action });
  const [pending, setPending] = useState(false);
  const [asking, setAsking] = useState<Selection | null>(null);
  const t = transitionOf(resource, action);
  const def = getDefinition(resource);
  if (!canAccess || !t || !def) return null;
  const name = text(t.label) || label(action);
  const amountField = amountFieldOf(def);

  /** the selected records: those on the page, the others (selected on other pages) read */
  async function selection(): Promise<Selection> {
    const known = new Map<Identifier, RaRecord>((data ?? []).map((r) => [r.id, r]));
    const missing = selectedIds.filter((id) => !known.has(id));
    if (missing.length)
      for (const r of (await dataProvider.getMany(resource, { ids: missing })).data) known.set(r.id, r);
    const records = selectedIds.map((id) => known.get(id)).filter((r): r is RaRecord => !!r);
    const total = amountField
      ? fenToYuan(sumFen(records.map((r) => (typeof r[amountField] === 'number' ? yuanToFen(r[amountField]) : 0))))
      : null;
    return { records, total };
  }

  async function run(records: RaRecord[], comment?: string, params?: Record<string, unknown>) {
    setPending(true);
    const ok: string[] = [];
    const failed: string[] = [];
    for (const record of records) {
      const tag = String(record.code ?? record.id);
      try {
        await dataProvider.act(resource, {
          id: record.id,
          action,
          comment,
          params,
          version: typeof record.version === 'number' ? record.version : undefined,
        });
        ok.push(tag);
      } catch (e) {
        failed.push(`${tag}: ${translate(errorText(e), { _: errorText(e) })}`);
      }
    }
    setPending(false);
    if (failed.length === 0)
      notify('app.workflow.bulkDone', { type: 'success', messageArgs: { action: name, ok: ok.length } });
    else
      notify('app.workflow.bulkSomeFailed', {
        type: ok.length ? 'warning' : 'error',
        messageArgs: { action: name, ok: ok.length, failed: failed.length, details: failed.join('；') },
        autoHideDuration: 10000,
      });
    onUnselectItems();
    refresh();
  }

  const codes = asking ? asking.records.slice(0, NAMED).map((r) => String(r.code ?? r.id)) : [];
  const summary = asking ? (
    <Typography variant="body1" sx={{ mb: 1 }} data-testid="bulk-summary">
      {asking.total === null
        ? translate('app.desk.bulkCount', { count: asking.records.length, action: name })
        : translate('app.desk.bulkCountTotal', {
            count: asking.records.length,
            action: name,
            total: formatMoney(asking.total),
          })}
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
        {codes.join('、')}
        {asking.records.length > NAMED ? translate('app.desk.bulkMore', { count: asking.records.length - NAMED }) : ''}
      </Typography>
    </Typography>
  ) : null;

  return (
    <>
      <Button
        size="small"
        color={t.tone === 'danger' ? 'error' : 'primary'}
        disabled={pending || selectedIds.length === 0}
        onClick={() => {
          void selection().then(setAsking);
        }}
      >
        {name}
      </Button>
      {asking && (
        <StepDialog
          open
          resource={resource}
          title={translate('app.desk.bulkTitle', { action: name, count: asking.records.length })}
          params={t.params ?? []}
          commentRequired={!!t.commentRequired}
          askComment={false}
          summary={summary}
          pending={pending}
          onClose={() => setAsking(null)}
          onConfirm={(comment, values) => {
            const records = asking.records;
            setAsking(null);
            void run(records, comment, Object.keys(values).length ? values : undefined);
          }}
        />
      )}
    </>
  );
}
