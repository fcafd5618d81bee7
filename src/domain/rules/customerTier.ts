import type { DocRecord } from '../definition';
import { yuanToFen, type Fen } from '../money';
import { ruleRefusal, type Refusal } from '../refusal';
import { hasCreditLine, tierForMonthlySales, type Tier } from './customerTerms';

/**
 * 5.6.2 大客户 = monthly orders over 5000 yuan; 中小客户 below. The tier follows the customer's
 * delivered volume — the average of the last `tierVolumeMonths` full calendar months of delivered
 * or closed orders (a labelled assumption in the settings, 3 by default) — re-derived by the
 * server's daily job (server/jobs/customerTiers.ts). A new customer, with no orders, is SMB.
 * A customer holding an approved credit line stays a key account (5.11.2 grants lines to key
 * accounts; its half-yearly review, 5.11.4, decides whether it keeps it). Only the CS Center
 * manager may override the tier, with a reason, shown on the customer.
 */

export const TIER_BASES = ['volume', 'creditLine', 'override'] as const;
export type TierBasis = (typeof TIER_BASES)[number];

/** 5.6.2 (the clause says "monthly"; how many full months are averaged is the settings' assumption) */
export const DEFAULT_TIER_VOLUME_MONTHS = 3;

export const tierVolumeMonths = (settings: Record<string, unknown> | undefined): number => {
  const n = Number(settings?.tierVolumeMonths);
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : DEFAULT_TIER_VOLUME_MONTHS;
};

const isTier = (v: unknown): v is Tier => v === 'keyAccount' || v === 'smb';

/** The tier a customer has, and what it rests on: the manager's override, a credit line, or the volume. */
export function tierOf(customer: DocRecord): { tier: Tier; tierBasis: TierBasis } {
  if (isTier(customer.tierOverride)) return { tier: customer.tierOverride, tierBasis: 'override' };
  if (hasCreditLine(customer)) return { tier: 'keyAccount', tierBasis: 'creditLine' };
  return { tier: isTier(customer.volumeTier) ? customer.volumeTier : 'smb', tierBasis: 'volume' };
}

/** The monthly average of `months` months' delivered volume, floored to the fen. */
export const monthlyVolumeFen = (totalYuan: number, months: number): Fen => Math.floor(yuanToFen(totalYuan) / months);

/**
 * The re-tiering of one customer from its delivered volume (yuan over `months` full months): the
 * fields that change (volume, volume tier, tier, basis), or null when nothing does.
 */
export function retierPatch(customer: DocRecord, totalYuan: number, months: number): DocRecord | null {
  const avgFen = monthlyVolumeFen(totalYuan, months);
  const next: DocRecord = { ...customer, monthlyVolume: avgFen / 100, volumeTier: tierForMonthlySales(avgFen) };
  Object.assign(next, tierOf(next));
  const patch: DocRecord = {};
  for (const k of ['monthlyVolume', 'volumeTier', 'tier', 'tierBasis'])
    if ((customer[k] ?? null) !== next[k]) patch[k] = next[k];
  return Object.keys(patch).length ? patch : null;
}

/** 5.6.2 an override names its reason. */
export function tierOverrideRefusals(customer: DocRecord): Refusal[] {
  if (!isTier(customer.tierOverride)) return [];
  const reason = typeof customer.tierOverrideReason === 'string' ? customer.tierOverrideReason.trim() : '';
  return reason
    ? []
    : [ruleRefusal('5.6.2', '人工调整客户类别须填写原因', 'A tier override needs a reason', 'tierOverrideReason')];
}
