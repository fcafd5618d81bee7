import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Labeled, Show, useRecordContext, useTranslate } from 'react-admin';
import { useText } from '../../app/i18n/i18nProvider';
import { stateDeadline } from '../../domain/deadline';
import type { DocRecord } from '../../domain/definition';
import { orders, settlementLabel } from '../../domain/documents/orders';
import { RecordFacts } from '../../approvals/ApprovalFacts';
import { ApprovalHistory } from '../ApprovalHistory';
import { AuditTimeline } from '../AuditTimeline';
import { formatMoney, formatShanghai, ShowEntry } from '../fieldRenderers';
import { FieldGrid, Section, ShowToolbar } from '../GeneratedShow';
import { LinesTable } from '../LinesTable';
import { ConfirmCountdown } from './ConfirmCountdown';

const HEAD = [
  'code',
  'status',
  'customerId',
  'channel',
  'receivedAt',
  'assistantId',
  'requiredBy',
  'receiver',
  'receiverPhone',
  'deliveryAddress',
  'linesConfirmed',
  'confirmedAt',
  'submittedAt',
  'pickedAt',
  'invoiceNo',
  'invoicedAt',
  'shippedAt',
  'deliveredAt',
  'closedAt',
] as const;

/** Settlement as printed on the note: 现金付款 (5.4.1) / 付款帐期 (5.5.1). */
function Settlement() {
  const record = useRecordContext();
  const text = useText();
  return <Typography variant="body2">{text(settlementLabel(record?.paymentMethod))}</Typography>;
}

function DeliveryPromise() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="body2">{formatShanghai(record.promisedDeliveryAt)}</Typography>
      {typeof record.promiseKind === 'string' && (
        <Typography variant="caption" color="text.secondary">
          {translate(`app.order.promiseKinds.${record.promiseKind}`, { _: record.promiseKind })}
        </Typography>
      )}
    </Box>
  );
}

function Totals() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const row = (label: string, v: unknown, strong = false) => (
    <Stack direction="row" spacing={4} sx={{ justifyContent: 'flex-end' }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography
        variant="body2"
        sx={{ minWidth: 110, textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 700 : 400 }}
      >
        {formatMoney(v)}
      </Typography>
    </Stack>
  );
  return (
    <Box sx={{ mt: 1 }} data-testid="order-totals">
      {row(translate('app.order.subtotal'), record.subtotal)}
      {row(translate('app.order.deliveryFee'), record.deliveryFee)}
      {row(translate('app.order.total'), record.total, true)}
    </Box>
  );
}

/** The note as plain text (never HTML), line breaks kept. */
function NoteText() {
  const record = useRecordContext();
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
      {typeof record?.note === 'string' && record.note ? record.note : '—'}
    </Typography>
  );
}

function WebCountdown() {
  const record = useRecordContext();
  // the countdown of a state with a deadline of its own (orders' stateDeadlines: awaiting confirmation, 5.1.1)
  const d = record ? stateDeadline(orders, record as DocRecord) : null;
  if (!d) return null;
  return (
    <Labeled source={d.field}>
      <ConfirmCountdown deadline={d.at} clock={d.clock} />
    </Labeled>
  );
}

/** 6.2.4 who printed the delivery note when (recorded by the print view). */
function PrintedBy() {
  const record = useRecordContext();
  const translate = useTranslate();
  const prints = Array.isArray(record?.prints)
    ? (record.prints as { form: string; byName: string; at: string }[]).filter((p) => p.form === 'deliveryNote')
    : [];
  const last = prints.at(-1);
  return (
    <Typography variant="body2" data-testid="printed-by">
      {last
        ? translate('app.print.printedBy', { name: last.byName, at: formatShanghai(last.at) })
        : translate('app.print.notPrinted')}
    </Typography>
  );
}

function OrderShowBody() {
  const translate = useTranslate();
  return (
    <CardContent>
      {/* why it waits on whom, and the facts the rules used: credit (5.10.4), stock (5.6.4) */}
      <RecordFacts />
      <FieldGrid>
        {HEAD.map((n) => (
          <ShowEntry key={n} def={orders} name={n} />
        ))}
        <Labeled source="paymentMethod">
          <Settlement />
        </Labeled>
        <Labeled source="promisedDeliveryAt">
          <DeliveryPromise />
        </Labeled>
        <WebCountdown />
        <Labeled label="app.print.deliveryNote">
          <PrintedBy />
        </Labeled>
      </FieldGrid>
      <Section title={translate('app.order.lines')}>
        <LinesTable def={orders} source="lines" />
        <Totals />
      </Section>
      <Section title={translate('resources.orders.fields.note')}>
        <NoteText />
      </Section>
      <Section title={translate('app.approvals.title')}>
        <ApprovalHistory />
      </Section>
      <Section title={translate('app.history.title')}>
        <AuditTimeline />
      </Section>
    </CardContent>
  );
}

/** The order: lines, totals, promise, settlement, approvals, audit trail, workflow buttons. */
export const OrderShow = () => (
  <Show actions={<ShowToolbar def={orders} />} component={Card}>
    <OrderShowBody />
  </Show>
);
