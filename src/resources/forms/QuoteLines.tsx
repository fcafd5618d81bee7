import { Alert, Box, Typography } from '@mui/material';
import { useMemo } from 'react';
import { ArrayInput, required, useGetMany, usePermissions, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useText } from '../../app/i18n/i18nProvider';
import { FactsTable } from '../../approvals/ApprovalFacts';
import { canReadField, type DocRecord, type Fact } from '../../domain/definition';
import { products as productsDef } from '../../domain/documents/products';
import { quotes } from '../../domain/documents/sales/quotes';
import { formatYuan, lineTotalFen, yuanToFen } from '../../domain/money';
import type { Role } from '../../domain/roles';
import { marginClass, marginPct } from '../../domain/rules/sales/margin';
import { validatorsFor } from '../inputFor';
import { LinesGrid, NEW_LINE } from '../orders/OrderLines';
import { completeLines, usePreview } from './usePreview';

/**
 * The quote's lines with price guidance before saving (6.4.3): per line the catalog price, the
 * cost (for the roles that may see it, products' `cost.readableBy`) and the live margin, coloured
 * against its class's band; under the lines the margin of each class and overall against the band,
 * as the server's rules compute them (the preview), and what follows (manager approval, catalog
 * prices for SMB customers).
 */

const lineF = quotes.fields.lines.lineFields!;
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

export function QuoteLinesInput({ mode }: { mode: 'create' | 'edit' }) {
  const translate = useTranslate();
  const text = useText();
  const { permissions } = usePermissions<Role>();
  const showCost = !!permissions && canReadField(productsDef, 'cost', permissions);
  const [customerId, inquiryAt, validUntil, lines] = useWatch({
    name: ['customerId', 'inquiryAt', 'validUntil', 'lines'],
  }) as [unknown, unknown, unknown, DocRecord[] | undefined];
  const ids = useMemo(
    () => [...new Set((lines ?? []).map((l) => l?.productId).filter(isId))].sort((a, b) => a - b),
    [lines],
  );
  const { data: rows } = useGetMany<DocRecord & { id: number }>('products', { ids }, { enabled: ids.length > 0 });
  const products = useMemo(
    () => Object.fromEntries((rows ?? []).filter(Boolean).map((p) => [Number(p.id), p as DocRecord])),
    [rows],
  );
  const complete = completeLines(lines);
  const body = isId(customerId) ? { customerId, inquiryAt, validUntil, lines: complete.map((c) => c.line) } : null;
  const preview = usePreview('quotes', body);
  const facts: Fact[] = preview?.explain ?? [];
  const bandOf = (cls: string) => facts.find((f) => f.key === `margin.${cls}`)?.range;
  const smb = facts.some((f) => f.key === 'smbCatalog');

  const info = (_i: number, line: DocRecord, p: DocRecord | undefined) => {
    if (!p) return null;
    const qty = typeof line.qty === 'number' ? line.qty : 0;
    const price = typeof line.unitPrice === 'number' ? line.unitPrice : null;
    const cost = typeof p.cost === 'number' ? p.cost : null;
    const margin =
      price !== null && cost !== null && qty > 0
        ? marginPct(lineTotalFen(yuanToFen(price), qty), lineTotalFen(yuanToFen(cost), qty))
        : null;
    const cls = marginClass(p);
    const band = bandOf(cls);
    // the band holds the overall margin of the class (6.4.3): a line is marked when its class is out of
    // it and the line pulls that way, when it sells below cost, or when an SMB price is off the catalog
    const classOut = facts.find((f) => f.key === `margin.${cls}`)?.tone === 'error';
    const pulls = margin !== null && !!band && (margin < band[0] || margin > band[1]);
    const offCatalog =
      smb && price !== null && typeof p.catalogPrice === 'number' && yuanToFen(price) !== yuanToFen(p.catalogPrice);
    const bad = (classOut && pulls) || offCatalog || (margin !== null && margin < 0);
    return (
      <Typography
        variant="caption"
        component="div"
        data-testid="quote-line-guide"
        sx={{ color: bad ? 'error.main' : 'text.secondary', fontWeight: bad ? 600 : 400 }}
      >
        {[
          showCost && cost !== null ? translate('app.guide.quote.cost', { cost: formatYuan(yuanToFen(cost)) }) : null,
          margin !== null ? translate('app.guide.quote.margin', { margin: margin.toFixed(2) }) : null,
          band && !smb ? translate('app.guide.quote.band', { min: band[0], max: band[1] }) : null,
          offCatalog ? translate('app.guide.quote.catalogOnly') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    );
  };
  return (
    <Box sx={{ width: '100%', maxWidth: 980 }}>
      <ArrayInput
        source="lines"
        validate={required()}
        helperText={false}
        sx={{ width: '100%' }}
        defaultValue={mode === 'create' ? [{ ...NEW_LINE }] : undefined}
      >
        <LinesGrid
          resource="quotes"
          linesField="lines"
          products={products}
          qtyValidate={validatorsFor(lineF.qty, { mode })}
          priceValidate={validatorsFor(lineF.unitPrice, { mode })}
          after="note"
          extras={{ info }}
        />
      </ArrayInput>
      <Box sx={{ mt: 1 }} data-testid="quote-guidance" aria-live="polite">
        <Typography variant="subtitle2">{translate('app.guide.quote.title')}</Typography>
        {!body ? (
          <Typography variant="caption" color="text.secondary">
            {translate('app.order.pickCustomerFirst')}
          </Typography>
        ) : facts.length > 0 ? (
          <FactsTable facts={facts} />
        ) : null}
        {(preview?.refusals ?? []).length > 0 && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {(preview?.refusals ?? []).map((r, i) => (
              <Typography key={i} variant="caption" component="div">
                {text(r.message)}
              </Typography>
            ))}
          </Alert>
        )}
      </Box>
    </Box>
  );
}
