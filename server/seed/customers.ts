import type { DocRecord } from '../../src/domain/definition';
import { isNewCustomer, monthsBefore } from '../../src/domain/rules/customerTerms';
import { addDays } from '../../src/domain/calendar';
import { atMinute, shanghaiDate, workingDayOnOrBefore, MINUTE } from './clock';
import type { Rng } from './random';

/** Demo customers of the 深圳分公司 (6.3.4 fields; tiers 5.6.2; credit 5.11). */

const DAY = 86_400_000;

export const DISTRICTS = [
  {
    office: '福田办事处',
    district: '福田区',
    letter: 'A',
    km: [1, 12],
    weight: 26,
    roads: [
      '深南中路',
      '福华三路',
      '益田路',
      '彩田路',
      '福中一路',
      '滨河大道',
      '华强北路',
      '新洲路',
      '金田路',
      '香蜜湖路',
    ],
  },
  {
    office: '南山办事处',
    district: '南山区',
    letter: 'B',
    km: [6, 24],
    weight: 26,
    roads: [
      '科技南十二路',
      '深南大道',
      '南海大道',
      '高新南一道',
      '蛇口工业大道',
      '后海大道',
      '桃园路',
      '科苑路',
      '沙河西路',
    ],
  },
  {
    office: '罗湖办事处',
    district: '罗湖区',
    letter: 'C',
    km: [2, 14],
    weight: 18,
    roads: ['人民南路', '深南东路', '东门中路', '宝安南路', '建设路', '解放路', '春风路', '笋岗路', '文锦中路'],
  },
  {
    office: '宝安办事处',
    district: '宝安区',
    letter: 'D',
    km: [12, 38],
    weight: 16,
    roads: ['新安六路', '宝安大道', '创业一路', '建安一路', '西乡大道', '沙井路', '福永大道', '航城大道'],
  },
  {
    office: '龙岗办事处',
    district: '龙岗区',
    letter: 'E',
    km: [14, 40],
    weight: 14,
    roads: ['龙岗大道', '龙城大道', '布吉路', '五和大道', '横岗大道', '清林路', '坂雪岗大道', '爱联路'],
  },
] as const;

const BUILDINGS = [
  '国际商会中心',
  '华润大厦',
  '创新大厦',
  '科技大厦',
  '金融中心',
  '商务中心',
  '时代广场',
  '产业园A栋',
  '产业园B栋',
  '创业大厦',
  '中心大厦',
  '工业区3栋',
  '软件园2栋',
  '商业大厦',
];

const SURNAMES: readonly [string, string][] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['许', 'xu'],
  ['邓', 'deng'],
  ['冯', 'feng'],
  ['曾', 'zeng'],
  ['彭', 'peng'],
  ['苏', 'su'],
  ['蔡', 'cai'],
  ['钟', 'zhong'],
  ['叶', 'ye'],
  ['卢', 'lu'],
  ['潘', 'pan'],
  ['邱', 'qiu'],
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '志明',
  '建华',
  '晓东',
  '海燕',
  '文静',
  '子豪',
  '欣怡',
  '嘉怡',
  '俊杰',
  '婷婷',
  '雪梅',
  '国华',
  '春燕',
  '少华',
  '永强',
  '丽萍',
  '晓红',
  '伟明',
  '思远',
  '嘉欣',
];

const NAME_A = [
  '华',
  '鹏',
  '瑞',
  '嘉',
  '恒',
  '宏',
  '金',
  '远',
  '星',
  '海',
  '博',
  '信',
  '永',
  '汇',
  '卓',
  '天',
  '明',
  '正',
  '联',
  '科',
  '万',
  '新',
  '锦',
  '东',
  '盛',
  '百',
  '启',
  '合',
  '富',
  '祥',
  '腾',
  '安',
  '立',
  '广',
  '智',
  '云',
  '蓝',
  '致',
  '同',
  '德',
  '优',
  '凯',
  '众',
  '鼎',
  '和',
];
const NAME_B = [
  '兴',
  '达',
  '丰',
  '诚',
  '信',
  '图',
  '桥',
  '航',
  '河',
  '纳',
  '睿',
  '和',
  '泰',
  '通',
  '越',
  '成',
  '德',
  '阳',
  '创',
  '源',
  '元',
  '程',
  '方',
  '世',
  '川',
  '力',
  '瑞',
  '跃',
  '联',
  '帆',
  '海',
  '远',
  '润',
  '品',
  '旋',
  '盛',
  '悦',
  '辉',
  '晟',
  '峰',
];
const INDUSTRIES = [
  '科技',
  '电子',
  '贸易',
  '实业',
  '投资',
  '文化传播',
  '广告',
  '建筑工程',
  '物流',
  '电子商务',
  '信息技术',
  '网络科技',
  '餐饮管理',
  '装饰设计',
  '医疗器械',
  '生物科技',
  '教育咨询',
  '人力资源',
  '供应链管理',
  '会展服务',
  '精密制造',
  '新能源',
];
const BANKS = ['中国银行', '招商银行', '平安银行', '中国建设银行', '中国工商银行', '交通银行', '中信银行', '兴业银行'];
const NOTES = [
  '送货前请先电话联系',
  '只收增值税专用发票',
  '每月25日对账',
  '周六不收货，请工作日送达',
  '送货到前台，找行政部签收',
  '大件请走货梯',
];
const MAIL_DOMAINS = ['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com'];

type District = (typeof DISTRICTS)[number];

interface Kind {
  key: number;
  smb: number;
  /** named like an institution (no office-building address) */
  institution?: boolean;
  name: (rng: Rng, brand: string, d: District) => string;
}

const KINDS: Kind[] = [
  { key: 3, smb: 6, name: (r, b) => `深圳市${b}${r.pick(INDUSTRIES)}有限公司` },
  { key: 1.5, smb: 0, name: (_r, b) => `深圳${b}集团有限公司` },
  { key: 1, smb: 1, name: (_r, b) => `广东${b}律师事务所` },
  { key: 0.5, smb: 1, name: (_r, b) => `深圳${b}会计师事务所` },
  {
    key: 1.5,
    smb: 0,
    institution: true,
    name: (r, b, d) => `深圳市${d.district}${b}${r.pick(['实验学校', '小学', '中学', '外国语学校'])}`,
  },
  { key: 0, smb: 0.6, institution: true, name: (_r, b, d) => `深圳市${d.district}${b}幼儿园` },
  { key: 1, smb: 0, institution: true, name: (r, b) => `深圳${b}${r.pick(['医院', '妇儿医院', '中医院'])}` },
  {
    key: 0,
    smb: 1,
    institution: true,
    name: (r, b, d) => `深圳${d.district.slice(0, 2)}${b}${r.pick(['门诊部', '口腔诊所', '社康中心'])}`,
  },
  { key: 1, smb: 0.6, name: (_r, b) => `深圳市${b}物业管理有限公司` },
  { key: 1, smb: 0, institution: true, name: (r, b) => `${r.pick(BANKS)}深圳${b}支行` },
  { key: 0.5, smb: 0.3, institution: true, name: (r, b) => `深圳${b}${r.pick(['酒店', '大酒店', '商务酒店'])}` },
  {
    key: 0,
    smb: 1.5,
    name: (r, b, d) => `深圳市${d.district}${b}${r.pick(['设计工作室', '商行', '文印店', '贸易商行'])}`,
  },
];

/** 5.6.2 why the CS Center manager keeps a customer a key account whatever its recent volume */
const TIER_OVERRIDE_REASONS = [
  '上线前一年月均订货额逾8000元，年度采购集中在年底，保留大客户',
  '集团总部统一采购，分公司订货额不代表实际规模，保留大客户',
  '新签年度框架协议，预计月订货额超过5000元',
];

export interface CustomerSeedInput {
  count: number;
  now: Date;
  /** the start of the demo system: master data created before it is dated at it */
  systemStart: Date;
  /** assistants by group (user ids) */
  assistants: { keyAccount: number[]; smb: number[]; salesSupport: number[] };
  salesRepId: number | null;
  adminId: number | null;
}

const digits = (rng: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};
const landline = (rng: Rng) => `0755-${rng.int(2, 8)}${digits(rng, 7)}`;

/** An instant in office hours on a working day, on or before the day of `at` and before `notAfter`. */
function officeTime(rng: Rng, at: number, notAfter: number): Date {
  let day = workingDayOnOrBefore(shanghaiDate(new Date(at)));
  for (;;) {
    const t = atMinute(day, rng.int(8 * 60 + 30, 17 * 60) + rng.int(0, 59) / 60);
    if (t.getTime() <= notAfter) return t;
    day = workingDayOnOrBefore(addDays(day, -1));
  }
}

/**
 * ~25 % key accounts; credit (月结) only for some key accounts trading ≥ 3 months (5.11.1) with a
 * limit of 20 000–200 000 元; ~5 % of credit customers overdue; firstTradeAt over the past 3
 * years, some in the last 3 months (new), a few never. Codes ascend with creation ("100001"…).
 */
export function buildCustomers(rng: Rng, input: CustomerSeedInput): DocRecord[] {
  const { now } = input;
  const nowMs = now.getTime();
  const start = input.systemStart.getTime();
  const names = new Set<string>();
  const drafts: { rec: DocRecord; createdMs: number; order: number }[] = [];
  // draws of issue 21's fields (review dates, overrides) from their own stream: the rest of the demo stays as it was
  const terms = rng.fork('terms');

  for (let i = 0; i < input.count; i++) {
    const key = rng.chance(0.25);
    const d = rng.weighted(DISTRICTS, (x) => x.weight);
    const kind = rng.weighted(KINDS, (k) => (key ? k.key : k.smb));
    let name = '';
    for (let attempt = 0; attempt < 40 && (!name || names.has(name)); attempt++) {
      name = kind.name(rng, rng.pick(NAME_A) + rng.pick(NAME_B), d);
    }
    if (names.has(name)) name = `${name}（${d.district}${i + 1}部）`;
    names.add(name);

    // first trade: 3 % never, 10 % in the last 3 months (new), the rest 3 months–3 years ago
    const r = rng.next();
    let firstTrade: Date | null = null;
    if (r >= 0.03) {
      const daysAgo = r < 0.13 ? rng.float(0.5, 88) : rng.float(92, 3 * 365);
      firstTrade = officeTime(rng, nowMs - daysAgo * DAY, nowMs - 30 * MINUTE);
    }
    const firstTradeAt = firstTrade?.toISOString() ?? null;

    const [surname, py] = rng.pick(SURNAMES);
    const contact = surname + rng.pick(GIVEN);
    const road = rng.pick(d.roads);
    const address = kind.institution
      ? `深圳市${d.district}${road}${rng.int(1, 3999)}号`
      : officeAddress(rng, d.district, road);

    const rec: DocRecord = {
      code: '',
      name,
      tier: key ? 'keyAccount' : 'smb',
      member: key ? true : rng.chance(0.85),
      settlement: 'cash',
      creditLimit: 0,
      overdue: false,
      firstTradeAt,
      districtOffice: d.office,
      route: `线路${d.letter}${rng.int(1, 3)}`,
      contact,
      phone: landline(rng),
      mobile: `13${rng.int(0, 9)}${digits(rng, 8)}`,
      fax: rng.chance(key ? 0.75 : 0.4) ? landline(rng) : null,
      email: rng.chance(0.85) ? `${py}${rng.int(1, 999)}@${rng.pick(MAIL_DOMAINS)}` : null,
      address,
      distanceKm: Math.round(Math.min(40, Math.max(1, rng.float(d.km[0], d.km[1]))) * 10) / 10,
      assistantId: pickAssistant(rng, key, input.assistants),
      salesRepId: key ? input.salesRepId : null,
      note: rng.chance(0.15) ? rng.pick(NOTES) : null,
      active: true,
    };
    // 5.8.1 two members in three agreed to mailings: all by post, every other one by SMS, most with
    // an e-mail address by e-mail (from the index, so the random stream of the rest stays as it was)
    if (rec.member === true && i % 3 !== 0)
      Object.assign(rec, {
        mailingConsent: true,
        mailPost: true,
        mailSms: i % 2 === 0,
        mailEmail: !!rec.email && i % 5 !== 1,
      });
    // 5.11.1 credit only for key accounts trading ≥ 3 months; 5.5.1 with an approved limit
    if (key && firstTradeAt && !isNewCustomer(rec, now) && rng.chance(0.6)) {
      rec.settlement = 'credit';
      rec.creditLimit = rng.int(4, 40) * 5000;
      // 5.11.4 reviewed half-yearly: granted up to six months ago (some are due now, below)
      rec.creditReviewDue = monthsBefore(shanghaiDate(now), -terms.int(1, 5));
      rec.tierBasis = 'creditLine';
    } else if (key) {
      // 5.6.2 a key account of the years before the desk (its volume is older than the demo's weeks of
      // orders): the CS Center manager keeps it a key account, with why
      rec.tierOverride = 'keyAccount';
      rec.tierOverrideReason = terms.pick(TIER_OVERRIDE_REASONS);
      rec.tierBasis = 'override';
    } else rec.tierBasis = 'volume';

    let createdMs: number;
    if (!firstTrade) createdMs = Math.max(start, nowMs - rng.float(1, 60) * DAY);
    else createdMs = Math.max(start, firstTrade.getTime() - rng.float(0.02, 2) * DAY);
    createdMs = Math.min(createdMs, nowMs - MINUTE);
    drafts.push({ rec, createdMs: Math.floor(createdMs / 1000) * 1000, order: i });
  }

  // ~5 % of credit customers overdue (5.11.3), at least one when there are credit customers
  const credit = drafts.filter((x) => x.rec.settlement === 'credit');
  const overdue = credit.length ? Math.max(1, Math.round(credit.length * 0.05)) : 0;
  for (const x of rng.shuffle(credit.slice()).slice(0, overdue)) x.rec.overdue = true;
  // 5.11.4 about one credit line in six has come to its half-yearly review (today or a month ago)
  const due = credit.length ? Math.max(1, Math.round(credit.length / 6)) : 0;
  for (const x of terms.shuffle(credit.slice()).slice(0, due))
    x.rec.creditReviewDue = monthsBefore(shanghaiDate(now), terms.int(0, 1));

  // 6.3.3 codes ascend with creation: the newest customer has the highest code
  drafts.sort((a, b) => a.createdMs - b.createdMs || a.order - b.order);
  return drafts.map((x, i) => {
    const at = new Date(x.createdMs).toISOString();
    return {
      ...x.rec,
      code: String(100001 + i),
      createdAt: at,
      updatedAt: at,
      createdBy: input.adminId,
    };
  });
}

function pickAssistant(rng: Rng, key: boolean, a: CustomerSeedInput['assistants']): number | null {
  const pool = key ? a.keyAccount : rng.chance(0.8) || a.salesSupport.length === 0 ? a.smb : a.salesSupport;
  const fallback = [...a.keyAccount, ...a.smb, ...a.salesSupport];
  if (pool.length) return rng.pick(pool);
  return fallback.length ? rng.pick(fallback) : null;
}

function officeAddress(rng: Rng, district: string, road: string): string {
  const floor = rng.int(2, 32);
  return `深圳市${district}${road}${rng.int(1, 3999)}号${rng.pick(BUILDINGS)}${floor}楼${floor * 100 + rng.int(1, 20)}室`;
}
