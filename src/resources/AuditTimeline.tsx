import { Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext, useResourceContext, useTranslate, type DataProvider } from 'react-admin';
import type { BaoyiDataProvider, HistoryEntry } from '../app/dataProvider';
import { useLocale } from '../app/i18n/i18nProvider';
import { changeTexts } from '../domain/changes';
import type { DocumentDefinition } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import { actionLabel, recordName } from '../domain/present';
import type { Locale } from '../domain/text';
import { getForm } from '../print/forms';
import { formatShanghai } from './fieldRenderers';

/** referenced records' names, by resource and id: a change of customer reads "000123 某某文具店 → …", not "12 → 15" */
export type RefNames = Map<string, Map<number, string>>;

/** The records that audit entries' reference fields name (one read per referenced resource). */
export async function loadRefNames(
  dataProvider: DataProvider,
  def: DocumentDefinition | undefined,
  entries: { changes?: Record<string, unknown> | null }[],
): Promise<RefNames> {
  const wanted = new Map<string, Set<number>>();
  for (const e of entries) {
    for (const [k, v] of Object.entries(e.changes ?? {})) {
      const f = def && Object.hasOwn(def.fields, k) ? def.fields[k] : undefined;
      if (f?.type !== 'ref' || !f.ref || !getDefinition(f.ref)) continue;
      const ids = wanted.get(f.ref) ?? new Set<number>();
      for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'number') ids.add(x);
      wanted.set(f.ref, ids);
    }
  }
  const out: RefNames = new Map();
  await Promise.all(
    [...wanted].map(async ([resource, ids]) => {
      const { data } = await dataProvider.getMany(resource, { ids: [...ids] });
      out.set(resource, new Map(data.map((r) => [Number(r.id), recordName(resource, r)])));
    }),
  );
  return out;
}

/**
 * What an audit entry changed, as sentences in the UI's language (domain/changes.ts): field and
 * value labels, line changes as "订单明细 第2行 数量 3 → 5", printed forms by their titles.
 */
export function entryChanges(
  def: DocumentDefinition | undefined,
  action: string,
  changes: Record<string, unknown> | null | undefined,
  locale: Locale,
  names?: RefNames,
  showCreated = false,
): string[] {
  return changeTexts(def, action, changes, {
    locale,
    refName: (r, id) => names?.get(r)?.get(id),
    formName: (id) => getForm(id)?.title[locale],
    showCreated,
  });
}

/** The label of an entry's action in the UI's language (新建, 修改, 打印, 审核通过…). */
export const entryAction = (resource: string, action: string, locale: Locale) => actionLabel(resource, action, locale);

/** GET /<res>/<id>/history: who did what, when, and what changed — oldest first. */
export function AuditTimeline() {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const translate = useTranslate();
  const locale = useLocale();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [names, setNames] = useState<RefNames | undefined>(undefined);
  const id = record?.id;
  const version = record?.version;

  useEffect(() => {
    if (id === undefined || !resource) return;
    let live = true;
    dataProvider
      .history(resource, id)
      .then(async (h) => {
        if (!live) return;
        setEntries(h);
        const loaded = await loadRefNames(dataProvider, getDefinition(resource), h).catch(() => undefined);
        if (live) setNames(loaded);
      })
      .catch(() => live && setEntries([]));
    return () => {
      live = false;
    };
  }, [dataProvider, resource, id, version]);

  if (entries === null) return null;
  if (entries.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.history.empty')}
      </Typography>
    );

  const def = getDefinition(resource);

  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={translate('app.history.title')}>
      {entries.map((e, i) => {
        const changes = entryChanges(def, e.action, e.changes, locale, names);
        return (
          <Box
            component="li"
            key={e.id ?? i}
            sx={{ borderLeft: 2, borderColor: 'divider', pl: 2, pb: 1.5, position: 'relative' }}
          >
            <Typography variant="body2">
              <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
                {formatShanghai(e.at)}
              </Box>
              <strong>{e.userName}</strong> · {entryAction(resource, e.action, locale)}
            </Typography>
            {changes.length > 0 && (
              <Typography variant="caption" component="div" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
                {changes.join('\n')}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
