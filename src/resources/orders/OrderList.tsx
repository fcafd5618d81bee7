import PersonIcon from '@mui/icons-material/Person';
import { alpha, type Theme } from '@mui/material/styles';
import { Button, useGetIdentity, useListContext, useTranslate, type RaRecord } from 'react-admin';
import { orders, ORDER_STATUSES } from '../../domain/documents/orders';
import type { StateColor } from '../../domain/workflow';
import { GeneratedList } from '../GeneratedList';

/** "My orders": toggles the assistantId = me filter. */
export function MyOrdersToggle() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  if (!identity) return null;
  const on = filterValues.assistantId === identity.id;
  return (
    <Button
      label={translate('app.filter.myOrders')}
      variant={on ? 'contained' : 'text'}
      aria-pressed={on}
      onClick={() => {
        const { assistantId: _mine, ...rest } = filterValues;
        setFilters(on ? rest : { ...rest, assistantId: identity.id }, displayedFilters);
      }}
    >
      <PersonIcon />
    </Button>
  );
}

const tint = (color: StateColor) => (theme: Theme) =>
  color === 'default' ? 'transparent' : alpha(theme.palette[color].main, 0.07);

/** Row colour by status; key accounts (handled first, 5.6.6) get a marked edge. */
export const orderRowSx = (record: RaRecord) => {
  const state = ORDER_STATUSES[record.status as keyof typeof ORDER_STATUSES];
  return {
    backgroundColor: tint(state?.color ?? 'default'),
    ...(record.keyAccount ? { boxShadow: (theme: Theme) => `inset 3px 0 0 ${theme.palette.secondary.main}` } : {}),
  };
};

/**
 * Sales orders: open key-account orders first, then the newest (priority DESC, 5.6.6); the
 * deadline running on each (a web order's 10 minutes, 5.1.1; the delivery promise, 5.3.1); every
 * step the role takes from rows and in bulk (approve / reject, pick, ship, deliver, close).
 */
export const OrderList = () => <GeneratedList def={orders} extraActions={<MyOrdersToggle />} rowSx={orderRowSx} />;
