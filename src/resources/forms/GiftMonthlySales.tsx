import { Box, Typography } from '@mui/material';
import { TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useText } from '../../app/i18n/i18nProvider';
import { gifts } from '../../domain/documents/approvals/gifts';
import { formatYuan, yuanToFen } from '../../domain/money';
import { validatorsFor } from '../inputFor';
import { usePreview } from './usePreview';

/**
 * 6.12.1 the customer's monthly sales on a gift application: the system's figure (the average of
 * the last 3 full months of delivered orders, as the approvers will see it) — the assistant only
 * adds a comment, never a second figure.
 */
export function GiftMonthlySales({ mode }: { mode: 'create' | 'edit' }) {
  const translate = useTranslate();
  const text = useText();
  const customerId = useWatch({ name: 'customerId' }) as unknown;
  const preview = usePreview('gifts', typeof customerId === 'number' ? { customerId, items: [] } : null);
  const avg = preview?.record.avgMonthlyOrders;
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="gift-monthly-sales">
        {translate('app.guide.gift.monthlySales')}：
        <strong>
          {typeof avg === 'number'
            ? formatYuan(yuanToFen(avg))
            : typeof customerId === 'number'
              ? '…'
              : translate('app.order.pickCustomerFirst')}
        </strong>{' '}
        (6.12.1)
      </Typography>
      <TextInput
        source="monthlySales"
        validate={validatorsFor(gifts.fields.monthlySales, { mode })}
        helperText={text(gifts.fields.monthlySales.help)}
        fullWidth
      />
    </Box>
  );
}
