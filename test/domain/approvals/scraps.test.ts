import { describe, expect, it } from 'vitest';
import type { DocRecord } from '../../../src/domain/definition';
import {
  computeScrap,
  SCRAP_CAUSE_MIN_LENGTH,
  scrapRules,
  scrapWorkflow,
} from '../../../src/domain/documents/approvals/scraps';
import { scrapLimitFen } from '../../../src/domain/rules/approvals/thresholds';
import { ASSUMPTIONS, DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { decide } from '../../../src/domain/workflow';
import { actor, ctxOf, product } from './helpers';

const cause = '仓库漏雨导致整箱复印纸受潮发霉，无法销售';
const scrap = (cost: number, qty = 1, extra: DocRecord = {}) => {
  const p = product(1, cost * 1.25, cost, 20);
  const ctx = ctxOf({ products: [p], user: actor('branchGM') });
  const doc = computeScrap(
    { kind: 'damage', cause, lines: [{ productId: 1, qty }], status: 'gmApproval', ...extra },
    ctx,
  );
  return { doc, ctx };
};

describe('6.15 [cut] scrap threshold: branchGM up to the setting (500 inclusive), financeDirector above', () => {
  it('the default is an assumption of 500 yuan, labelled as such', () => {
    expect(DEFAULT_SETTINGS.scrapFinanceDirectorAbove).toBe(500);
    expect(ASSUMPTIONS.scrapFinanceDirectorAbove?.zh).toContain('假设');
    expect(scrapLimitFen({})).toBe(50000);
    expect(scrapLimitFen({ scrapFinanceDirectorAbove: 800 })).toBe(80000);
  });

  it('500.00 of cost: the branchGM approves it and the goods leave stock', () => {
    const { doc, ctx } = scrap(500);
    expect(doc.total).toBe(500);
    expect(doc.needsFinanceDirector).toBe(false);
    const out = decide(scrapWorkflow, doc, 'approve', ctx);
    expect(out.ok && out.decision.to).toBe('approved');
    expect(out.ok && out.decision.effects).toEqual([{ kind: 'adjustStock', productId: 1, delta: -1, rule: '6.15' }]);
  });

  it('500.01 of cost: after the branchGM it waits for the financeDirector, stock untouched until then', () => {
    const { doc, ctx } = scrap(500.01);
    expect(doc.needsFinanceDirector).toBe(true);
    const gm = decide(scrapWorkflow, doc, 'approve', ctx);
    expect(gm.ok && gm.decision.to).toBe('fdApproval');
    expect(gm.ok && gm.decision.effects).toEqual([]);
    const fd = decide(
      scrapWorkflow,
      { ...doc, status: 'fdApproval' },
      'approve',
      ctxOf({ user: actor('financeDirector') }),
    );
    expect(fd.ok && fd.decision.to).toBe('approved');
    expect(fd.ok && fd.decision.effects).toEqual([{ kind: 'adjustStock', productId: 1, delta: -1, rule: '6.15' }]);
  });

  it('the threshold follows the settings (an assumption the branch may change)', () => {
    const { doc } = scrap(500.01);
    const ctx = ctxOf({
      products: [product(1, 700, 500.01, 20)],
      user: actor('branchGM'),
      settings: { scrapFinanceDirectorAbove: 600 },
    });
    expect(computeScrap(doc, ctx).needsFinanceDirector).toBe(false);
    const out = decide(scrapWorkflow, doc, 'approve', ctx);
    expect(out.ok && out.decision.to).toBe('approved');
  });

  it('unit cost comes from the product, not from the request', () => {
    const ctx = ctxOf({ products: [product(1, 12, 9.6, 20)] });
    const c = computeScrap({ kind: 'scrap', cause, lines: [{ productId: 1, qty: 3, unitPrice: 0.01 }] }, ctx);
    expect(c.lines).toEqual([{ productId: 1, qty: 3, unitPrice: 9.6, name: '商品1', amount: 28.8 }]);
    expect(c.total).toBe(28.8);
  });
});

describe('6.15.1 the cause is stated truthfully and in detail', () => {
  const ctx = ctxOf({ products: [product(1, 12, 9.6, 5)] });
  it(`needs at least ${SCRAP_CAUSE_MIN_LENGTH} characters`, () => {
    const short = 'x'.repeat(SCRAP_CAUSE_MIN_LENGTH - 1);
    expect(
      scrapRules(computeScrap({ kind: 'damage', cause: short, lines: [{ productId: 1, qty: 1 }] }, ctx), ctx).map(
        (r) => [r.rule, Object.keys(r.errors ?? {})[0]],
      ),
    ).toEqual([['6.15.1', 'cause']]);
    expect(
      scrapRules(
        computeScrap(
          { kind: 'damage', cause: 'x'.repeat(SCRAP_CAUSE_MIN_LENGTH), lines: [{ productId: 1, qty: 1 }] },
          ctx,
        ),
        ctx,
      ),
    ).toEqual([]);
  });
  it('cannot write off more than is in stock', () => {
    const r = scrapRules(
      computeScrap(
        {
          kind: 'damage',
          cause,
          lines: [
            { productId: 1, qty: 3 },
            { productId: 1, qty: 3 },
          ],
        },
        ctx,
      ),
      ctx,
    );
    expect(r.map((x) => x.rule)).toEqual(['6.15.1', '6.15.1']);
    expect(Object.keys(r[0].errors ?? {})).toEqual(['lines.0.qty']);
  });
});
