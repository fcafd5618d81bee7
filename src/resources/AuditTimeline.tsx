import { Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import type { BaoyiDataProvider, HistoryEntry } from '../app/dataProvider';
import type { DocumentDefinition } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import { formatShanghai } from './fieldRenderers';
import { enumKey, statusKey } from '../app/i18n/resourceKeys';

type Translate = ReturnType<typeof useTranslate>;

/** A short, plain-text rendering of a changed value (never HTML). */
function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v.length > 60 ? `${v.slice(0, 60)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.length}]`;
  return '{…}';
}

/**
 * A changed value as the screens show it: statuses and choices by their names in the UI's
 * language (not `draft → submitted`), times in Shanghai time, yes / no; the rest as `show`.
 */
export function valueText(def: DocumentDefinition | undefined, field: string, v: unknown, translate: Translate): string {
  if (v === null || v === undefined || v === '' || !def) return show(v);
  const f = def.fields[field];
  if (field === 'status' && def.workflow && typeof v === 'string') return translate(statusKey(def.resource, v), { _: v });
  if (f?.type === 'enum' && typeof v === 'string') return translate(enumKey(def.resource, field, v), { _: v });
  if ((f?.type === 'datetime' || field === 'createdAt' || field === 'updatedAt') && typeof v === 'string') return formatShanghai(v);
  if (typeof v === 'boolean') return translate(`ra.boolean.${v}`);
  return show(v);
}

/** GET /<res>/<id>/history: who did what, when, and what changed — oldest first. */
export function AuditTimeline() {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const translate = useTranslate();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const id = record?.id;
  const version = record?.version;

  useEffect(() => {
    if (id === undefined || !resource) return;
    let live = true;
    dataProvider
      .history(resource, id)
      .then((h) => live && setEntries(h))
      .catch(() => live && setEntries([]));
    return () => {
      live = false;
    };
  }, [dataProvider, resource, id, version]);

  if (entries === null) return null;
  if (entries.length === 0) return <Typography variant="body2" color="text.secondary">{translate('app.history.empty')}</Typography>;

  const actionLabel = (a: string) => translate(`app.history.actions.${a}`, { _: translate(`resources.${resource}.actions.${a}`, { _: a }) });
  const fieldLabel = (f: string) => translate(`resources.${resource}.fields.${f}`, { _: f });
  const def = getDefinition(resource);
  const value = (f: string, v: unknown) => valueText(def, f, v, translate);

  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={translate('app.history.title')}>
      {entries.map((e, i) => {
        const changes = e.action === 'create' ? [] : Object.entries(e.changes ?? {});
        return (
          <Box component="li" key={e.id ?? i} sx={{ borderLeft: 2, borderColor: 'divider', pl: 2, pb: 1.5, position: 'relative' }}>
            <Typography variant="body2">
              <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>{formatShanghai(e.at)}</Box>
              <strong>{e.userName}</strong> · {actionLabel(e.action)}
            </Typography>
            {changes.length > 0 && (
              <Typography variant="caption" component="div" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
                {changes
                  .map(([k, v]) => (Array.isArray(v) && v.length === 2 ? `${fieldLabel(k)}: ${value(k, v[0])} → ${value(k, v[1])}` : `${fieldLabel(k)}: ${value(k, v)}`))
                  .join('\n')}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
