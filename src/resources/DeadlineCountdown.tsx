import { Chip, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCalendar } from '../app/branchCalendar';
import { useLocale } from '../app/i18n/i18nProvider';
import { runningDeadline } from '../domain/deadline';
import type { DocRecord, DocumentDefinition } from '../domain/definition';
import { deadlineWording, type Clock } from '../domain/duration';
import { formatShanghai } from './fieldRenderers';
import { useNow } from './orders/ConfirmCountdown';

/**
 * A deadline as people say it (issue 18): 剩余 2 小时 15 分 / 超时 3 天 4 小时 — working time where
 * the clause counts working time — red once overdue, amber in its last hour; the exact time and
 * the clock on hover.
 */
export function DeadlineChip({ at, clock }: { at: string; clock: Clock }) {
  const translate = useTranslate();
  const locale = useLocale();
  const now = useNow(15_000);
  const calendar = useCalendar();
  const end = new Date(at);
  if (Number.isNaN(end.getTime())) return null;
  const w = deadlineWording(now, end, clock, locale, calendar);
  const color = w.overdue ? 'error' : w.minutesLeft <= 60 ? 'warning' : 'default';
  const hint = `${w.text} · ${formatShanghai(at)}${clock === 'working' ? ` · ${translate('app.desk.workingTime')}` : ''}`;
  return (
    <Tooltip title={hint}>
      <Chip
        size="small"
        color={color}
        variant={w.overdue ? 'filled' : 'outlined'}
        label={w.text}
        data-testid="deadline-countdown"
        data-overdue={w.overdue ? 'true' : 'false'}
        sx={{ maxWidth: '100%' }}
      />
    </Tooltip>
  );
}

/** List column: the deadline running on this row now; nothing on final or returned documents. */
export function DeadlineCountdown({
  def,
}: {
  def: DocumentDefinition;
  label?: string;
  sortable?: boolean;
  headerClassName?: string;
}) {
  const record = useRecordContext();
  const d = record ? runningDeadline(def, record as unknown as DocRecord) : null;
  return d ? <DeadlineChip at={d.at} clock={d.clock} /> : null;
}
