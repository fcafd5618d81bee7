import { useEffect, useMemo, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { BaoyiDataProvider, PreviewResult } from '../../app/dataProvider';
import type { DocRecord } from '../../domain/definition';

export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The server's dry run of a form (POST /<res>/preview, debounced): the record as it would be
 * computed, the facts it used, the rules' refusals and the facts for whoever decides. `body` null:
 * nothing to ask yet. Only the latest answer counts.
 */
export function usePreview(resource: string, body: DocRecord | null): PreviewResult | null {
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const key = useMemo(() => (body ? JSON.stringify(body) : null), [body]);
  const [result, setResult] = useState<{ key: string; preview: PreviewResult } | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    const t = setTimeout(() => {
      dataProvider
        .preview(resource, JSON.parse(key) as DocRecord)
        .then((preview) => live && setResult({ key, preview }))
        .catch(() => live && setResult(null));
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [dataProvider, resource, key]);
  // an answer to an earlier body is still shown while the next one is asked (no flicker), never for no body
  return key && result ? result.preview : null;
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Lines complete enough for the server to judge, with their index in the form. */
export function completeLines(
  lines: unknown,
  fields: readonly string[] = ['productId', 'qty', 'unitPrice'],
): { index: number; line: DocRecord }[] {
  if (!Array.isArray(lines)) return [];
  return (lines as DocRecord[])
    .map((line, index) => ({ index, line }))
    .filter(
      ({ line }) =>
        line &&
        isId(line.productId) &&
        (!fields.includes('qty') || (typeof line.qty === 'number' && line.qty > 0)) &&
        (!fields.includes('unitPrice') || typeof line.unitPrice === 'number'),
    )
    .map(({ index, line }) => ({ index, line: Object.fromEntries(fields.map((f) => [f, line[f]])) }));
}
