import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  Link,
  RecordContextProvider,
  ResourceContextProvider,
  useCreatePath,
  useDataProvider,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import type { BaoyiDataProvider } from '../app/dataProvider';
import { useLocale } from '../app/i18n/i18nProvider';
import { RowActions } from '../approvals/RowActions';
import { defaultWidth, type DocumentDefinition } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import { inboxColumnField, inboxColumns, type InboxItem } from '../domain/inbox';
import { fieldValueText } from '../domain/present';
import type { Role } from '../domain/roles';
import type { Locale } from '../domain/text';
import {
  actionsWidth,
  COLUMN_WIDTHS,
  INBOX_DEADLINE_WIDTH,
  overdueMark,
  STATUS_MAX,
  statusWidth,
} from '../resources/listLayout';
import { DeadlineChip } from '../resources/DeadlineCountdown';
import { StatusChip } from '../resources/fieldRenderers';
import { listLink } from './links';

/** rows shown per document type; the rest are one click away in the list */
export const SHOWN_PER_TYPE = 20;

export interface InboxGroup {
  resource: string;
  items: InboxItem[];
  overdue: number;
}

/** The inbox by document type, the type with the most pressing document first (overdue, then the earliest deadline). */
export function groupInbox(items: readonly InboxItem[]): InboxGroup[] {
  const groups = new Map<string, InboxGroup>();
  for (const it of items) {
    const g = groups.get(it.resource) ?? { resource: it.resource, items: [], overdue: 0 };
    g.items.push(it);
    if (it.overdue) g.overdue += 1;
    groups.set(it.resource, g);
  }
  const firstDeadline = (g: InboxGroup) => g.items.find((i) => i.deadline)?.deadline ?? '\uffff';
  return [...groups.values()].sort(
    (a, b) =>
      Number(b.overdue > 0) - Number(a.overdue > 0) ||
      (firstDeadline(a) < firstDeadline(b)
        ? -1
        : firstDeadline(a) > firstDeadline(b)
          ? 1
          : b.items.length - a.items.length),
  );
}

/** the list of the documents of a type waiting on this role (the "all N" link) */
function waitingLink(def: DocumentDefinition, role: Role, items: InboxItem[]): string {
  const states = Object.entries(def.workflow?.states ?? {})
    .filter(([, s]) => s.waitingOn?.includes(role))
    .map(([k]) => k);
  return listLink(def.resource, { status: states.length ? states : [...new Set(items.map((i) => i.status))] });
}

/** One type's table: number, status, the type's own columns, the returned reason, the deadline, the buttons. */
function TypeTable({ group, role, locale }: { group: InboxGroup; role: Role; locale: Locale }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const def = getDefinition(group.resource);
  if (!def) return null;
  const columns = inboxColumns(def, role).map((c) => ({ key: c, ...inboxColumnField(def, c, getDefinition) }));
  const anyReturned = group.items.some((i) => i.returned);
  const anyDeadline = group.items.some((i) => i.deadline);
  // the inbox offers the steps; printing is in the list and on the document
  const actions = actionsWidth(def, role, locale, 0);
  const widthOf = (c: (typeof columns)[number]) => {
    const w = defaultWidth(c.def, c.field);
    return w === 'name' || (w === 'text' && !c.f?.maxLength) || (c.f?.maxLength ?? 0) > 60
      ? undefined
      : COLUMN_WIDTHS[w];
  };
  const shown = group.items.slice(0, SHOWN_PER_TYPE);
  return (
    <Table
      size="small"
      aria-label={translate(`resources.${def.resource}.name`, { smart_count: 2 })}
      sx={{
        tableLayout: 'fixed',
        width: '100%',
        '& th': { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
        '& td': { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
        '& th, & td': { px: 1 },
        '& td.bp-actions': { overflow: 'visible' },
      }}
    >
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: COLUMN_WIDTHS.code }}>{translate(`resources.${def.resource}.fields.code`)}</TableCell>
          <TableCell
            sx={{ width: statusWidth(def, locale, STATUS_MAX.inbox, [...new Set(group.items.map((i) => i.status))]) }}
          >
            {translate(`resources.${def.resource}.fields.status`)}
          </TableCell>
          {columns.map((c) => (
            <TableCell
              key={c.key}
              title={c.f?.label[locale]}
              sx={{ width: widthOf(c) }}
              align={c.f?.type === 'money' || c.f?.type === 'int' ? 'right' : 'left'}
            >
              {c.f?.label[locale] ?? c.field}
            </TableCell>
          ))}
          {anyReturned && <TableCell>{translate('app.desk.returnReason')}</TableCell>}
          {anyDeadline && (
            <TableCell sx={{ width: INBOX_DEADLINE_WIDTH[locale] }}>{translate('app.workflow.deadline')}</TableCell>
          )}
          {actions > 0 && <TableCell sx={{ width: actions }} />}
        </TableRow>
      </TableHead>
      <TableBody>
        {shown.map((it) => (
          <TableRow
            key={it.id}
            hover
            sx={it.overdue ? overdueMark : undefined}
            data-overdue={it.overdue ? 'true' : 'false'}
          >
            <TableCell>
              <Link to={createPath({ resource: it.resource, type: 'show', id: it.id })}>{it.code ?? `#${it.id}`}</Link>
            </TableCell>
            <TableCell>
              <StatusChip def={def} status={it.status} />
            </TableCell>
            {columns.map((c) => {
              const v = it.values[c.key];
              const text = typeof v === 'string' && c.f?.type === 'ref' ? v : fieldValueText(c.f, v, { locale });
              return (
                <TableCell
                  key={c.key}
                  title={text}
                  align={c.f?.type === 'money' || c.f?.type === 'int' ? 'right' : 'left'}
                  sx={{ fontVariantNumeric: 'tabular-nums' }}
                >
                  {text}
                </TableCell>
              );
            })}
            {anyReturned && (
              <TableCell
                title={it.returned ? `${it.returned.reason} — ${it.returned.by}` : undefined}
                sx={{ color: 'error.main' }}
              >
                {it.returned ? it.returned.reason || '—' : ''}
              </TableCell>
            )}
            {anyDeadline && (
              <TableCell>{it.deadline ? <DeadlineChip at={it.deadline} clock={it.clock} /> : null}</TableCell>
            )}
            {actions > 0 && (
              <TableCell className="bp-actions">
                {/* the same row buttons as the lists, shown only where the role may act */}
                <ResourceContextProvider value={it.resource}>
                  <RecordContextProvider value={{ ...it, id: it.id }}>
                    <RowActions />
                  </RecordContextProvider>
                </ResourceContextProvider>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * 等您处理的单据 as a work queue (issue 18): grouped by document type, each type with its own
 * columns (orders: customer, total, promise; the driver: address and route; work logs: whose; a
 * returned document: why), overdue rows marked, the steps as buttons — full width.
 */
export function WorkQueue() {
  const translate = useTranslate();
  const locale = useLocale();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  // a query (not an effect): a step taken from a row refreshes it with everything else
  const { data: items } = useQuery({
    queryKey: ['myWork', identity?.id],
    queryFn: () => dataProvider.myWork(),
    enabled: !!identity,
  });
  const groups = useMemo(() => groupInbox(items ?? []), [items]);
  const role = identity?.role as Role | undefined;
  if (!items || !role) return null;
  if (items.length === 0)
    return (
      <Typography color="text.secondary" data-testid="work-queue-empty">
        {translate('app.dashboard.nothingWaiting')}
      </Typography>
    );
  return (
    <Box sx={{ display: 'grid', gap: 3 }} data-testid="work-queue">
      {groups.map((g) => {
        const def = getDefinition(g.resource);
        if (!def) return null;
        return (
          <Box key={g.resource} component="section" data-resource={g.resource}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5, flexWrap: 'wrap' }}>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                {translate(`resources.${g.resource}.name`, { smart_count: 2 })}
              </Typography>
              <Chip size="small" label={translate('app.desk.inboxCount', { count: g.items.length })} />
              {g.overdue > 0 && (
                <Chip size="small" color="error" label={translate('app.desk.inboxOverdue', { count: g.overdue })} />
              )}
              <Box sx={{ flex: 1 }} />
              <Link to={waitingLink(def, role, g.items)} variant="body2">
                {g.items.length > SHOWN_PER_TYPE
                  ? translate('app.desk.inboxAll', { count: g.items.length })
                  : translate('app.desk.inboxOpenList')}
              </Link>
            </Box>
            <TypeTable group={g} role={role} locale={locale} />
          </Box>
        );
      })}
    </Box>
  );
}
