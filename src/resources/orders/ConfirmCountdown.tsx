import { Chip, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { slaState } from '../../domain/sla';
import { formatShanghai } from '../fieldRenderers';

/** The current time, ticking every `ms` (a countdown's clock). */
export function useNow(ms = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 5.1.1 web orders are confirmed within 10 (working) minutes of receipt: a ticking badge on
 * orders still pendingConfirmation, red once `confirmDeadline` has passed.
 */
export function ConfirmCountdown({ deadline }: { deadline: string }) {
  const translate = useTranslate();
  const now = useNow(1000);
  const end = new Date(deadline);
  if (Number.isNaN(end.getTime())) return null;
  const s = slaState(now, end);
  let label: string;
  let color: 'error' | 'warning' | 'info';
  if (s.overdue) {
    label = translate('app.order.countdownOverdue', { min: Math.max(1, -s.remainingMinutes) });
    color = 'error';
  } else if (s.remainingMinutes < 60) {
    const secs = Math.max(0, Math.floor((end.getTime() - now.getTime()) / 1000));
    label = translate('app.order.countdownLeft', { time: `${pad(Math.floor(secs / 60))}:${pad(secs % 60)}` });
    color = secs <= 180 ? 'warning' : 'info';
  } else {
    // the deadline is in the next working period (received after hours)
    label = translate('app.order.countdownWorking', { min: s.remainingWorkingMinutes });
    color = 'info';
  }
  return (
    <Tooltip title={`${translate('app.order.countdownHint')} · ${formatShanghai(deadline)}`}>
      <Chip size="small" color={color} variant={s.overdue ? 'filled' : 'outlined'} label={label} data-testid="confirm-countdown" />
    </Tooltip>
  );
}

/** List column: the countdown on web orders waiting for confirmation, nothing otherwise. */
export const ConfirmCountdownField = (_props: { source: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  if (!record || record.status !== 'pendingConfirmation' || typeof record.confirmDeadline !== 'string') return null;
  return <ConfirmCountdown deadline={record.confirmDeadline} />;
};
