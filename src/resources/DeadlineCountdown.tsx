import { Chip, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { DocumentDefinition } from '../domain/definition';
import { slaState } from '../domain/sla';
import { formatShanghai } from './fieldRenderers';
import { useNow } from './orders/ConfirmCountdown';

/** The field holding a record's current deadline in its state (stateDeadlines, else deadlineField). */
export function deadlineOf(def: DocumentDefinition, record: Record<string, unknown>): string | null {
  const status = String(record.status ?? '');
  if (def.workflow?.states[status]?.final) return null;
  const field = def.stateDeadlines?.[status] ?? def.deadlineField;
  const v = field ? record[field] : null;
  return typeof v === 'string' && v ? v : null;
}

/**
 * SLA countdown in lists (issue 3: deadlines as countdowns, in working time): time left in
 * working minutes, red once overdue; nothing for documents in a final state.
 */
export function DeadlineCountdown({ def }: { def: DocumentDefinition; label?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const now = useNow(30_000);
  const deadline = record ? deadlineOf(def, record) : null;
  if (!deadline) return null;
  const end = new Date(deadline);
  if (Number.isNaN(end.getTime())) return null;
  const s = slaState(now, end);
  const label = s.overdue
    ? translate('app.order.countdownOverdue', { min: Math.max(1, -s.remainingMinutes) })
    : translate('app.order.countdownWorking', { min: s.remainingWorkingMinutes });
  const color = s.overdue ? 'error' : s.remainingWorkingMinutes <= 60 ? 'warning' : 'info';
  return (
    <Tooltip title={formatShanghai(deadline)}>
      <Chip size="small" color={color} variant={s.overdue ? 'filled' : 'outlined'} label={label} data-testid="deadline-countdown" />
    </Tooltip>
  );
}
