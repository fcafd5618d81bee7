import { Typography } from '@mui/material';
import { useMemo } from 'react';
import {
  ArrayInput,
  BooleanInput,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  useGetOne,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useText } from '../../app/i18n/i18nProvider';
import type { DocRecord } from '../../domain/definition';
import { returns } from '../../domain/documents/service/returns';
import { deliveredQty, parseReturnedQty } from '../../domain/rules/service/returns';
import { validatorsFor } from '../inputFor';
import { usePreview } from './usePreview';

/**
 * A return's lines come from the delivery note it returns against (6.9.1): the picker offers that
 * order's lines — code, name, the quantity delivered and what is still returnable after the
 * order's other returns (the server's `returnedQty` fact) — and the quantity may not exceed it.
 */

const lineF = returns.fields.lines.lineFields!;
const L = (f: string) => `resources.returns.lineFields.lines.${f}`;

export function ReturnLinesInput({ mode }: { mode: 'create' | 'edit' }) {
  const translate = useTranslate();
  const text = useText();
  const orderId = useWatch({ name: 'orderId' }) as unknown;
  const hasOrder = typeof orderId === 'number';
  const { data: order } = useGetOne<DocRecord & { id: number }>(
    'orders',
    { id: hasOrder ? orderId : 0 },
    { enabled: hasOrder },
  );
  const preview = usePreview('returns', hasOrder ? { orderId, lines: [] } : null);
  const returnable = useMemo(() => {
    const delivered = deliveredQty(order);
    const already = parseReturnedQty(preview?.facts?.returnedQty);
    return new Map([...delivered].map(([pid, qty]) => [pid, Math.max(0, qty - (already.get(pid) ?? 0))]));
  }, [order, preview]);
  const choices = useMemo(
    () =>
      (Array.isArray(order?.lines) ? (order.lines as DocRecord[]) : []).map((l) => ({
        id: Number(l.productId),
        name: translate('app.guide.returns.option', {
          sku: String(l.sku ?? ''),
          name: String(l.productName ?? ''),
          delivered: String(l.qty ?? ''),
          left: String(returnable.get(Number(l.productId)) ?? 0),
        }),
        disabled: (returnable.get(Number(l.productId)) ?? 0) <= 0,
      })),
    [order, returnable, translate],
  );
  /** 6.9.1 no more than is left to return of that product */
  const notMoreThanLeft: Validator = (
    v: unknown,
    all: Record<string, unknown>,
    props: { finalSource?: string } = {},
  ) => {
    const m = /^lines\.(\d+)\.qty$/.exec(String(props.finalSource ?? ''));
    const line = m ? ((all.lines as DocRecord[] | undefined) ?? [])[Number(m[1])] : undefined;
    const left = line ? returnable.get(Number(line.productId)) : undefined;
    return typeof v === 'number' && left !== undefined && v > left
      ? { message: 'app.guide.returns.tooMany', args: { left } }
      : undefined;
  };
  return (
    <ArrayInput
      source="lines"
      validate={required()}
      helperText={hasOrder ? false : translate('app.guide.returns.pickOrder')}
    >
      <SimpleFormIterator inline disableReordering>
        <SelectInput
          source="productId"
          label={L('productId')}
          choices={choices}
          validate={required()}
          disabled={!hasOrder}
          sx={{ minWidth: 320 }}
          helperText={false}
        />
        <NumberInput
          source="qty"
          label={L('qty')}
          step={1}
          min={1}
          validate={[...validatorsFor(lineF.qty, { mode }), notMoreThanLeft]}
          sx={{ width: 110, minWidth: 110, flexShrink: 0 }}
          helperText={false}
        />
        <BooleanInput
          source="makerConfirmed"
          label={L('makerConfirmed')}
          helperText={text(lineF.makerConfirmed.help)}
        />
        <BooleanInput source="special" label={L('special')} helperText={text(lineF.special.help)} />
      </SimpleFormIterator>
      {hasOrder && choices.length === 0 ? (
        <Typography variant="caption" color="text.secondary">
          …
        </Typography>
      ) : null}
    </ArrayInput>
  );
}
