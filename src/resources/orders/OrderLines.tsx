import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Box, Button, IconButton, Stack, Typography } from '@mui/material';
import { useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import {
  AutocompleteInput,
  NumberInput,
  ReferenceInput,
  required,
  SourceContextProvider,
  useArrayInput,
  useRecordContext,
  useSourceContext,
  useTranslate,
  type RaRecord,
  type Validator,
} from 'react-admin';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useText } from '../../app/i18n/i18nProvider';
import type { DocRecord } from '../../domain/definition';
import { formatYuan, lineTotalFen, yuanToFen } from '../../domain/money';
import { SHORT_OFFER, shortLines } from '../../domain/rules/stock';
import type { Text } from '../../domain/text';

/**
 * The phone desk's line table: product first (options show code, name, spec/pack, stock and
 * catalog price; type-ahead by code or name), then quantity and unit price — wide enough for
 * 6 digits and 2 decimals at 1280 — then the amount. Under each line: what the product is and how
 * much is on the shelf; a line the stock cannot serve says what the procedure offers (5.6.4 → 6.5
 * requisition / 6.13 transfer) right there.
 *
 * Keyboard: Enter on a product picks the highlighted match and moves to the quantity; Enter on the
 * quantity moves to the price; Enter (or Tab on the last line) on the price opens the next line;
 * Enter on an empty product leaves the table. The remove buttons are out of the Tab order.
 */

export const NEW_LINE = { productId: null, qty: 1, unitPrice: null };

/** `true` for a line the clerk has not started (dropped on save). */
export const isBlankLine = (l: unknown) =>
  !l ||
  typeof l !== 'object' ||
  ((l as DocRecord).productId == null && ((l as DocRecord).unitPrice == null || (l as DocRecord).unitPrice === ''));

const COLUMNS = '28px minmax(220px, 1fr) 112px 128px 112px 32px';
const L = (resource: string, linesField: string, field: string) =>
  `resources.${resource}.lineFields.${linesField}.${field}`;

/**
 * The line's validators, skipped for a line the clerk has not started (the empty line the table
 * keeps open is dropped on save, it is not an order line missing its product).
 */
function unlessBlank(validators: Validator[]): Validator[] {
  const lineOf = (all: Record<string, unknown>, finalSource: unknown) => {
    const m = /^(.*)\.(\d+)\.[^.]+$/.exec(String(finalSource ?? ''));
    if (!m) return undefined;
    const list = m[1]
      .split('.')
      .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), all);
    return Array.isArray(list) ? list[Number(m[2])] : undefined;
  };
  return validators.map(
    (v) => (value: unknown, all: Record<string, unknown>, props: { finalSource?: string }) =>
      isBlankLine(lineOf(all, props?.finalSource)) ? undefined : v(value, all, props),
  );
}
const PRODUCT_REQUIRED = unlessBlank([required()]);

/** Focus an input of the form by its name (after React has rendered it). */
export function focusField(name: string, tries = 10) {
  const el = document.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
  if (el) {
    el.focus();
    if (el instanceof HTMLInputElement && el.type !== 'checkbox') el.select();
  } else if (tries > 0) setTimeout(() => focusField(name, tries - 1), 30);
}

/** how long after a keystroke the product list may still show the previous search (debounce + answer) */
const STALE_MS = 1500;

/** The highlighted option of the open list matches what was typed (the list is not stale). */
function highlightedMatches(typed: string): boolean {
  const option = document.querySelector('[role="listbox"] [role="option"].Mui-focused');
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return !!option && norm(option.textContent ?? '').includes(norm(typed));
}

/** A field error as react-admin keeps it (a message key, or `@@react-admin@@{message, args}`), in words. */
function errorText(message: unknown, translate: (key: string, options?: Record<string, unknown>) => string): string {
  if (typeof message !== 'string') return String(message);
  const PREFIX = '@@react-admin@@';
  if (!message.startsWith(PREFIX)) return translate(message, { _: message });
  try {
    const e = JSON.parse(message.slice(PREFIX.length)) as string | { message: string; args?: Record<string, unknown> };
    return typeof e === 'string' ? translate(e, { _: e }) : translate(e.message, { _: e.message, ...(e.args ?? {}) });
  } catch {
    return message;
  }
}

/** An option of the product list: code and name, then spec / pack, stock and catalog price. */
function ProductOption() {
  const p = useRecordContext();
  const translate = useTranslate();
  if (!p) return null;
  const spec = [p.spec, p.model, p.colour].filter(Boolean).join(' ');
  return (
    <Box sx={{ py: 0.25, minWidth: 0 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
        <Box component="span" sx={{ fontFamily: 'monospace', mr: 1 }}>
          {String(p.sku ?? '')}
        </Box>
        {String(p.name ?? '')}
      </Typography>
      <Typography
        variant="caption"
        color={Number(p.stock ?? 0) > 0 ? 'text.secondary' : 'error'}
        component="div"
        noWrap
      >
        {[
          spec,
          p.unit ? translate('app.guide.lines.unit', { unit: String(p.unit) }) : '',
          translate('app.guide.lines.stock', { n: String(p.stock ?? 0) }),
          typeof p.catalogPrice === 'number' ? formatYuan(yuanToFen(p.catalogPrice)) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </Box>
  );
}

const productText = (p: RaRecord) => [p.sku, p.name].filter(Boolean).join(' ');
// stable across renders: AutocompleteInput puts the selected choice's text back into the box whenever
// its option rendering changes identity — a fresh element per render wiped what the clerk was typing
const PRODUCT_OPTION = <ProductOption />;
const serverMatched = () => true;
/**
 * Type-ahead by code or name: the server's full-text `q`; a code being typed (letters, a dash …)
 * also starts the list at that code, so the product with exactly that code comes first (the list
 * is in code order: 'OT-0002' would otherwise come before 'ST-0002').
 */
const CODE_TYPED = /^[A-Za-z]{1,6}-[A-Za-z0-9-]*$/;
const searchQuery = (q: string) => (CODE_TYPED.test(q.trim()) ? { q, sku_gte: q.trim().toUpperCase() } : { q });

export interface LineExtras {
  /** a second line under the line (price guidance of a quote, returnable quantity …) */
  info?: (index: number, line: DocRecord, product: DocRecord | undefined) => ReactNode;
}

/**
 * One line's inputs. `sourceOf(field)` is the line's full source (lines.2.qty); the inputs use
 * react-admin's SourceContext so their labels and errors are the definition's.
 */
function LineRow(props: {
  index: number;
  last: boolean;
  resource: string;
  linesField: string;
  priceLabel?: string;
  qtyValidate: Validator[];
  priceValidate: Validator[];
  product: DocRecord | undefined;
  shortBy: number;
  onNext: () => void;
  onLeave: () => void;
  onRemove: () => void;
  info?: ReactNode;
}) {
  const translate = useTranslate();
  const text = useText();
  const parent = useSourceContext();
  const { setValue } = useFormContext();
  const { index } = props;
  /** when the clerk last typed in the product box, and whether they chose an option with the arrows since */
  const typedAt = useRef(0);
  const chose = useRef(false);
  const qtyValidate = useMemo(() => unlessBlank(props.qtyValidate), [props.qtyValidate]);
  const priceValidate = useMemo(() => unlessBlank(props.priceValidate), [props.priceValidate]);
  const src = (f: string) => parent.getSource(`${index}.${f}`);
  const context = useMemo(
    () => ({
      getSource: (s: string) => parent.getSource(`${index}.${s}`),
      getLabel: (s: string) => parent.getLabel(s),
    }),
    [parent, index],
  );
  const [qty, unitPrice] = useWatch({ name: [src('qty'), src('unitPrice')] }) as [unknown, unknown];
  const { errors } = useFormState({ name: [src('productId'), src('qty'), src('unitPrice')] });
  const amountFen =
    typeof unitPrice === 'number' && Number.isFinite(unitPrice) && typeof qty === 'number' && Number.isFinite(qty)
      ? lineTotalFen(yuanToFen(unitPrice), Math.trunc(qty))
      : null;
  const p = props.product;
  const lineErrors = ['productId', 'qty', 'unitPrice']
    .map((f) => {
      const e = src(f)
        .split('.')
        .reduce<unknown>(
          (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
          errors,
        ) as { message?: unknown } | undefined;
      return e?.message
        ? `${translate(L(props.resource, props.linesField, f))}：${errorText(e.message, translate)}`
        : null;
    })
    .filter(Boolean);

  const onProductKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') chose.current = true;
    else if (e.key.length === 1 || e.key === 'Backspace') {
      typedAt.current = Date.now();
      chose.current = false;
    }
    if (e.key !== 'Enter') return;
    const input = e.target as HTMLInputElement;
    if (input.value.trim() === '') {
      // an empty product: the lines are done
      e.preventDefault();
      e.stopPropagation();
      props.onLeave();
    } else if (!chose.current && Date.now() - typedAt.current < STALE_MS && !highlightedMatches(input.value)) {
      // just typed, and the list still shows the earlier search: never pick its stale first option
      e.preventDefault();
      e.stopPropagation();
    }
  };
  const onQtyKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    focusField(src('unitPrice'));
  };
  const onPriceKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey && props.last)) {
      e.preventDefault();
      props.onNext();
    }
  };
  return (
    <SourceContextProvider value={context}>
      <Box sx={{ display: 'contents' }} data-testid={`line-${index}`}>
        <Typography variant="body2" color="text.secondary" sx={{ pt: 1.25, textAlign: 'right' }}>
          {index + 1}
        </Typography>
        <Box onKeyDownCapture={onProductKey} sx={{ minWidth: 0 }}>
          <ReferenceInput
            source="productId"
            reference="products"
            filter={{ active: true }}
            sort={{ field: 'sku', order: 'ASC' }}
            debounce={150}
          >
            <AutocompleteInput
              label={L(props.resource, props.linesField, 'productId')}
              validate={PRODUCT_REQUIRED}
              isRequired
              optionText={PRODUCT_OPTION}
              inputText={productText}
              translateChoice={false}
              matchSuggestion={serverMatched}
              filterToQuery={searchQuery}
              autoHighlight
              helperText={false}
              fullWidth
              size="small"
              onChange={(_value: unknown, record: RaRecord | '') => {
                const chosen = record || undefined;
                if (!chosen) return;
                if (typeof chosen.catalogPrice === 'number')
                  setValue(src('unitPrice'), chosen.catalogPrice, { shouldDirty: true, shouldValidate: true });
                focusField(src('qty'));
              }}
            />
          </ReferenceInput>
        </Box>
        <Box onKeyDownCapture={onQtyKey}>
          <NumberInput
            source="qty"
            label={L(props.resource, props.linesField, 'qty')}
            step={1}
            min={1}
            validate={qtyValidate}
            isRequired
            helperText={false}
            size="small"
            className="bl-num"
          />
        </Box>
        <Box onKeyDownCapture={onPriceKey}>
          <NumberInput
            source="unitPrice"
            label={props.priceLabel ?? L(props.resource, props.linesField, 'unitPrice')}
            step={0.01}
            min={0}
            validate={priceValidate}
            isRequired
            helperText={false}
            size="small"
            className="bl-num"
          />
        </Box>
        <Typography
          variant="body2"
          sx={{
            pt: 1.25,
            textAlign: 'right',
            fontVariantNumeric: 'tabular-nums',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
          data-testid="line-amount"
        >
          {amountFen === null ? '—' : formatYuan(amountFen)}
        </Typography>
        <IconButton
          size="small"
          tabIndex={-1}
          onClick={props.onRemove}
          aria-label={translate('app.guide.lines.remove', { n: index + 1 })}
          sx={{ mt: 0.5 }}
        >
          <DeleteIcon fontSize="small" />
        </IconButton>
        <Box sx={{ gridColumn: '2 / -1', mt: -0.5, mb: 0.5, minHeight: 18 }}>
          {p ? (
            <Typography variant="caption" color="text.secondary" component="div" data-testid="line-product">
              {[
                String(p.name ?? ''),
                [p.spec, p.model, p.colour].filter(Boolean).join(' '),
                p.unit ? translate('app.guide.lines.unit', { unit: String(p.unit) }) : '',
                translate('app.guide.lines.stock', { n: String(p.stock ?? 0) }),
                typeof p.catalogPrice === 'number'
                  ? translate('app.guide.lines.catalog', { price: formatYuan(yuanToFen(p.catalogPrice)) })
                  : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          ) : null}
          {props.shortBy > 0 ? (
            <Typography
              variant="caption"
              color="error"
              component="div"
              sx={{ fontWeight: 600 }}
              data-testid="line-short"
            >
              {translate('app.guide.lines.short', { n: props.shortBy, offer: text(SHORT_OFFER) })} (5.6.4)
            </Typography>
          ) : null}
          {props.info}
          {lineErrors.map((e) => (
            <Typography key={e} variant="caption" color="error" component="div" role="alert">
              {e}
            </Typography>
          ))}
        </Box>
      </Box>
    </SourceContextProvider>
  );
}

/**
 * The lines of an ArrayInput as a table (place it as the ArrayInput's child). `products` are the
 * products of the lines, loaded by the form (for the info line and the stock check).
 */
export function LinesGrid(props: {
  resource: string;
  linesField: string;
  products: Record<number, DocRecord>;
  qtyValidate: Validator[];
  priceValidate: Validator[];
  priceLabel?: string;
  /** where Enter on an empty product goes (the next input after the table) */
  after: string;
  extras?: LineExtras;
  newLine?: DocRecord;
  /** stock shortfalls shown under the lines (orders; not quotes) */
  checkStock?: boolean;
  header?: Text;
}) {
  const translate = useTranslate();
  const { fields, append, remove } = useArrayInput();
  const parent = useSourceContext();
  const watched = useWatch({ name: parent.getSource('') }) as DocRecord[] | undefined;
  const lines = useMemo(() => watched ?? [], [watched]);
  const short = useMemo(
    () =>
      props.checkStock
        ? new Map(shortLines(lines, props.products).map((s) => [s.index, s.short]))
        : new Map<number, number>(),
    [props.checkStock, lines, props.products],
  );
  const newLine = props.newLine ?? NEW_LINE;
  /** Enter on an empty product: the lines are done — the empty last line goes, the cursor moves on */
  const leave = (i: number) => {
    if (i === fields.length - 1 && i > 0 && isBlankLine(lines[i])) flushSync(() => remove(i));
    focusField(props.after);
  };
  const next = (i: number) => {
    if (i < fields.length - 1) return focusField(parent.getSource(`${i + 1}.productId`));
    const line = lines[i];
    if (isBlankLine(line) || line?.productId == null) return focusField(props.after);
    // rendered at once, so the keys typed right after Enter land in the new line, not the old price
    flushSync(() => append({ ...newLine }));
    focusField(parent.getSource(`${i + 1}.productId`));
  };
  return (
    <Box sx={{ width: '100%', mt: 2.5 }}>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: COLUMNS,
          columnGap: 1,
          alignItems: 'start',
          '& .MuiFormControl-root': { m: 0, width: '100%' },
          // the quantity and price boxes: digits right-aligned, no spinner eating their width
          '& .bl-num input': { textAlign: 'right', fontVariantNumeric: 'tabular-nums', MozAppearance: 'textfield' },
          '& .bl-num input::-webkit-outer-spin-button, & .bl-num input::-webkit-inner-spin-button': {
            WebkitAppearance: 'none',
            m: 0,
          },
          // field errors are spelled out under the line, not wrapped one character a line in a narrow cell
          '& .MuiFormHelperText-root': { display: 'none' },
        }}
        role="table"
        aria-label={translate(`resources.${props.resource}.fields.${props.linesField}`)}
      >
        {[
          '#',
          L(props.resource, props.linesField, 'productId'),
          L(props.resource, props.linesField, 'qty'),
          props.priceLabel ?? L(props.resource, props.linesField, 'unitPrice'),
          L(props.resource, props.linesField, 'amount'),
          '',
        ].map((h, i) => (
          <Typography
            key={i}
            variant="caption"
            color="text.secondary"
            sx={{ fontWeight: 600, textAlign: i >= 2 && i <= 4 ? 'right' : 'left', pb: 0.5 }}
            role="columnheader"
          >
            {h === '#' || h === '' ? h : translate(h)}
          </Typography>
        ))}
        {fields.map((f, i) => (
          <LineRow
            key={f.id}
            index={i}
            last={i === fields.length - 1}
            resource={props.resource}
            linesField={props.linesField}
            priceLabel={props.priceLabel}
            qtyValidate={props.qtyValidate}
            priceValidate={props.priceValidate}
            product={props.products[Number(lines[i]?.productId)]}
            shortBy={short.get(i) ?? 0}
            onNext={() => next(i)}
            onLeave={() => leave(i)}
            onRemove={() => remove(i)}
            info={props.extras?.info?.(i, lines[i] ?? {}, props.products[Number(lines[i]?.productId)])}
          />
        ))}
      </Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 0.5 }}>
        <Button size="small" onClick={() => append({ ...newLine })}>
          {translate('app.order.addLine')}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {translate('app.guide.lines.keys')}
        </Typography>
      </Stack>
    </Box>
  );
}
