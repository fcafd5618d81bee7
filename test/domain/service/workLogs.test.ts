import { describe, expect, it } from 'vitest';
import { atShanghai } from '../../../src/domain/calendar';
import { computeWorkLog, workLogRules, workLogWorkflow } from '../../../src/domain/documents/service/workLogs';
import { decide } from '../../../src/domain/workflow';
import { actor, ctxOf } from './helpers';

describe('6.1.6 one work log per assistant per day', () => {
  const now = atShanghai('2026-11-27', '17:45');
  const ctx = (sameDay: number) => ctxOf(now, { facts: { workLogsSameDay: sameDay } });
  it('defaults to today and passes when it is the first one', () => {
    const log = computeWorkLog({ summary: '处理订单18张' }, ctx(0));
    expect(log.date).toBe('2026-11-27');
    expect(workLogRules(log, ctx(0))).toEqual([]);
  });
  it('refuses a second log for the same day', () => {
    const r = workLogRules(computeWorkLog({ summary: 'x' }, ctx(1)), ctx(1));
    expect(r.map((x) => x.rule)).toEqual(['6.1.6']);
    expect(r[0].errors).toHaveProperty('date');
  });
  it('a missed day may be written later, a future day may not', () => {
    expect(workLogRules({ date: '2026-11-26', summary: 'x' }, ctx(0))).toEqual([]);
    expect(workLogRules({ date: '2026-11-28', summary: 'x' }, ctx(0)).map((x) => x.rule)).toEqual(['6.1.6']);
  });
  it('the team lead acknowledges; an assistant cannot', () => {
    const log = { date: '2026-11-27', status: 'filed' };
    expect(decide(workLogWorkflow, log, 'acknowledge', { ...ctx(0), user: actor('assistant') }).ok).toBe(false);
    const ok = decide(workLogWorkflow, log, 'acknowledge', { ...ctx(0), user: actor('teamLead', 4) });
    expect(ok.ok && [ok.decision.to, ok.decision.patch.reviewedBy]).toEqual(['reviewed', 4]);
  });
});
