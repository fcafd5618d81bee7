import { canAccess } from '../../src/domain/access';
import { shanghaiDate } from '../../src/domain/calendar';
import { refusal, RefusedError } from '../../src/domain/refusal';
import { calendarOfSettings } from '../../src/domain/settings';
import type { Actor } from '../../src/domain/roles';
import { assistantPerformance } from '../../reports/assistantPerformance';
import { complaintTrends } from '../../reports/complaintTrends';
import { orderTrends } from '../../reports/orderTrends';
import { queues } from '../../reports/queues';
import { DAY } from '../../reports/source';
import type { Store } from '../store/types';
import { loadSettings } from './context';

/** /api/reports/* — computed on the server by the functions in reports/, as aggregations in the store. */

const bad = (zh: string, en: string) => new RefusedError(refusal(400, zh, en));

function day(params: URLSearchParams, name: string, fallback: string): string {
  const v = params.get(name) ?? fallback;
  if (!DAY.test(v) || Number.isNaN(Date.parse(v))) throw bad(`参数 ${name} 应为日期 YYYY-MM-DD`, `${name} must be a date YYYY-MM-DD`);
  return v;
}

export async function reportsRoute(store: Store, actor: Actor, name: string, params: URLSearchParams, now: Date) {
  if (!canAccess(actor, 'reports', 'list')) throw new RefusedError(refusal(403, '您的角色不能查看报表', 'Your role may not read reports'));
  const today = shanghaiDate(now);
  switch (name) {
    case 'assistant-performance': {
      // the settings (they bring the branch's calendar entries, which working days depend on) and
      // the assistants, asked together
      const [settings, { rows: assistants }] = await Promise.all([loadSettings(store), store.list('users', { filter: { role: 'assistant', active: true }, sort: { field: 'username', order: 'ASC' }, range: null })]);
      // 6.1.1 default: yesterday's (previous working day's) performance
      const date = day(params, 'date', calendarOfSettings(settings).previousWorkingDay(today));
      return assistantPerformance(store, date, assistants, settings);
    }
    case 'complaint-trends': {
      const to = day(params, 'to', today);
      const from = day(params, 'from', to);
      if (from > to) throw bad('开始日期不能晚于结束日期', 'from must not be after to');
      if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > 400) throw bad('最多查询400天', 'At most 400 days');
      return complaintTrends(store, from, to);
    }
    case 'order-trends': {
      const to = day(params, 'to', today);
      const days = Number(params.get('days') ?? 30);
      if (!Number.isInteger(days) || days < 1 || days > 400) throw bad('天数应为1到400', 'days must be 1 to 400');
      return orderTrends(store, to, days);
    }
    case 'queues':
      return queues(store, now);
    default:
      throw new RefusedError(refusal(404, '没有这个报表', 'No such report'));
  }
}
