import { column, date, defineDocument, enumOf, int, lines, money, text, type DocRecord } from '../definition';
import { ruleRefusal, type Refusal } from '../refusal';
import { ASSUMPTIONS } from '../settings';
import { t } from '../text';

/**
 * 6.1 working days: each date of the branch calendar once — two entries for one day (a holiday and
 * a make-up working day, or the same day twice) would leave it to the order of the list.
 */
export function calendarDaysRefusals(doc: DocRecord): Refusal[] {
  const days = Array.isArray(doc.calendarDays) ? (doc.calendarDays as DocRecord[]) : [];
  const first = new Map<string, number>();
  const out: Refusal[] = [];
  days.forEach((d, i) => {
    const date = String(d?.date ?? '');
    if (!date) return;
    const before = first.get(date);
    if (before === undefined) first.set(date, i);
    else
      out.push(
        ruleRefusal(
          '6.1',
          `${date} 已在第 ${before + 1} 行录入`,
          `${date} is already entered on line ${before + 1}`,
          `calendarDays.${i}.date`,
        ),
      );
  });
  return out;
}

/** Branch settings: one record. Cut clauses' defaults are labelled as assumptions. */
export const settings = defineDocument({
  resource: 'settings',
  label: t('系统设置', 'Settings'),
  menuLabel: t('系统设置', 'Settings'),
  menuGroup: 'admin',
  fields: {
    giftWindows: lines(
      t('节日赠送期间 (6.12.1)', 'Festival gift windows (6.12.1)'),
      {
        name: text(t('节日', 'Festival'), { required: true, maxLength: 30 }),
        from: date(t('开始', 'From'), { required: true }),
        to: date(t('结束', 'To'), { required: true }),
      },
      { maxLines: 20 },
    ),
    scrapFinanceDirectorAbove: money(
      t('报损报废需财务总监审批的成本门槛（元）', 'Scrap cost needing the finance director (yuan)'),
      { required: true, help: ASSUMPTIONS.scrapFinanceDirectorAbove },
    ),
    discountMinMarginPercent: money(
      t('特殊折扣最低折后毛利率（%）', 'Special discount: minimum margin after discount (%)'),
      { required: true, max: 100, unit: 'percent', help: ASSUMPTIONS.discountMinMarginPercent },
    ),
    quoteMarginMin: money(t('报价毛利区间下限（%）(6.4.3)', 'Quote margin band, low (%) (6.4.3)'), {
      required: true,
      max: 100,
      unit: 'percent',
    }),
    quoteMarginMax: money(t('报价毛利区间上限（%）(6.4.3)', 'Quote margin band, high (%) (6.4.3)'), {
      required: true,
      max: 100,
      unit: 'percent',
    }),
    quoteSpecialMarginMin: money(t('特殊商品毛利下限（%）', 'Special goods margin, low (%)'), {
      required: true,
      max: 100,
      unit: 'percent',
      help: ASSUMPTIONS.quoteSpecialMarginMin,
    }),
    quoteSpecialMarginMax: money(t('特殊商品毛利上限（%）', 'Special goods margin, high (%)'), {
      required: true,
      max: 100,
      unit: 'percent',
      help: ASSUMPTIONS.quoteSpecialMarginMax,
    }),
    specialOrderDepositFrom: money(
      t('特殊商品须订金/合同的金额（元）', 'Special order: deposit or contract from (yuan)'),
      { required: true, help: ASSUMPTIONS.specialOrderDepositFrom },
    ),
    largeOrderGmFrom: money(
      t('单笔订单须总经理审批的金额（元）(5.10.4)', 'Single order needing the branch GM from (yuan) (5.10.4)'),
      { min: 1, help: ASSUMPTIONS.largeOrderGmFrom },
    ),
    memberFollowUpDays: int(t('会员未订货跟进天数', 'Member follow-up after days without orders'), {
      required: true,
      min: 1,
      max: 365,
      help: ASSUMPTIONS.memberFollowUpDays,
    }),
    tierVolumeMonths: int(
      t('客户类别按近几个整月订货额评定 (5.6.2)', 'Tier from the average of the last full months (5.6.2)'),
      { required: true, default: 3, min: 1, max: 12, help: ASSUMPTIONS.tierVolumeMonths },
    ),
    dailyOrderTarget: int(t('每人每日订单目标', 'Daily orders target per assistant'), {
      required: true,
      min: 0,
      max: 1000,
    }),
    dailyValueTarget: money(t('每人每日订单金额目标（元）', 'Daily order value target per assistant (yuan)'), {
      required: true,
    }),
    // working days (6.1): a year's 调休 as the State Council publishes it (the statutory holidays are computed, holidays.ts)
    calendarDays: lines(
      t('节假日与调休', 'Holidays and make-up working days'),
      {
        date: date(t('日期', 'Date'), { required: true }),
        kind: enumOf(
          t('类型', 'Kind'),
          { holiday: t('放假', 'Holiday'), workday: t('调休上班', 'Make-up working day') },
          { required: true },
        ),
        name: text(t('名称', 'Name'), { maxLength: 30 }),
      },
      {
        maxLines: 400,
        help: t(
          '法定节假日由系统按《全国年节及纪念日放假办法》计算；国务院办公厅每年11月前后公布次年的调休安排，请在上方粘贴其放假日期和调休上班日期（一年一次录入），也可逐行修改。',
          "The statutory holidays are computed by law; the State Council publishes next year's arrangement around November — paste its days off and make-up working days above (one year at a time), or edit the lines one by one.",
        ),
      },
    ),
  },
  list: [
    column('scrapFinanceDirectorAbove', 'money'),
    column('discountMinMarginPercent', 'number'),
    column('memberFollowUpDays', 'number'),
    column('dailyOrderTarget', 'number'),
    column('dailyValueTarget', 'money'),
    column('updatedAt', 'datetime'),
  ],
  filters: [],
  defaultSort: { field: 'id', order: 'ASC' },
  columns: [],
  access: { read: 'all', create: [], edit: ['admin'] },
  rules: calendarDaysRefusals,
});
