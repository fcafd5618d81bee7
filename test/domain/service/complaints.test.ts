import { describe, expect, it } from 'vitest';
import { atShanghai, BUILT_IN_CALENDAR } from '../../../src/domain/calendar';
import type { DocRecord } from '../../../src/domain/definition';
import { complaintRules, complaintWorkflow, computeComplaint } from '../../../src/domain/documents/service/complaints';
import {
  complaintReplyDeadline,
  complaintResolveDeadline,
  complaintRoute,
} from '../../../src/domain/rules/service/complaints';
import { decide } from '../../../src/domain/workflow';
import { actor, ctxOf } from './helpers';

describe('6.10.5 reply within 4 hours, resolved within 3 days — in working time', () => {
  it('received Friday 15:00 → reply due Monday 09:30', () => {
    expect(complaintReplyDeadline(atShanghai('2026-11-27', '15:00'), BUILT_IN_CALENDAR)).toEqual(
      atShanghai('2026-11-30', '09:30'),
    );
  });
  it('received Friday 13:29 → reply due 17:29 the same day; 13:31 → Monday 08:01', () => {
    expect(complaintReplyDeadline(atShanghai('2026-11-27', '13:29'), BUILT_IN_CALENDAR)).toEqual(
      atShanghai('2026-11-27', '17:29'),
    );
    expect(complaintReplyDeadline(atShanghai('2026-11-27', '13:31'), BUILT_IN_CALENDAR)).toEqual(
      atShanghai('2026-11-30', '08:01'),
    );
  });
  it('received on a Saturday: the 4 hours start Monday 08:00', () => {
    expect(complaintReplyDeadline(atShanghai('2026-11-28', '10:00'), BUILT_IN_CALENDAR)).toEqual(
      atShanghai('2026-11-30', '12:00'),
    );
  });
  it('resolution: 3 working days later, across a weekend', () => {
    expect(complaintResolveDeadline(atShanghai('2026-11-27', '15:00'), BUILT_IN_CALENDAR)).toEqual(
      atShanghai('2026-12-02', '15:00'),
    );
  });
  it('resolution across National Day: holidays skipped, the make-up Saturday counts', () => {
    // Wed 30 Sep → Thu 8 Oct (1), Fri 9 Oct (2), Sat 10 Oct make-up working day (3)
    expect(complaintResolveDeadline(atShanghai('2026-09-30', '10:00'), BUILT_IN_CALENDAR)).toEqual(
      atShanghai('2026-10-10', '10:00'),
    );
    expect(complaintReplyDeadline(atShanghai('2026-09-30', '16:00'), BUILT_IN_CALENDAR)).toEqual(
      atShanghai('2026-10-08', '10:30'),
    );
  });
});

describe('6.10 the complaint record', () => {
  const now = atShanghai('2026-11-27', '15:00');
  const key = { id: 3, name: '深圳某集团有限公司', tier: 'keyAccount' };
  const smb = { id: 4, name: '深圳某商行', tier: 'smb' };
  const ctx = (customer: DocRecord, role: Parameters<typeof actor>[0] = 'assistant', id = 1, at = now) =>
    ctxOf(at, { user: actor(role, id), refs: { customerId: customer } });
  const complaint = (category: string, customer = smb, over: DocRecord = {}) => ({
    ...computeComplaint({ customerId: customer.id, category, description: '送货员态度不好', ...over }, ctx(customer)),
    id: 11,
    code: 'CP-20261127-0001',
    status: 'received',
    assistantId: 1,
    createdBy: 1,
  });

  it('computes both deadlines and the key-account flag from the customer', () => {
    const c = complaint('staff', key);
    expect(c).toMatchObject({
      keyAccount: true,
      receivedAt: now.toISOString(),
      replyDeadline: atShanghai('2026-11-30', '09:30').toISOString(),
      resolveDeadline: atShanghai('2026-12-02', '15:00').toISOString(),
    });
    expect(complaintRules(c, ctx(key))).toEqual([]);
    expect(
      complaintRules({ ...c, receivedAt: atShanghai('2026-11-27', '16:00').toISOString() }, ctx(key)).map(
        (r) => r.rule,
      ),
    ).toEqual(['6.10.4']);
  });

  it('6.10.2 routes by category after the first reply', () => {
    expect(complaintRoute('staff')).toBe('managerReview');
    expect(complaintRoute('productQuality')).toBe('onsiteCheck');
    expect(complaintRoute('productUsage')).toBe('followUp');
    expect(complaintRoute('delivery')).toBe('followUp');
  });

  it('the reply records the time and whether it was on time; quality complaints create a feedback form', () => {
    const late = decide(
      complaintWorkflow,
      complaint('productQuality'),
      'reply',
      ctx(smb, 'assistant', 1, atShanghai('2026-11-30', '09:31')),
    );
    expect(late.ok && late.decision.patch).toEqual({
      firstReplyAt: atShanghai('2026-11-30', '09:31').toISOString(),
      repliedOnTime: false,
    });
    expect(late.ok && late.decision.to).toBe('onsiteCheck');
    expect(late.ok && late.decision.effects[0]).toMatchObject({
      kind: 'create',
      resource: 'feedbacks',
      link: 'feedbackId',
      record: { customerId: 4, kind: 'productQuality', complaintId: 11 },
    });
    const onTime = decide(
      complaintWorkflow,
      complaint('staff'),
      'reply',
      ctx(smb, 'assistant', 1, atShanghai('2026-11-30', '09:30')),
    );
    expect(onTime.ok && [onTime.decision.to, onTime.decision.patch.repliedOnTime, onTime.decision.effects]).toEqual([
      'managerReview',
      true,
      [],
    ]);
  });

  it('6.10.5 a key-account complaint is filed with customer management before it closes', () => {
    const keyC = { ...complaint('productUsage', key), status: 'followUp' };
    const r = decide(complaintWorkflow, keyC, 'resolve', ctx(key), '已指导客户正确操作');
    expect(r.ok && r.decision.to).toBe('filing');
    expect(r.ok && r.decision.patch.closedAt).toBeUndefined();
    const filed = decide(complaintWorkflow, { ...keyC, status: 'filing' }, 'file', ctx(key, 'salesManager'));
    expect(filed.ok && [filed.decision.to, filed.decision.patch.filed]).toEqual(['closed', true]);
    const byAssistant = decide(complaintWorkflow, { ...keyC, status: 'filing' }, 'file', ctx(key));
    expect(!byAssistant.ok && byAssistant.refusal.kind).toBe('forbidden');
    const smbC = decide(
      complaintWorkflow,
      { ...complaint('productUsage'), status: 'followUp' },
      'resolve',
      ctx(smb),
      '已解释',
    );
    expect(smbC.ok && smbC.decision.to).toBe('closed');
  });

  it('resolution on time is measured against the 3-working-day deadline', () => {
    const c = { ...complaint('delivery'), status: 'followUp' };
    const onTime = decide(
      complaintWorkflow,
      c,
      'resolve',
      ctx(smb, 'assistant', 1, atShanghai('2026-12-02', '15:00')),
      '已补送',
    );
    expect(onTime.ok && onTime.decision.patch.resolvedOnTime).toBe(true);
    const late = decide(
      complaintWorkflow,
      c,
      'resolve',
      ctx(smb, 'assistant', 1, atShanghai('2026-12-02', '15:01')),
      '已补送',
    );
    expect(late.ok && late.decision.patch.resolvedOnTime).toBe(false);
  });

  it('only the handler of each route acts; results need a comment', () => {
    const staff = { ...complaint('staff'), status: 'managerReview' };
    expect(decide(complaintWorkflow, staff, 'handle', ctx(smb, 'officeSupervisor'), 'x').ok).toBe(false);
    const noComment = decide(complaintWorkflow, staff, 'handle', ctx(smb, 'csManager'));
    expect(!noComment.ok && noComment.refusal.kind).toBe('rule');
    const ok = decide(complaintWorkflow, staff, 'handle', ctx(smb, 'csManager'), '已约谈送货员');
    expect(ok.ok && ok.decision.to).toBe('followUp');
    const esc = decide(
      complaintWorkflow,
      { ...complaint('productQuality'), status: 'onsiteCheck' },
      'escalate',
      ctx(smb, 'officeSupervisor'),
      '大型设备，需厂家技术支持',
    );
    expect(esc.ok && esc.decision.to).toBe('escalated');
  });
});
