import { atShanghai } from '../../../src/domain/calendar';
import type { DocRecord, RuleContext } from '../../../src/domain/definition';
import type { Actor } from '../../../src/domain/roles';
import { decide, type Workflow } from '../../../src/domain/workflow';

export const at = (day: string, time: string) => atShanghai(day, time);
export const iso = (day: string, time: string) => at(day, time).toISOString();

/** Friday 27 Nov 2026, 10:00 in Shanghai */
export const NOW = at('2026-11-27', '10:00');

export { actor } from '../../helpers/actors';

export function ctxOf(user: Actor, opts: Partial<Omit<RuleContext, 'user'>> = {}): RuleContext {
  return {
    now: opts.now ?? NOW,
    user,
    refs: opts.refs ?? {},
    lineRefs: opts.lineRefs ?? {},
    facts: opts.facts ?? {},
    settings: opts.settings ?? {},
  };
}

/** a key account trading for years; an SMB customer; a new key account (first trade last month) */
export const KEY: DocRecord = {
  id: 10,
  code: '100010',
  name: '乙集团',
  tier: 'keyAccount',
  settlement: 'credit',
  creditLimit: 50000,
  firstTradeAt: iso('2024-01-10', '10:00'),
  overdue: false,
  assistantId: 7,
  salesRepId: 5,
  active: true,
};
export const SMB: DocRecord = {
  id: 11,
  code: '100011',
  name: '甲商行',
  tier: 'smb',
  settlement: 'cash',
  creditLimit: 0,
  firstTradeAt: iso('2024-01-10', '10:00'),
  assistantId: 8,
  active: true,
};
export const NEW_KEY: DocRecord = {
  ...KEY,
  id: 12,
  code: '100012',
  name: '丙科技',
  settlement: 'cash',
  creditLimit: 0,
  firstTradeAt: iso('2026-10-20', '10:00'),
};

/** catalog stationery (cost 90 of 100), special (non-catalog) good, OA equipment */
export const PRODUCTS: Record<number, DocRecord> = {
  1: {
    id: 1,
    sku: 'ST-0001',
    name: '中性笔（12支/盒）',
    category: 'stationery',
    catalogPrice: 100,
    cost: 90,
    catalog: true,
    projectDept: '文具项目部',
    stock: 10,
    active: true,
  },
  2: {
    id: 2,
    sku: 'ST-0002',
    name: 'A4复印纸',
    category: 'other',
    catalogPrice: 50,
    cost: 40,
    catalog: true,
    projectDept: '纸品项目部',
    stock: 0,
    active: true,
  },
  3: {
    id: 3,
    sku: 'OT-0003',
    name: '定制LOGO笔记本',
    category: 'stationery',
    catalogPrice: 35,
    cost: 70,
    catalog: false,
    projectDept: '文具项目部',
    stock: 0,
    active: true,
  },
  4: {
    id: 4,
    sku: 'EQ-0004',
    name: '激光打印机',
    category: 'oaEquipment',
    catalogPrice: 1999,
    cost: 1900,
    catalog: true,
    projectDept: '设备项目部',
    stock: 2,
    active: true,
  },
  5: {
    id: 5,
    sku: 'ST-0005',
    name: '订书机',
    category: 'stationery',
    catalogPrice: 12,
    cost: 9,
    catalog: true,
    projectDept: '文具项目部',
    stock: 5,
    active: true,
  },
};

/** The outcome of a step as [kind, rule] of its refusal ('ok' when allowed, with the target state instead). */
export function step(
  wf: Workflow,
  doc: DocRecord,
  action: string,
  ctx: RuleContext,
  comment?: string,
): [string, string | undefined] {
  const r = decide(wf, doc, action, ctx, comment);
  return r.ok ? ['ok', r.decision.to] : [r.refusal.kind, r.refusal.rule];
}
