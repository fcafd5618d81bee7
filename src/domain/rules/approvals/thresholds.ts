import type { Fen } from '../../money';
import { yuanToFen } from '../../money';
import { DEFAULT_SETTINGS } from '../../settings';

/**
 * Amount-tiered approval chains (6.12.2, and 6.15 by assumption): the branchGM's approval
 * releases a document up to the limit, inclusive; above it the chain goes on to the group
 * financeDirector. One function for both, so "≤ 500 inclusive" means the same everywhere.
 */

/** 6.12.2 分公司总经理审批500元(含)以下的额度，超过500元的，由集团财务总监审批. */
export const GIFT_GM_LIMIT_FEN: Fen = 500_00;

/** true when the branchGM's approval is the last one: total ≤ limit (inclusive). */
export const withinGmLimit = (totalFen: Fen, limitFen: Fen): boolean => totalFen <= limitFen;

/** the financeDirector must also approve: total > limit. */
export const needsFinanceDirector = (totalFen: Fen, limitFen: Fen): boolean => !withinGmLimit(totalFen, limitFen);

/**
 * 6.15 [cut] scrap above this cost also needs the financeDirector — an assumption kept in the
 * branch settings (`scrapFinanceDirectorAbove`, yuan; default 500 like 6.12.2).
 */
export function scrapLimitFen(settings: Record<string, unknown>): Fen {
  const v = settings.scrapFinanceDirectorAbove;
  return yuanToFen(
    typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_SETTINGS.scrapFinanceDirectorAbove,
  );
}
