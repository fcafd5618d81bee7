import { useEffect, useState } from 'react';
import { useDataProvider, useGetIdentity } from 'react-admin';
import type { DocRecord } from '../domain/definition';
import type { PrintData, PrintForm } from './types';

/** Loads the records of a form and everything they reference, in the order asked (e.g. route order). */
export function usePrintData(form: PrintForm | undefined, ids: number[]) {
  const dp = useDataProvider();
  const { identity } = useGetIdentity();
  const [pages, setPages] = useState<PrintData[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = ids.join(',');
  useEffect(() => {
    if (!form || ids.length === 0) return;
    let live = true;
    (async () => {
      const { data } = await dp.getMany(form.resource, { ids });
      const byId = new Map(data.map((r) => [Number(r.id), r as DocRecord]));
      const records = ids.map((id) => byId.get(id)).filter((r): r is DocRecord => !!r);
      const wanted: Record<string, Set<number>> = {};
      for (const r of records) {
        for (const [res, refIds] of Object.entries(form.refs?.(r) ?? {})) {
          for (const id of refIds) if (Number.isInteger(id) && id > 0) (wanted[res] ??= new Set()).add(id);
        }
      }
      const refs: PrintData['refs'] = {};
      for (const [res, set] of Object.entries(wanted)) {
        const { data: rows } = await dp.getMany(res, { ids: [...set] });
        refs[res] = Object.fromEntries(rows.map((x) => [Number(x.id), x as DocRecord]));
      }
      const printedAt = new Date();
      const printedBy = String(identity?.fullName ?? '');
      const out = records.map((record) => ({ record, refs, printedAt, printedBy }));
      if (form.sortKey)
        out.sort((a, b) => (form.sortKey!(a) < form.sortKey!(b) ? -1 : form.sortKey!(a) > form.sortKey!(b) ? 1 : 0));
      if (live) setPages(out);
    })().catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ids are compared by value through `key`
  }, [dp, form, key, identity?.fullName]);
  return { pages, error };
}
