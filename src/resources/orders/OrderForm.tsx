import { Alert, Box, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  Create,
  DateTimeInput,
  Edit,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useText } from '../../app/i18n/i18nProvider';
import type { DocRecord } from '../../domain/definition';
import { orders } from '../../domain/documents/orders';
import { formatYuan } from '../../domain/money';
import { isKeyAccount, remainingCreditFen } from '../../domain/rules/customerTerms';
import { usableQuotesFilter } from '../../domain/rules/sales/quoteTime';
import { shanghaiDate } from '../../domain/calendar';
import { formatMoney, formatShanghai } from '../fieldRenderers';
import { SaveOnlyToolbar } from '../GeneratedForm';
import { choicesOf, formatShanghaiInput, moneyAmount, parseShanghaiInput, validatorsFor } from '../inputFor';
import { useOrderPricing, type OrderPricing } from './useOrderPricing';
import { focusField, isBlankLine, LinesGrid, NEW_LINE } from './OrderLines';
import { enumKey } from '../../app/i18n/resourceKeys';

/**
 * Order entry for the phone clerk: customer first (autofocus), then the line table (OrderLines:
 * product first, options with code, name, spec, stock and catalog price; quantity and price; the
 * amount; Enter/Tab along the line opens the next), live subtotal / delivery fee / total / promise
 * computed with the domain's `computeOrder` (the server's own code), stock shortfalls per line with
 * what the procedure offers, credit allowed or not with its clause, and the server's dry run for the
 * branch-GM hint. Leaving with unsaved work asks first.
 */

const F = orders.fields;
const searchCustomers = (q: string) => ({ q });
const lineF = F.lines.lineFields!;

function PaymentMethodInput({ pricing }: { pricing: OrderPricing }) {
  const translate = useTranslate();
  const text = useText();
  const refusal = pricing.creditRefusal;
  const customer = pricing.customer;
  const creditUsed = pricing.preview?.facts?.creditUsed;
  const remaining =
    customer && !refusal && typeof creditUsed === 'number' ? remainingCreditFen(customer, creditUsed) : null;
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
        // 5.5.2 a first order asking for credit stays choosable: saving it is refused and hands it to the sales rep (the server records the hand-off)
        {
          id: 'credit',
          name: enumKey('orders', 'paymentMethod', 'credit'),
          disabled: !!refusal && refusal.rule !== '5.5.2',
        },
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
      <Typography
        variant={strong ? 'h6' : 'body1'}
        sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : 400 }}
        data-testid={testId}
      >
        {value}
      </Typography>
    </Stack>
  );
  return (
    <Card
      variant="outlined"
      sx={{ position: { md: 'sticky' }, top: { md: 64 } }}
      aria-label={translate('app.order.summary')}
    >
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('app.order.summary')}
        </Typography>
        {row(translate('app.order.subtotal'), formatMoney(subtotal), 'order-subtotal')}
        {row(translate('app.order.deliveryFee'), formatMoney(c.deliveryFee), 'order-fee')}
        <Typography variant="caption" color="text.secondary">
          {subtotal > 0 && Number(c.deliveryFee) > 0
            ? translate('app.order.feeApplies')
            : translate('app.order.freeDelivery')}
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

function LiveLines({ mode }: { mode: 'create' | 'edit' }) {
  const { products } = usePricing();
  return (
    <LinesGrid
      resource="orders"
      linesField="lines"
      products={products}
      qtyValidate={validatorsFor(lineF.qty, { mode })}
      priceValidate={[required(), moneyAmount]}
      after="linesConfirmed"
      checkStock
    />
  );
}
const LiveSummary = () => <OrderSummary pricing={usePricing()} />;

/** Receiver / phone / address: empty means "the customer's" (computeOrder fills them in), shown as the helper. */
function DeliveryInputs({ mode }: { mode: 'create' | 'edit' }) {
  const { customer } = usePricing();
  const fromCustomer = (v: unknown) => (typeof v === 'string' && v ? v : false);
  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateTimeInput source="requiredBy" format={formatShanghaiInput} parse={parseShanghaiInput} />
        <TextInput
          source="receiver"
          validate={validatorsFor(F.receiver, { mode })}
          helperText={fromCustomer(customer?.contact)}
        />
        <TextInput
          source="receiverPhone"
          validate={validatorsFor(F.receiverPhone, { mode })}
          helperText={fromCustomer(customer?.phone)}
        />
      </Stack>
      <TextInput
        source="deliveryAddress"
        validate={validatorsFor(F.deliveryAddress, { mode })}
        helperText={fromCustomer(customer?.address)}
      />
      {isKeyAccount(customer) && customer && <QuotePicker customerId={Number(customer.id)} />}
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
    <ReferenceInput
      source="quoteId"
      reference="quotes"
      filter={usableQuotesFilter(customerId, today)}
      sort={{ field: 'validUntil', order: 'DESC' }}
    >
      <AutocompleteInput
        optionText={(q: RaRecord) =>
          translate('app.order.quoteOption', {
            code: String(q.code ?? `#${q.id}`),
            validUntil: String(q.validUntil ?? ''),
          })
        }
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
  // the phone clerk starts with the customer (autoFocus alone is lost to the page's own focus handling on load)
  useEffect(() => {
    if (mode === 'create') focusField('customerId');
  }, [mode]);
  return (
    <PricingProvider>
      <Box
        sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 260px' }, gap: 3, width: '100%' }}
      >
        <Box>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <Box sx={{ flex: 2 }}>
              <ReferenceInput source="customerId" reference="customers" filter={{ active: true }}>
                <AutocompleteInput
                  validate={required()}
                  filterToQuery={searchCustomers}
                  translateChoice={false}
                  autoFocus
                  autoHighlight
                />
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
          <ArrayInput
            source="lines"
            label={translate('app.order.lines')}
            validate={required()}
            helperText={false}
            sx={{ width: '100%' }}
          >
            <LiveLines mode={mode} />
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

// a half-taken phone order is never lost without a word (react-admin asks before leaving)
const OrderForm = ({ mode }: { mode: 'create' | 'edit' }) => (
  <SimpleForm
    toolbar={<SaveOnlyToolbar />}
    warnWhenUnsavedChanges
    defaultValues={
      mode === 'create'
        ? { channel: 'phone', paymentMethod: 'cash', linesConfirmed: false, lines: [{ ...NEW_LINE }] }
        : undefined
    }
  >
    <OrderFormContent mode={mode} />
  </SimpleForm>
);

/** the line the clerk opened last and left empty is not part of the order */
const dropBlankLines = (data: DocRecord) =>
  Array.isArray(data.lines) ? { ...data, lines: (data.lines as unknown[]).filter((l) => !isBlankLine(l)) } : data;

export const OrderCreate = () => (
  <Create redirect="show" transform={dropBlankLines}>
    <OrderForm mode="create" />
  </Create>
);

export const OrderEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={dropBlankLines}>
    <OrderForm mode="edit" />
  </Edit>
);
