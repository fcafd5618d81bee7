import { useEffect, useMemo, useState } from 'react';
import { useDataProvider, useGetIdentity, useGetMany, useGetOne } from 'react-admin';
import { useBranchCalendarDays } from '../../app/branchCalendar';
import type { BaoyiDataProvider, PreviewResult } from '../../app/dataProvider';
import type { DocRecord, RuleContext } from '../../domain/definition';
import { computeOrder } from '../../domain/documents/orders';
import { creditRefusal } from '../../domain/rules/customerTerms';
import type { Refusal } from '../../domain/refusal';
import type { Actor } from '../../domain/roles';
import { useNow } from './ConfirmCountdown';

/**
 * The order entry form's live numbers: the domain's `computeOrder` — the same code the server
 * runs — over the selected customer and products, plus the server's dry run (POST
 * /orders/preview, debounced) for what only the server knows (credit in use → branch GM, 5.10.4).
 */

const NOBODY: Actor = { id: 0, username: '', fullName: '', role: 'assistant', group: null };
export const PREVIEW_DEBOUNCE_MS = 400;

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Lines complete enough for the server to judge (the preview ignores a malformed lines field). */
function completeLines(lines: unknown): DocRecord[] {
  if (!Array.isArray(lines)) return [];
  return (lines as DocRecord[])
    .filter((l) => l && isId(l.productId) && typeof l.qty === 'number' && l.qty > 0 && typeof l.unitPrice === 'number')
    .map((l) => ({ productId: l.productId, qty: l.qty, unitPrice: l.unitPrice }));
}

export interface OrderPricing {
  customer: DocRecord | undefined;
  products: Record<number, DocRecord>;
  computed: DocRecord;
  creditRefusal: Refusal | null;
  preview: PreviewResult | null;
  now: Date;
}

export function useOrderPricing(values: DocRecord): OrderPricing {
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const { identity } = useGetIdentity();
  const now = useNow(30_000);
  // the branch's calendar entries: the promised delivery counts working days (5.3.1)
  const calendarDays = useBranchCalendarDays();
  const customerId = isId(values.customerId) ? values.customerId : undefined;
  const lines = useMemo(() => (Array.isArray(values.lines) ? (values.lines as DocRecord[]) : []), [values.lines]);
  const productIds = useMemo(
    () => [...new Set(lines.map((l) => l?.productId).filter(isId))].sort((a, b) => a - b),
    [lines],
  );

  const { data: customer } = useGetOne<DocRecord & { id: number }>(
    'customers',
    { id: customerId ?? 0 },
    { enabled: customerId !== undefined },
  );
  const { data: productRows } = useGetMany<DocRecord & { id: number }>(
    'products',
    { ids: productIds },
    { enabled: productIds.length > 0 },
  );
  const products = useMemo(
    () => Object.fromEntries((productRows ?? []).filter(Boolean).map((p) => [Number(p.id), p as DocRecord])),
    [productRows],
  );

  // the server's dry run, debounced; only the latest answer counts
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const previewBody = useMemo(
    () =>
      customerId === undefined
        ? null
        : JSON.stringify({
            customerId,
            channel: values.channel,
            paymentMethod: values.paymentMethod,
            quoteId: values.quoteId,
            lines: completeLines(values.lines),
          }),
    [customerId, values.channel, values.paymentMethod, values.quoteId, values.lines],
  );
  useEffect(() => {
    if (!previewBody) return;
    let live = true;
    const t = setTimeout(() => {
      dataProvider
        .preview('orders', JSON.parse(previewBody) as DocRecord)
        .then((p) => live && setPreview(p))
        .catch(() => live && setPreview(null));
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [dataProvider, previewBody]);

  const activePreview = previewBody ? preview : null;
  const creditUsed = activePreview?.facts?.creditUsed;
  const computed = useMemo(() => {
    const ctx: RuleContext = {
      now,
      user: (identity as unknown as Actor) ?? NOBODY,
      refs: { customerId: customer },
      lineRefs: { productId: products },
      facts: { creditUsed: typeof creditUsed === 'number' ? creditUsed : 0 },
      settings: { calendarDays: calendarDays ?? [] },
    };
    return computeOrder({ ...values, lines }, ctx);
  }, [values, lines, now, identity, customer, products, creditUsed, calendarDays]);

  const refusal = useMemo(() => (customer ? creditRefusal(customer, now) : null), [customer, now]);
  return { customer, products, computed, creditRefusal: refusal, preview: activePreview, now };
}
