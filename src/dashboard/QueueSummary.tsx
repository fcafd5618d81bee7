import { Box, Chip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import { CREDIT_REVIEW_WARNING_DAYS } from '../domain/documents/customers';
import { QUEUE_NAMES, queueViews, type QueueName } from '../domain/queues';
import { QUOTE_EXPIRY_WARNING_DAYS } from '../domain/rules/sales/quoteTime';
import { useText } from '../app/i18n/i18nProvider';
import { ROLES, type Role } from '../domain/roles';
import { listLink, viewLink } from './links';
import type { Column } from './ReportTable';
import type { Queues } from './useReport';
import { statusKey } from '../app/i18n/resourceKeys';

/** The lists the queues' numbers count, as of `at` (when the report was fetched): the same views the report counted. */
export function queueLinks(at: Date): Record<QueueName, string> {
  const views = queueViews(at);
  return Object.fromEntries(QUEUE_NAMES.map((name) => [name, viewLink(views[name])])) as Record<QueueName, string>;
}

export type PendingItem = Queues['pendingByRole'][number];

export interface RoleQueue {
  role: Role;
  total: number;
  items: PendingItem[];
}

/** Pending documents grouped by the role they wait on, busiest role first. */
export function byRole(q: Queues): RoleQueue[] {
  const map = new Map<Role, RoleQueue>();
  for (const it of q.pendingByRole) {
    const r = map.get(it.role) ?? { role: it.role, total: 0, items: [] };
    r.total += it.count;
    r.items.push(it);
    map.set(it.role, r);
  }
  return [...map.values()].sort((a, b) => b.total - a.total || a.role.localeCompare(b.role));
}

function Figure({ label, value, to, warn }: { label: string; value: number; to: string; warn?: boolean }) {
  return (
    <Box sx={{ minWidth: 150 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="h5" component="div" color={warn && value > 0 ? 'error' : undefined}>
        <Link to={to} color="inherit" aria-label={`${label}: ${value}`}>
          {value}
        </Link>
      </Typography>
    </Box>
  );
}

/** The five queue numbers (web orders waiting / overdue, overdue loans, quotes expiring, credit reviews). */
export function QueueFigures({ data, at, extra }: { data: Queues; at: Date; extra?: ReactNode }) {
  const translate = useTranslate();
  const links = queueLinks(at);
  const l = (k: string, o?: Record<string, unknown>) => translate(`app.reports.queues.${k}`, o);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }} data-testid="queue-figures">
      <Figure label={l('webWaiting')} value={data.webOrdersWaiting} to={links.webOrdersWaiting} />
      <Figure label={l('webOverdue')} value={data.webOrdersOverdue} to={links.webOrdersOverdue} warn />
      <Figure label={l('overdueLoans')} value={data.overdueLoans} to={links.overdueLoans} warn />
      <Figure
        label={l('quotesExpiring', { n: QUOTE_EXPIRY_WARNING_DAYS })}
        value={data.quotesExpiringSoon}
        to={links.quotesExpiringSoon}
      />
      <Figure
        label={l('creditReviews', { n: CREDIT_REVIEW_WARNING_DAYS })}
        value={data.creditReviewsDue}
        to={links.creditReviewsDue}
      />
      {extra}
    </Box>
  );
}

/** "销售订单 · 待审核 3", linking to the list filtered by that status. */
export function PendingChip({ item }: { item: PendingItem }) {
  const translate = useTranslate();
  const label = `${translate(`resources.${item.resource}.name`, { smart_count: 2, _: item.resource })} · ${translate(statusKey(item.resource, item.status), { _: item.status })} ${item.count}`;
  return (
    <Chip
      size="small"
      clickable
      component={Link}
      to={listLink(item.resource, { status: item.status })}
      label={label}
      sx={{ mr: 0.5, mb: 0.5 }}
    />
  );
}

export function useRoleColumns(): Column<RoleQueue>[] {
  const translate = useTranslate();
  const text = useText();
  const l = (k: string) => translate(`app.reports.queues.${k}`);
  const itemCsv = (it: PendingItem) =>
    `${translate(`resources.${it.resource}.name`, { smart_count: 2, _: it.resource })}/${translate(statusKey(it.resource, it.status), { _: it.status })}: ${it.count}`;
  return [
    {
      key: 'role',
      label: l('role'),
      cell: (r) => text(ROLES[r.role]) || r.role,
      csv: (r) => text(ROLES[r.role]) || r.role,
    },
    { key: 'total', label: l('count'), align: 'right', cell: (r) => r.total, csv: (r) => r.total },
    {
      key: 'items',
      label: l('documents'),
      cell: (r) => r.items.map((it) => <PendingChip key={`${it.resource}-${it.status}`} item={it} />),
      csv: (r) => r.items.map(itemCsv).join('; '),
    },
  ];
}
