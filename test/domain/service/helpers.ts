import type { DocRecord, RuleContext } from '../../../src/domain/definition';
import { actor } from '../../helpers/actors';

export { actor };

export function ctxOf(now: Date, over: Partial<RuleContext> = {}): RuleContext {
  return { now, user: actor('assistant'), refs: {}, lineRefs: {}, facts: {}, settings: {}, ...over };
}

export const product = (id: number, extra: DocRecord = {}): DocRecord => ({
  id,
  name: `P${id}`,
  sku: `SKU${id}`,
  category: 'stationery',
  catalogPrice: 10,
  cost: 8,
  stock: 50,
  catalog: true,
  active: true,
  ...extra,
});
