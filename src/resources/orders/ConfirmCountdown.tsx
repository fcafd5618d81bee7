import { Chip, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useCalendar } from '../../app/branchCalendar';
import { useLocale } from '../../app/i18n/i18nProvider';
import { deadlineWording, type Clock } from '../../domain/duration';
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
 * orders in a state whose own deadline runs (src/domain/deadline.ts stateDeadline), red once it has
 * passed, counted on the deadline's clock (working time for the confirmation, FieldDef.clock).
 */
export function ConfirmCountdown({ deadline, clock }: { deadline: string; clock: Clock }) {
  const translate = useTranslate();
  const locale = useLocale();
  const now = useNow(1000);
  const calendar = useCalendar();
  const end = new Date(deadline);
  if (Number.isNaN(end.getTime())) return null;
  const s = slaState(now, end, calendar);
  let label: string;
  let color: 'error' | 'warning' | 'info';
  if (s.overdue) {
    // 超时 3 天 4 小时 in working time, as the clause counts it — not "已超时 29331 分钟"
    label = deadlineWording(now, end, clock, locale, calendar).text;
    color = 'error';
  } else if (s.remainingMinutes < 60) {
    const secs = Math.max(0, Math.floor((end.getTime() - now.getTime()) / 1000));
    label = translate('app.order.countdownLeft', { time: `${pad(Math.floor(secs / 60))}:${pad(secs % 60)}` });
    color = secs <= 180 ? 'warning' : 'info';
  } else {
    // the deadline is in the next working period (received after hours): 剩余 8 分, in working time
    label = deadlineWording(now, end, clock, locale, calendar).text;
    color = 'info';
  }
  return (
    <Tooltip title={`${translate('app.order.countdownHint')} · ${formatShanghai(deadline)}`}>
      <Chip
        size="small"
        color={color}
        variant={s.overdue ? 'filled' : 'outlined'}
        label={label}
        data-testid="confirm-countdown"
      />
    </Tooltip>
  );
}
