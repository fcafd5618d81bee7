import { atShanghai } from '../../../src/domain/calendar';
import type { DocRecord, RuleContext } from '../../../src/domain/definition';
import type { Actor, Role } from '../../../src/domain/roles';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { actor as anActor } from '../../helpers/actors';

export const at = (day: string, time = '10:00') => atShanghai(day, time);
export const iso = (day: string, time = '10:00') => at(day, time).toISOString();

let nextId = 100;
/** each call a new caller (ids from 100); assistants in the SMB group */
export const actor = (role: Role, id = nextId++, group: Actor['group'] = role === 'assistant' ? 'smb' : null): Actor =>
  anActor(role, id, group);

/** A rule context as the server builds it (refs, lineRefs, facts, settings), for pure tests. */
export function ctxOf(
  opts: {
    now?: Date;
    user?: Actor;
    refs?: RuleContext['refs'];
    products?: DocRecord[];
    facts?: RuleContext['facts'];
    settings?: Record<string, unknown>;
  } = {},
): RuleContext {
  return {
    now: opts.now ?? at('2026-09-15'),
    user: opts.user ?? actor('assistant', 7),
    refs: opts.refs ?? {},
    lineRefs: { productId: Object.fromEntries((opts.products ?? []).map((p) => [Number(p.id), p])) },
    facts: opts.facts ?? {},
    settings: { ...DEFAULT_SETTINGS, ...(opts.settings ?? {}) } as unknown as Record<string, unknown>,
  };
}

export const customer = (extra: DocRecord = {}): DocRecord => ({
  id: 1,
  code: '100001',
  name: '深圳市华兴科技有限公司',
  tier: 'keyAccount',
  settlement: 'cash',
  creditLimit: 0,
  overdue: false,
  active: true,
  districtOffice: '福田办事处',
  firstTradeAt: iso('2025-03-03'),
  ...extra,
});
export const product = (id: number, catalogPrice: number, cost: number, stock = 50): DocRecord => ({
  id,
  sku: `T-${id}`,
  name: `商品${id}`,
  catalogPrice,
  cost,
  stock,
  active: true,
  catalog: true,
});
