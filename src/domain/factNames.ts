/**
 * The facts a definition's rules may ask the server for (`definition.facts`, `ctx.facts`), by
 * name. A name not listed here does not compile; the server has a loader for each (server/core/facts)
 * and refuses to run a definition naming one it does not know — never a silent 0 that would switch
 * off a one-per-X rule (6.7.2, 6.8.2, 5.2.2, 5.11.2).
 */
export const FACT_NAMES = [
  'creditUsed',
  'openHandwrittenNotes',
  'openUrgentDeliveries',
  'openMemberships',
  'customerOrders3FullMonths',
  'openCreditApplications',
  'previousCreditApplicationId',
  'returnedQty',
  'workLogsSameDay',
  // 6.12.2 typed gift names that are catalog products, with their catalog price
  'giftCatalogNames',
  // the last active admin stays (rules/users.ts)
  'otherActiveAdmins',
] as const;

export type FactName = (typeof FACT_NAMES)[number];

export type FactValue = number | boolean | string | null;

export const isFactName = (name: string): name is FactName => (FACT_NAMES as readonly string[]).includes(name);
