import { describe, expect, it } from 'vitest';
import type { DocRecord } from '../../../src/domain/definition';
import {
  computeHandwrittenNote,
  handwrittenNoteRules,
  handwrittenNoteWorkflow,
} from '../../../src/domain/documents/sales/handwrittenNotes';
import { membershipRules, membershipWorkflow } from '../../../src/domain/documents/sales/memberships';
import {
  computeUrgentDelivery,
  urgentDeliveryRules,
  urgentDeliveryWorkflow,
} from '../../../src/domain/documents/sales/urgentDeliveries';
import { distanceRefusal, nextUrgentSlot, urgentRequestRefusal } from '../../../src/domain/rules/sales/urgent';
import { decide, paramsOf } from '../../../src/domain/workflow';
import { actor, at, ctxOf, iso, KEY, SMB, step } from './helpers';
import { BUILT_IN_CALENDAR } from '../../../src/domain/calendar';

describe('6.8.4 urgent vans at 12:00 and 15:30; nothing after 15:30', () => {
  it('picks the next van still ahead', () => {
    expect(nextUrgentSlot(at('2026-11-27', '07:30'))).toBe('noon');
    expect(nextUrgentSlot(at('2026-11-27', '11:59'))).toBe('noon');
    expect(nextUrgentSlot(at('2026-11-27', '12:00'))).toBe('afternoon');
    expect(nextUrgentSlot(at('2026-11-27', '15:29'))).toBe('afternoon');
    expect(nextUrgentSlot(new Date(at('2026-11-27', '15:30').getTime() - 1000))).toBe('afternoon');
    expect(nextUrgentSlot(at('2026-11-27', '15:30'))).toBeNull();
    expect(nextUrgentSlot(at('2026-11-27', '15:31'))).toBeNull();
  });

  it('15:29 accepted, 15:30 exactly and 15:31 refused (6.8.4)', () => {
    expect(urgentRequestRefusal(at('2026-11-27', '15:29'), null, BUILT_IN_CALENDAR)).toBeNull();
    expect(urgentRequestRefusal(at('2026-11-27', '15:30'), null, BUILT_IN_CALENDAR)?.rule).toBe('6.8.4');
    expect(urgentRequestRefusal(at('2026-11-27', '15:31'), null, BUILT_IN_CALENDAR)?.rule).toBe('6.8.4');
  });

  it('a van that has left cannot be chosen; no vans on a non-working day (weekend; make-up Saturday works)', () => {
    expect(urgentRequestRefusal(at('2026-11-27', '12:30'), 'noon', BUILT_IN_CALENDAR)).toMatchObject({
      rule: '6.8.4',
      errors: { slot: expect.anything() },
    });
    expect(urgentRequestRefusal(at('2026-11-27', '09:30'), 'afternoon', BUILT_IN_CALENDAR)).toBeNull();
    expect(urgentRequestRefusal(at('2026-11-28', '09:30'), null, BUILT_IN_CALENDAR)?.rule).toBe('6.8.4');
    expect(urgentRequestRefusal(at('2026-10-01', '09:30'), null, BUILT_IN_CALENDAR)?.rule).toBe('6.8.4');
    expect(urgentRequestRefusal(at('2026-10-10', '09:30'), null, BUILT_IN_CALENDAR)).toBeNull();
  });

  it('6.8.1 within 20 km: 20 accepted, 20.1 refused, unknown refused', () => {
    expect(distanceRefusal(20)).toBeNull();
    expect(distanceRefusal(20.1)?.rule).toBe('6.8.1');
    expect(distanceRefusal(undefined)?.rule).toBe('6.8.1');
  });

  const order = { id: 60, code: 'SO-60', status: 'picked', customerId: 10 };
  const customer = {
    ...KEY,
    distanceKm: 12.5,
    address: '深圳市福田区深南中路1号',
    contact: '王伟',
    phone: '0755-88886666',
  };
  const letter = (now: Date, extra: DocRecord = {}, c: DocRecord = customer, o: DocRecord = order) => {
    const ctx = ctxOf(actor('assistant', 7), { now, refs: { customerId: c, orderId: o } });
    const doc = computeUrgentDelivery({ customerId: c.id, orderId: o.id, ...extra }, ctx);
    return { doc, rules: urgentDeliveryRules(doc, ctx).map((r) => r.rule) };
  };

  it('the letter: request time, van, its departure, the customer’s address and contact by default', () => {
    const { doc, rules } = letter(at('2026-11-27', '15:29'));
    expect(rules).toEqual([]);
    expect(doc).toMatchObject({
      requestedAt: iso('2026-11-27', '15:29'),
      slot: 'afternoon',
      departureAt: iso('2026-11-27', '15:30'),
      distanceKm: 12.5,
      deliveryAddress: customer.address,
      receiver: '王伟',
      orderCode: 'SO-60',
    });
    expect(letter(at('2026-11-27', '15:31')).rules).toEqual(['6.8.4']);
    expect(letter(at('2026-11-27', '10:00'), {}, { ...customer, distanceKm: 25 }).rules).toEqual(['6.8.1']);
    expect(letter(at('2026-11-27', '10:00'), {}, customer, { ...order, customerId: 99 }).rules).toEqual(['6.8.2']);
    expect(letter(at('2026-11-27', '10:00'), {}, customer, { ...order, status: 'shipped' }).rules).toEqual(['6.8.2']);
  });

  it('an edit later in the day keeps the request time (the check is on the request, not the edit)', () => {
    const { doc } = letter(at('2026-11-27', '10:00'));
    const later = ctxOf(actor('assistant', 7), {
      now: at('2026-11-27', '16:00'),
      refs: { customerId: customer, orderId: order },
    });
    const edited = computeUrgentDelivery({ ...doc, status: 'requested', receivingDept: '行政部' }, later);
    expect(edited.requestedAt).toBe(iso('2026-11-27', '10:00'));
    expect(urgentDeliveryRules(edited, later)).toEqual([]);
  });

  it('the order desk schedules, the driver delivers; others are refused', () => {
    const d = { id: 1, status: 'requested', assistantId: 7 };
    expect(step(urgentDeliveryWorkflow, d, 'schedule', ctxOf(actor('orderDesk', 9)))).toEqual(['ok', 'scheduled']);
    expect(step(urgentDeliveryWorkflow, d, 'schedule', ctxOf(actor('assistant', 7)))[0]).toBe('forbidden');
    expect(step(urgentDeliveryWorkflow, { ...d, status: 'scheduled' }, 'dispatch', ctxOf(actor('driver', 11)))).toEqual(
      ['ok', 'outForDelivery'],
    );
    expect(
      step(urgentDeliveryWorkflow, { ...d, status: 'outForDelivery' }, 'deliver', ctxOf(actor('orderDesk', 9)))[0],
    ).toBe('forbidden');
    expect(
      step(urgentDeliveryWorkflow, { ...d, status: 'outForDelivery' }, 'deliver', ctxOf(actor('driver', 11))),
    ).toEqual(['ok', 'delivered']);
    expect(
      step(urgentDeliveryWorkflow, { ...d, status: 'delivered' }, 'cancel', ctxOf(actor('assistant', 7)), 'x')[0],
    ).toBe('conflict');
  });
});

describe('6.7 handwritten delivery notes', () => {
  const ctx = (order: DocRecord | undefined, role: Parameters<typeof actor>[0] = 'assistant', facts: DocRecord = {}) =>
    ctxOf(actor(role, 7), { refs: order ? { orderId: order } : {}, facts: facts as Record<string, number> });
  const note = (
    order: DocRecord | undefined,
    role: Parameters<typeof actor>[0] = 'assistant',
    facts: DocRecord = {},
  ) => {
    const c = ctx(order, role, facts);
    return handwrittenNoteRules(
      {
        ...computeHandwrittenNote(
          { orderId: 70, reason: 'systemDown', reasonText: '电脑故障无法打印', status: 'requested' },
          c,
        ),
      },
      c,
    ).map((r) => r.rule);
  };
  const order = { id: 70, code: 'SO-70', status: 'approved', customerId: 10, customerName: '乙集团', total: 560 };

  it('only for an order in the system that is approved or later (6.7.2)', () => {
    expect(note(undefined)).toEqual(['6.7.2']);
    for (const s of ['draft', 'submitted', 'cancelled']) expect(note({ ...order, status: s }), s).toEqual(['6.7.2']);
    for (const s of ['approved', 'picked', 'shipped', 'delivered', 'closed'])
      expect(note({ ...order, status: s }), s).toEqual([]);
    expect(note(order, 'assistant', { openHandwrittenNotes: 1 })).toEqual(['6.7.2']);
    const c = ctx(order);
    expect(computeHandwrittenNote({ orderId: 70 }, c)).toMatchObject({
      customerId: 10,
      customerName: '乙集团',
      orderCode: 'SO-70',
      orderTotal: 560,
    });
  });

  it('the order desk writes it, the driver gets it signed, finance reconciles with the printed note number (6.7.5)', () => {
    const d = { id: 1, status: 'requested', assistantId: 7, orderId: 70 };
    expect(step(handwrittenNoteWorkflow, d, 'write', ctxOf(actor('assistant', 7)))[0]).toBe('forbidden');
    expect(step(handwrittenNoteWorkflow, d, 'write', ctxOf(actor('orderDesk', 9)))).toEqual(['ok', 'written']);
    expect(step(handwrittenNoteWorkflow, { ...d, status: 'written' }, 'deliver', ctxOf(actor('driver', 11)))).toEqual([
      'ok',
      'signed',
    ]);
    expect(step(handwrittenNoteWorkflow, { ...d, status: 'signed' }, 'reconcile', ctxOf(actor('finance', 13)))).toEqual(
      ['rule', '6.7.5'],
    );
    expect(
      step(
        handwrittenNoteWorkflow,
        { ...d, status: 'signed', printedNoteNo: 'DN-20261127-0012' },
        'reconcile',
        ctxOf(actor('finance', 13)),
      ),
    ).toEqual(['ok', 'reconciled']);
    expect(
      step(
        handwrittenNoteWorkflow,
        { ...d, status: 'signed', printedNoteNo: 'DN-1' },
        'reconcile',
        ctxOf(actor('orderDesk', 9)),
      )[0],
    ).toBe('forbidden');
  });

  it('the note numbers are entered with the steps: the order desk’s (and the printed one, 6.7.4), finance’s', () => {
    expect(paramsOf(handwrittenNoteWorkflow, { status: 'requested' }, 'write', 'orderDesk')).toEqual([
      'noteNo',
      'printedNoteNo',
    ]);
    expect(paramsOf(handwrittenNoteWorkflow, { status: 'signed' }, 'reconcile', 'finance')).toEqual(['printedNoteNo']);
    expect(paramsOf(handwrittenNoteWorkflow, { status: 'written' }, 'deliver', 'driver')).toEqual([]);
  });
});

describe('5.2.2 memberships', () => {
  const nonMember = { ...SMB, member: false };
  it('a member or an open record is refused', () => {
    const c = (customer: DocRecord, facts: Record<string, number> = {}) =>
      membershipRules(
        { customerId: customer.id },
        ctxOf(actor('assistant', 1, 'ecommerce'), { refs: { customerId: customer }, facts }),
      );
    expect(c(nonMember)).toEqual([]);
    expect(c({ ...SMB, member: true }).map((r) => r.rule)).toEqual(['5.2.2']);
    expect(c(nonMember, { openMemberships: 1 }).map((r) => r.rule)).toEqual(['5.2.2']);
  });
  it('a web order opens an offer; an application is reviewed; approval makes the customer a member', () => {
    expect(membershipWorkflow.initial({ source: 'webOrder' }, ctxOf(actor('admin')))).toBe('toOffer');
    expect(membershipWorkflow.initial({ source: 'web' }, ctxOf(actor('admin')))).toBe('applied');
    const ecom = ctxOf(actor('assistant', 1, 'ecommerce'), { refs: { customerId: nonMember } });
    const smbGroup = ctxOf(actor('assistant', 2, 'smb'), { refs: { customerId: nonMember } });
    const d = { id: 5, status: 'toOffer', customerId: 11 };
    expect(step(membershipWorkflow, d, 'invite', ecom)).toEqual(['ok', 'invited']);
    expect(step(membershipWorkflow, d, 'invite', smbGroup)).toEqual(['forbidden', '5.2.2']);
    expect(step(membershipWorkflow, { ...d, status: 'invited' }, 'apply', ctxOf(actor('admin')))).toEqual([
      'ok',
      'applied',
    ]);
    const r = decide(membershipWorkflow, { ...d, status: 'applied' }, 'approve', ecom);
    expect(r.ok && r.decision.effects).toEqual([
      { kind: 'patch', resource: 'customers', id: 11, patch: { member: true }, rule: '5.2.2' },
    ]);
    expect(step(membershipWorkflow, { ...d, status: 'applied' }, 'reject', ecom)[0]).toBe('rule');
  });
});
