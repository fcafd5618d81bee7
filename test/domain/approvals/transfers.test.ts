import { describe, expect, it } from 'vitest';
import {
  computeTransfer,
  STORE_NOTE_REMARK,
  transferRules,
  transferWorkflow,
} from '../../../src/domain/documents/approvals/transfers';
import { decide } from '../../../src/domain/workflow';
import { actor, ctxOf, product } from './helpers';

const ctx = ctxOf({ products: [product(1, 30, 24, 0)], user: actor('merchPlanning', 3) });
const base = { sourceUnit: '广州分公司配货仓', reason: 'leadTime', lines: [{ productId: 1, qty: 12 }] };

describe('6.13 transfers', () => {
  it('a sister warehouse first: a store only once the warehouse has none, with the store’s note (6.13.3)', () => {
    const store = computeTransfer({ ...base, sourceType: 'store', sisterWarehouseEmpty: false }, ctx);
    expect(transferRules(store, ctx).map((r) => [r.rule, Object.keys(r.errors ?? {})[0]])).toEqual([
      ['6.13.3', 'sisterWarehouseEmpty'],
      ['6.13.3', 'storeNoteNo'],
    ]);
    const ok = computeTransfer(
      { ...base, sourceType: 'store', sisterWarehouseEmpty: true, storeNoteNo: 'PS-0091' },
      ctx,
    );
    expect(transferRules(ok, ctx)).toEqual([]);
    expect(ok.remark).toBe(STORE_NOTE_REMARK);
    expect(ok.totalQty).toBe(12);
    expect(transferRules(computeTransfer({ ...base, sourceType: 'sisterWarehouse' }, ctx), ctx)).toEqual([]);
  });

  it('the order desk reviews; purchasing approves store transfers only', () => {
    const od = ctxOf({ user: actor('orderDesk') });
    const sister = decide(
      transferWorkflow,
      { status: 'orderDeskReview', sourceType: 'sisterWarehouse' },
      'approve',
      od,
    );
    const store = decide(transferWorkflow, { status: 'orderDeskReview', sourceType: 'store' }, 'approve', od);
    expect(sister.ok && sister.decision.to).toBe('inTransit');
    expect(store.ok && store.decision.to).toBe('purchasingApproval');
    const purchasingEarly = decide(
      transferWorkflow,
      { status: 'orderDeskReview', sourceType: 'store' },
      'approve',
      ctxOf({ user: actor('purchasing') }),
    );
    expect(!purchasingEarly.ok && purchasingEarly.refusal.kind).toBe('forbidden');
    const merchApproves = decide(transferWorkflow, { status: 'orderDeskReview' }, 'approve', ctx);
    expect(!merchApproves.ok && merchApproves.refusal.kind).toBe('forbidden');
  });

  it('received goods go into stock (6.13.4), by the warehouse', () => {
    const doc = {
      status: 'inTransit',
      lines: [
        { productId: 1, qty: 12 },
        { productId: 2, qty: 3 },
      ],
    };
    const out = decide(transferWorkflow, doc, 'receive', ctxOf({ user: actor('warehouse') }));
    expect(out.ok && out.decision.effects).toEqual([
      { kind: 'adjustStock', productId: 1, delta: 12, rule: '6.13.4' },
      { kind: 'adjustStock', productId: 2, delta: 3, rule: '6.13.4' },
    ]);
    const byDesk = decide(transferWorkflow, doc, 'receive', ctxOf({ user: actor('orderDesk') }));
    expect(!byDesk.ok && byDesk.refusal.kind).toBe('forbidden');
  });

  it('only the merchandise planner who entered it submits it', () => {
    const other = decide(
      transferWorkflow,
      { status: 'draft', createdBy: 3 },
      'submit',
      ctxOf({ user: actor('merchPlanning', 4) }),
    );
    expect(!other.ok && other.refusal.kind).toBe('forbidden');
    expect(decide(transferWorkflow, { status: 'draft', createdBy: 3 }, 'submit', ctx).ok).toBe(true);
  });
});
