import { t, type Text } from '../../text';

/**
 * Branch settings the sales documents read from `ctx.settings`, with their defaults (part of the
 * branch settings, src/domain/settings.ts). Where the procedure gives no number the default is
 * OUR assumption and is labelled so.
 */
export interface SalesSettings {
  /** 6.4.3 normal goods: overall gross margin of a key-account quote between these (percent, inclusive) */
  quoteMarginMin: number;
  quoteMarginMax: number;
  /** 6.4.3 special goods "about 30 %": accepted band (percent, inclusive) — assumption: 30 ± 5 */
  quoteSpecialMarginMin: number;
  quoteSpecialMarginMax: number;
  /** 6.5.4 "large amounts" of special goods need a deposit or a contract: from this total (yuan) — assumption */
  specialOrderDepositFrom: number;
}

export const SALES_SETTINGS_DEFAULTS: SalesSettings = {
  quoteMarginMin: 10,
  quoteMarginMax: 20,
  quoteSpecialMarginMin: 25,
  quoteSpecialMarginMax: 35,
  specialOrderDepositFrom: 5000,
};

/** Labels for the settings screen: the two numbers the procedure does not give are assumptions. */
export const SALES_ASSUMPTIONS: Partial<Record<keyof SalesSettings, Text>> = {
  quoteSpecialMarginMin: t(
    '假设：6.4.3"特殊商品控制在30%左右"按30%±5个百分点',
    'Assumption: 6.4.3 "special goods about 30 %" read as 30 % ± 5 points',
  ),
  quoteSpecialMarginMax: t(
    '假设：6.4.3"特殊商品控制在30%左右"按30%±5个百分点',
    'Assumption: 6.4.3 "special goods about 30 %" read as 30 % ± 5 points',
  ),
  specialOrderDepositFrom: t(
    '假设：6.5.4"涉及金额较大"未给出金额，沿用6.5.5的5000元',
    'Assumption: 6.5.4 "large amounts" has no figure; the 5000-yuan threshold of 6.5.5 is reused',
  ),
};

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export function salesSettings(raw: Record<string, unknown> | undefined): SalesSettings {
  const s = raw ?? {};
  return {
    quoteMarginMin: num(s.quoteMarginMin, SALES_SETTINGS_DEFAULTS.quoteMarginMin),
    quoteMarginMax: num(s.quoteMarginMax, SALES_SETTINGS_DEFAULTS.quoteMarginMax),
    quoteSpecialMarginMin: num(s.quoteSpecialMarginMin, SALES_SETTINGS_DEFAULTS.quoteSpecialMarginMin),
    quoteSpecialMarginMax: num(s.quoteSpecialMarginMax, SALES_SETTINGS_DEFAULTS.quoteSpecialMarginMax),
    specialOrderDepositFrom: num(s.specialOrderDepositFrom, SALES_SETTINGS_DEFAULTS.specialOrderDepositFrom),
  };
}
