import { calendarOf, type Calendar, type CalendarDay } from './calendar';
import { SALES_ASSUMPTIONS, SALES_SETTINGS_DEFAULTS, type SalesSettings } from './rules/sales/settings';
import { t, type Text } from './text';

/**
 * Branch settings. Where the procedure's text is cut ([cut] in procedure.md), our default lives
 * here and is labelled as an assumption in the UI.
 */
export interface FestivalWindow {
  name: string;
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD
}

export interface BranchSettings extends SalesSettings {
  /** 6.12.1 gifts only in festival windows (Mid-Autumn, Spring Festival) */
  giftWindows: FestivalWindow[];
  /** 6.15 [cut] scrap above this cost (yuan) also needs the financeDirector — assumption */
  scrapFinanceDirectorAbove: number;
  /** 5.8.4 [cut] members without an order for this many days go on the follow-up list — assumption */
  memberFollowUpDays: number;
  /** 5.6.2 the tier follows the average monthly orders of this many last full months — assumption */
  tierVolumeMonths: number;
  /** 6.14.1 a special discount needs at least this gross margin after the discount (%) — assumption */
  discountMinMarginPercent: number;
  /** 5.10.4 [cut] a single order of at least this total (yuan) also goes to the branch GM — assumption */
  largeOrderGmFrom: number;
  /** 6.1.1 daily target of orders entered per assistant (dashboard) */
  dailyOrderTarget: number;
  /** 6.1.1 daily target of order value per assistant, yuan (dashboard) */
  dailyValueTarget: number;
  /** a year's 调休 (days off and make-up working days) as published, or local corrections (calendar.ts calendarOf) */
  calendarDays: CalendarDay[];
}

export const DEFAULT_SETTINGS: BranchSettings = {
  giftWindows: [
    { name: '2026 中秋节', from: '2026-09-10', to: '2026-09-27' },
    { name: '2027 春节', from: '2027-01-18', to: '2027-02-10' },
  ],
  scrapFinanceDirectorAbove: 500,
  memberFollowUpDays: 30,
  tierVolumeMonths: 3,
  discountMinMarginPercent: 10,
  largeOrderGmFrom: 100_000,
  dailyOrderTarget: 16,
  dailyValueTarget: 8000,
  calendarDays: [],
  ...SALES_SETTINGS_DEFAULTS,
};

/** Settings that stand for a cut clause: the UI marks them "assumption". */
export const ASSUMPTIONS: Partial<Record<keyof BranchSettings, Text>> = {
  ...SALES_ASSUMPTIONS,
  scrapFinanceDirectorAbove: t(
    '假设：原文6.15被截断，沿用6.12.2的500元门槛',
    'Assumption: clause 6.15 is cut; the 500-yuan threshold of 6.12.2 is reused',
  ),
  largeOrderGmFrom: t(
    '假设：原文5.10.4"单笔金额较大的都应由分公司…"被截断，默认单笔订单合计10万元（含）以上经经理审核后由分公司总经理审批',
    'Assumption: clause 5.10.4 "large single orders … by the branch" is cut; default: an order of 100,000 yuan or more goes to the branch GM after the CS manager',
  ),
  memberFollowUpDays: t('假设：原文5.8.4被截断，默认30天', 'Assumption: clause 5.8.4 is cut; default 30 days'),
  tierVolumeMonths: t(
    '假设：5.6.2只说"月订货额"，默认取近3个整月已签收/结案订单的月平均',
    'Assumption: 5.6.2 says only "monthly orders"; default: the average of the last 3 full months of delivered/closed orders',
  ),
  discountMinMarginPercent: t(
    '假设：6.14.1只要求"足够的毛利"，默认折后毛利不低于10%（6.4.3毛利区间下限）',
    'Assumption: 6.14.1 only asks for "sufficient margin"; default ≥ 10 % after the discount (the low end of 6.4.3)',
  ),
};

export function settingsOf(raw: Record<string, unknown> | undefined): BranchSettings {
  return { ...DEFAULT_SETTINGS, ...(raw ?? {}) } as BranchSettings;
}

/** The working-time calendar these settings give (their `calendarDays` over the built-in calendar). */
export function calendarOfSettings(settings: Record<string, unknown> | BranchSettings | undefined): Calendar {
  const days = (settings as Record<string, unknown> | undefined)?.calendarDays;
  return calendarOf(Array.isArray(days) ? (days as CalendarDay[]) : []);
}
