import { canAccess } from '../../src/domain/access';
import { shanghaiDate } from '../../src/domain/calendar';
import { isIsoDay } from '../../src/domain/input';
import { refusal, RefusedError } from './refusal';
import { calendarOfSettings } from '../../src/domain/settings';
import type { Actor } from '../../src/domain/roles';
import { assistantPerformance } from '../../reports/assistantPerformance';
import { complaintTrends } from '../../reports/complaintTrends';
import { orderTrends } from '../../reports/orderTrends';
import { queues } from '../../reports/queues';
import type { Store } from '../store/types';
import { loadSettings } from './context';

/** /api/reports/* — computed on the server by the functions in reports/, as aggregations in the store. */

/** 400 naming the parameter (`errors`), as a form's field is named */
const bad = (zh: string, en: string, param?: string) =>
  new RefusedError({ ...refusal(400, zh, en), ...(param ? { errors: { [param]: { zh, en } } } : {}) });

function day(params: URLSearchParams, name: string, fallback: string): string {
  const v = params.get(name) ?? fallback;
  // a day that exists (2026-02-30 is refused, never shifted to March), in the years the desk carries
  if (!isIsoDay(v)) throw bad(`参数 ${name} 应为日期 YYYY-MM-DD`, `${name} must be a date YYYY-MM-DD`, name);
  return v;
}

export async function reportsRoute(store: Store, actor: Actor, name: string, params: URLSearchParams, now: Date) {
  if (!canAccess(actor, 'reports', 'list'))
    throw new RefusedError(refusal(403, '您的角色不能查看报表', 'Your role may not read reports'));
  const today = shanghaiDate(now);
  switch (name) {
    case 'assistant-performance': {
      // the settings (they bring the branch's calendar entries, which working days depend on) and
      // the assistants, asked together
      const [settings, { rows: assistants }] = await Promise.all([
        loadSettings(store),
        store.list('users', {
          filter: { role: 'assistant', active: true },
          sort: { field: 'username', order: 'ASC' },
          range: null,
        }),
      ]);
      // 6.1.1 default: yesterday's (previous working day's) performance
      const date = day(params, 'date', calendarOfSettings(settings).previousWorkingDay(today));
      return assistantPerformance(store, date, assistants, settings);
    }
    case 'complaint-trends': {
      const to = day(params, 'to', today);
      const from = day(params, 'from', to);
      if (from > to) throw bad('开始日期不能晚于结束日期', 'from must not be after to', 'from');
      if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > 400)
        throw bad('最多查询400天', 'At most 400 days', 'from');
      return complaintTrends(store, from, to);
    }
    case 'order-trends': {
      const to = day(params, 'to', today);
      const daysRaw = params.get('days') ?? '30';
      const days = /^\d{1,3}$/.test(daysRaw) ? Number(daysRaw) : NaN;
      if (!Number.isInteger(days) || days < 1 || days > 400)
        throw bad('参数 days（天数）应为1到400', 'days must be 1 to 400', 'days');
      return orderTrends(store, to, days);
    }
    case 'queues':
      return queues(store, now);
    default:
      throw new RefusedError(refusal(404, '没有这个报表', 'No such report'));
  }
}
