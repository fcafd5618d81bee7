import { Alert, Box, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { createContext, useContext, useMemo, type KeyboardEvent, type ReactNode } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  Create,
  DateTimeInput,
  Edit,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useArrayInput,
  useGetOne,
  useSourceContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useText } from '../../app/i18n/i18nProvider';
import type { DocRecord } from '../../domain/definition';
import { orders } from '../../domain/documents/orders';
import { formatYuan, lineTotalFen, yuanToFen } from '../../domain/money';
import { remainingCreditFen } from '../../domain/rules/customerTerms';
import { shortBy } from '../../domain/rules/pricing';
import { usableQuotesFilter } from '../../domain/rules/sales/quoteTime';
import { shanghaiDate } from '../../domain/calendar';
import { formatMoney, formatShanghai } from '../fieldRenderers';
import { SaveOnlyToolbar } from '../GeneratedForm';
import { choicesOf, formatShanghaiInput, moneyAmount, parseShanghaiInput, validatorsFor } from '../inputFor';
import { useOrderPricing, type OrderPricing } from './useOrderPricing';
import { enumKey } from '../../app/i18n/resourceKeys';

/**
 * Order entry for the phone clerk: customer first (autofocus), products searched by name or SKU
 * filling in the catalog price, live subtotal / delivery fee / total / promise computed with the
 * domain's `computeOrder` (the server's own code), stock shortfalls per line, credit allowed or
 * not with its clause, and the server's dry run for the branch-GM hint. Enter on a quantity or
 * price adds a line.
 */

const L = (field: string) => `resources.orders.lineFields.lines.${field}`;
const F = orders.fields;
const lineF = F.lines.lineFields!;
const NEW_LINE = { productId: null, qty: 1, unitPrice: null };

/** Product search; picking one fills the line's unit price with the catalog price (6.2.2). */
function ProductInput({ source }: { source: string }) {
  const { getSource } = useSourceContext();
  const { setValue } = useFormContext();
  const { index } = useLineIndex();
  return (
    <ReferenceInput source={source} reference="products" filter={{ active: true }} sort={{ field: 'sku', order: 'ASC' }}>
      <AutocompleteInput
        label={L('productId')}
        validate={required()}
        filterToQuery={(q: string) => ({ q })}
        autoFocus={index > 0}
        sx={{ minWidth: 300 }}
        helperText={false}
        onChange={(_value: unknown, record: RaRecord | '') => {
          const p = record || undefined;
          if (p && typeof p.catalogPrice === 'number') setValue(getSource('unitPrice'), p.catalogPrice, { shouldDirty: true, shouldValidate: true });
        }}
      />
    </ReferenceInput>
  );
}

/** The index of the line this input belongs to (from its source, e.g. "lines.2.qty"). */
function useLineIndex() {
  const { getSource } = useSourceContext();
  const m = /\.(\d+)\.x$/.exec(getSource('x'));
  return { index: m ? Number(m[1]) : 0 };
}

/** Amount of the line and its stock flag (5.2.2 / 5.6.4): red "缺货 N" when stock cannot serve it. */
function LineInfo() {
  const translate = useTranslate();
  const { getSource } = useSourceContext();
  const [productId, qty, unitPrice] = useWatch({ name: [getSource('productId'), getSource('qty'), getSource('unitPrice')] }) as [unknown, unknown, unknown];
  const { data: product } = useGetOne<DocRecord & { id: number }>('products', { id: Number(productId) }, { enabled: typeof productId === 'number' });
  const q = typeof qty === 'number' && Number.isFinite(qty) ? qty : 0;
  const amountFen = typeof unitPrice === 'number' && Number.isFinite(unitPrice) ? lineTotalFen(yuanToFen(unitPrice), q) : 0;
  const short = shortBy(q, product);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 180, pt: 1 }}>
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', minWidth: 80, textAlign: 'right' }} data-testid="line-amount">
        {formatYuan(amountFen)}
      </Typography>
      {product && short > 0 && <Chip size="small" color="error" label={translate('app.order.short', { n: short })} data-testid="line-short" />}
      {product && short === 0 && (
        <Typography variant="caption" color="text.secondary">
          {translate('app.order.stock', { n: String(product.stock ?? 0) })}
        </Typography>
      )}
    </Stack>
  );
}

/** Enter in a quantity or price adds a line (instead of submitting the form). */
function EnterAddsLine({ children }: { children: ReactNode }) {
  const { append } = useArrayInput();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const t = e.target as HTMLInputElement;
    if (e.key !== 'Enter' || t.tagName !== 'INPUT' || t.type !== 'number') return;
    e.preventDefault();
    append({ ...NEW_LINE });
  };
  return <Box onKeyDown={onKeyDown}>{children}</Box>;
}

function PaymentMethodInput({ pricing }: { pricing: OrderPricing }) {
  const translate = useTranslate();
  const text = useText();
  const refusal = pricing.creditRefusal;
  const customer = pricing.customer;
  const creditUsed = pricing.preview?.facts?.creditUsed;
  const remaining = customer && !refusal && typeof creditUsed === 'number' ? remainingCreditFen(customer, creditUsed) : null;
  const helper = refusal
    ? translate('app.order.creditNotAllowed', { reason: text(refusal.message) })
    : remaining !== null
      ? translate('app.order.creditRemaining', { amount: formatYuan(remaining) })
      : false;
  return (
    <SelectInput
      source="paymentMethod"
      validate={required()}
      defaultValue="cash"
      choices={[
        { id: 'cash', name: enumKey('orders', 'paymentMethod', 'cash') },
        { id: 'credit', name: enumKey('orders', 'paymentMethod', 'credit'), disabled: !!refusal },
      ]}
      helperText={helper}
      data-testid="payment-method"
    />
  );
}

/** The live amounts panel. */
function OrderSummary({ pricing }: { pricing: OrderPricing }) {
  const translate = useTranslate();
  const text = useText();
  const c = pricing.computed;
  const subtotal = typeof c.subtotal === 'number' ? c.subtotal : 0;
  const refusals = pricing.preview?.refusals ?? [];
  const row = (label: string, value: string, testId: string, strong = false) => (
    <Stack direction="row" sx={{ justifyContent: 'space-between', py: 0.5 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant={strong ? 'h6' : 'body1'} sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : 400 }} data-testid={testId}>
        {value}
      </Typography>
    </Stack>
  );
  return (
    <Card variant="outlined" sx={{ position: { md: 'sticky' }, top: { md: 64 } }} aria-label={translate('app.order.summary')}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('app.order.summary')}
        </Typography>
        {row(translate('app.order.subtotal'), formatMoney(subtotal), 'order-subtotal')}
        {row(translate('app.order.deliveryFee'), formatMoney(c.deliveryFee), 'order-fee')}
        <Typography variant="caption" color="text.secondary">
          {subtotal > 0 && Number(c.deliveryFee) > 0 ? translate('app.order.feeApplies') : translate('app.order.freeDelivery')}
        </Typography>
        <Divider sx={{ my: 1 }} />
        {row(translate('app.order.total'), formatMoney(c.total), 'order-total', true)}
        <Divider sx={{ my: 1 }} />
        <Typography variant="body2" color="text.secondary">
          {translate('app.order.promise')}
        </Typography>
        <Typography variant="body1" data-testid="order-promise">
          {pricing.customer ? formatShanghai(c.promisedDeliveryAt) : translate('app.order.pickCustomerFirst')}
        </Typography>
        {pricing.customer && typeof c.promiseKind === 'string' && (
          <Typography variant="caption" color="text.secondary">
            {translate(`app.order.promiseKinds.${c.promiseKind}`)}
          </Typography>
        )}
        {c.keyAccount === true && (
          <Chip size="small" color="secondary" sx={{ mt: 1 }} label={translate('app.order.keyAccount')} />
        )}
        {Number(c.shortLines) > 0 && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {translate('app.order.shortHint')}
          </Alert>
        )}
        {c.needsGmApproval === true && (
          <Alert severity="info" sx={{ mt: 1 }} data-testid="needs-gm">
            {translate('app.order.needsGm')}
          </Alert>
        )}
        {refusals.length > 0 && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            <Typography variant="caption" component="div" sx={{ fontWeight: 600 }}>
              {translate('app.order.previewRefusals')}
            </Typography>
            {refusals.map((r, i) => (
              <Typography key={i} variant="caption" component="div">
                {text(r.message)}
              </Typography>
            ))}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

/** Watches only what the amounts depend on and shares the result with the few components that show it. */
const PricingContext = createContext<OrderPricing | null>(null);
const WATCHED = ['customerId', 'channel', 'paymentMethod', 'quoteId', 'receivedAt', 'lines'] as const;

function PricingProvider({ children }: { children: ReactNode }) {
  const watched = useWatch({ name: [...WATCHED] }) as unknown[];
  const values = useMemo(() => Object.fromEntries(WATCHED.map((k, i) => [k, watched[i]])) as DocRecord, [watched]);
  const pricing = useOrderPricing(values);
  return <PricingContext.Provider value={pricing}>{children}</PricingContext.Provider>;
}

function usePricing(): OrderPricing {
  const p = useContext(PricingContext);
  if (!p) throw new Error('usePricing outside PricingProvider');
  return p;
}

const LivePaymentMethod = () => <PaymentMethodInput pricing={usePricing()} />;
const LiveSummary = () => <OrderSummary pricing={usePricing()} />;

/** Receiver / phone / address: empty means "the customer's" (computeOrder fills them in), shown as the helper. */
function DeliveryInputs({ mode }: { mode: 'create' | 'edit' }) {
  const { customer } = usePricing();
  const fromCustomer = (v: unknown) => (typeof v === 'string' && v ? v : false);
  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateTimeInput source="requiredBy" format={formatShanghaiInput} parse={parseShanghaiInput} />
        <TextInput source="receiver" validate={validatorsFor(F.receiver, { mode })} helperText={fromCustomer(customer?.contact)} />
        <TextInput source="receiverPhone" validate={validatorsFor(F.receiverPhone, { mode })} helperText={fromCustomer(customer?.phone)} />
      </Stack>
      <TextInput source="deliveryAddress" validate={validatorsFor(F.deliveryAddress, { mode })} helperText={fromCustomer(customer?.address)} />
      {customer?.tier === 'keyAccount' && <QuotePicker customerId={Number(customer.id)} />}
    </>
  );
}

/**
 * 6.4.4 a key account's prices off the catalog come from its quote: picked by code among this
 * customer's accepted quotes still valid today (the rules check the order's own date again).
 */
function QuotePicker({ customerId }: { customerId: number }) {
  const translate = useTranslate();
  const today = shanghaiDate(new Date());
  return (
    <ReferenceInput source="quoteId" reference="quotes" filter={usableQuotesFilter(customerId, today)} sort={{ field: 'validUntil', order: 'DESC' }}>
      <AutocompleteInput
        optionText={(q: RaRecord) => translate('app.order.quoteOption', { code: String(q.code ?? `#${q.id}`), validUntil: String(q.validUntil ?? '') })}
        filterToQuery={(q: string) => ({ q })}
        helperText={translate('app.order.quoteHelp')}
        sx={{ minWidth: 320 }}
      />
    </ReferenceInput>
  );
}

function OrderFormContent({ mode }: { mode: 'create' | 'edit' }) {
  const translate = useTranslate();
  const text = useText();
  return (
    <PricingProvider>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) 300px' }, gap: 3, width: '100%' }}>
        <Box>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <Box sx={{ flex: 2 }}>
              <ReferenceInput source="customerId" reference="customers" filter={{ active: true }}>
                <AutocompleteInput validate={required()} filterToQuery={(q: string) => ({ q })} autoFocus />
              </ReferenceInput>
            </Box>
            <Box sx={{ flex: 1 }}>
              <SelectInput
                source="channel"
                validate={required()}
                defaultValue="phone"
                disabled={mode === 'edit'}
                choices={choicesOf('orders', 'channel', F.channel)}
              />
            </Box>
            <Box sx={{ flex: 1 }}>
              <LivePaymentMethod />
            </Box>
          </Stack>
          <ArrayInput source="lines" label={translate('app.order.lines')} validate={required()}>
            <EnterAddsLine>
              <SimpleFormIterator inline disableReordering getItemLabel={(i: number) => `${i + 1}.`}>
                <ProductInput source="productId" />
                <NumberInput source="qty" label={L('qty')} defaultValue={1} step={1} min={1} validate={validatorsFor(lineF.qty, { mode })} sx={{ width: 100 }} helperText={false} />
                <NumberInput source="unitPrice" label={L('unitPrice')} step={0.01} min={0} validate={[required(), moneyAmount]} sx={{ width: 130 }} helperText={false} />
                <LineInfo />
              </SimpleFormIterator>
            </EnterAddsLine>
          </ArrayInput>
          <BooleanInput source="linesConfirmed" defaultValue={false} helperText={text(F.linesConfirmed.help)} />
          <DeliveryInputs mode={mode} />
          <TextInput source="note" multiline minRows={2} validate={validatorsFor(F.note, { mode })} />
        </Box>
        <Box>
          <LiveSummary />
        </Box>
      </Box>
    </PricingProvider>
  );
}

const OrderForm = ({ mode }: { mode: 'create' | 'edit' }) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={mode === 'create' ? { channel: 'phone', paymentMethod: 'cash', linesConfirmed: false, lines: [{ ...NEW_LINE }] } : undefined}>
    <OrderFormContent mode={mode} />
  </SimpleForm>
);

export const OrderCreate = () => (
  <Create redirect="show">
    <OrderForm mode="create" />
  </Create>
);

export const OrderEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <OrderForm mode="edit" />
  </Edit>
);
