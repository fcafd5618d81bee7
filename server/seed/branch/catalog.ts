import { CATALOG, registerSalesHints, SKU_PREFIX, type CatalogItem, type Category, type ProjectDept } from '../catalog';
import { createRng, round2, type Rng } from '../random';

/**
 * The branch volume's catalog: the demo catalog (导购手册, ~150 rows) and ~1,350 more rows in the
 * same vocabulary — the brands, specs, packs and colours of the demo rows, and the models an office
 * supply branch lists besides — so a year of branch data has ~1,500 products. Generated from a fixed
 * seed (not the seed option): the same catalog every time. The extra rows are the long tail: each
 * is ordered far less often than a demo row.
 */

export const BRANCH_CATALOG_SIZE = 1500;

type Brand = [name: string, priceFactor: number, modelPrefix: string];
type Spec = [spec: string, priceFactor: number];

interface Family {
  name: string;
  category: Category;
  dept: ProjectDept;
  unit: string;
  /** catalog price (yuan) of factor 1 */
  price: number;
  maxQty: number;
  brands: Brand[];
  specs: Spec[];
  colours: (string | null)[];
  /** custom goods (定制): not in the catalog, made to order */
  custom?: boolean;
}

/** One row per model: brand, model, spec, price. */
interface ModelFamily {
  name: string;
  category: Category;
  dept: ProjectDept;
  unit: string;
  maxQty: number;
  colour: string | null;
  models: [brand: string, model: string, spec: string, price: number][];
}

const PENS: Brand[] = [
  ['晨光 M&G', 1, 'AGP'],
  ['得力 deli', 0.95, 'S'],
  ['真彩 Truecolor', 0.85, 'GP-'],
  ['斑马 ZEBRA', 2.2, 'JJ'],
  ['百乐 PILOT', 2.6, 'BL-'],
  ['三菱 uni-ball', 2.7, 'UM-'],
  ['齐心 Comix', 1, 'GP'],
  ['白雪 Snowhite', 0.8, 'T'],
];
const FILES: Brand[] = [
  ['得力 deli', 1, ''],
  ['齐心 Comix', 1.05, 'A'],
  ['晨光 M&G', 1, 'ADM'],
  ['广博 GuangBo', 0.95, 'A'],
  ['三木 Sunwood', 0.9, 'G'],
  ['益而高 Eagle', 1.2, 'E'],
];
const TOOLS: Brand[] = [
  ['得力 deli', 1, ''],
  ['晨光 M&G', 0.95, 'ABS'],
  ['齐心 Comix', 1.05, 'B'],
  ['益而高 Eagle', 1.3, 'E'],
  ['三木 Sunwood', 0.9, 'T'],
];
const PAPER: Brand[] = [
  ['得力 deli', 1, 'ZA'],
  ['晨光 M&G', 0.98, 'APYV'],
  ['亚太森博 百旺', 1.05, 'BW'],
  ['亚太森博 UPM', 1.15, 'UPM'],
  ['金光 APP 金旗舰', 1.1, 'JQJ'],
  ['Double A', 1.25, 'DA'],
  ['传美 Chuanmei', 0.95, 'CM'],
  ['齐心 Comix', 1, 'C'],
];
const NOTEBOOKS: Brand[] = [
  ['得力 deli', 1, ''],
  ['晨光 M&G', 1, 'APYE'],
  ['广博 GuangBo', 0.95, 'GBP'],
  ['齐心 Comix', 1.05, 'C'],
  ['国誉 KOKUYO', 1.8, 'WCN-'],
  ['玛丽 Mary', 0.85, 'M'],
];
const COMPATIBLE: Brand[] = [
  ['得力 deli', 1, 'DBH-'],
  ['天威 PrintRite', 1.05, 'TW-'],
  ['格之格 G&G', 1, 'NT-'],
  ['莱盛 Laser', 0.95, 'LS-'],
  ['欣彩 Anycolor', 0.9, 'AR-'],
  ['科思特 KST', 0.85, 'K-'],
];
const DAILY: Brand[] = [
  ['得力 deli', 1, ''],
  ['公牛 BULL', 1.2, 'GN-'],
  ['绿联 UGREEN', 1.1, 'CM'],
  ['飞利浦 PHILIPS', 1.3, 'SPS'],
  ['南孚 NANFU', 1.1, 'LR'],
];

const PEN_COLOURS = ['黑色', '蓝色', '红色'];
const FILE_COLOURS = ['蓝色', '黑色', '白色', '红色', '绿色'];

const FAMILIES: Family[] = [
  // ---- 文具项目部: writing
  {
    name: '中性笔',
    category: 'stationery',
    dept: '文具项目部',
    unit: '支',
    price: 2,
    maxQty: 20,
    brands: PENS,
    specs: [
      ['0.38mm 全针管', 1.1],
      ['0.5mm 子弹头', 1],
      ['0.5mm 全针管', 1.1],
      ['0.7mm 子弹头', 1.05],
      ['1.0mm 商务签字', 1.4],
    ],
    colours: PEN_COLOURS,
  },
  {
    name: '中性笔（12支/盒）',
    category: 'stationery',
    dept: '文具项目部',
    unit: '盒',
    price: 18,
    maxQty: 10,
    brands: PENS,
    specs: [
      ['0.5mm 12支/盒', 1],
      ['0.38mm 12支/盒', 1.1],
      ['0.7mm 12支/盒', 1.05],
    ],
    colours: PEN_COLOURS,
  },
  {
    name: '按动中性笔',
    category: 'stationery',
    dept: '文具项目部',
    unit: '支',
    price: 2.5,
    maxQty: 20,
    brands: PENS,
    specs: [
      ['0.5mm 按动式', 1],
      ['0.38mm 按动式', 1.1],
      ['0.5mm 速干', 1.3],
    ],
    colours: PEN_COLOURS,
  },
  {
    name: '中性笔芯（20支/盒）',
    category: 'stationery',
    dept: '文具项目部',
    unit: '盒',
    price: 15,
    maxQty: 10,
    brands: PENS,
    specs: [
      ['0.5mm 20支/盒', 1],
      ['0.38mm 20支/盒', 1.1],
      ['0.7mm 20支/盒', 1.05],
    ],
    colours: PEN_COLOURS,
  },
  {
    name: '圆珠笔',
    category: 'stationery',
    dept: '文具项目部',
    unit: '支',
    price: 1.2,
    maxQty: 20,
    brands: PENS.slice(0, 4),
    specs: [
      ['0.7mm 按动式', 1],
      ['0.5mm 拔帽式', 1],
      ['1.0mm 油性', 1.2],
    ],
    colours: PEN_COLOURS,
  },
  {
    name: '白板笔（10支/盒）',
    category: 'stationery',
    dept: '文具项目部',
    unit: '盒',
    price: 16,
    maxQty: 10,
    brands: PENS.slice(0, 3).concat([['施德楼 STAEDTLER', 3, 'ST-']]),
    specs: [
      ['圆头 可擦 10支/盒', 1],
      ['斜头 可擦 10支/盒', 1.1],
    ],
    colours: ['黑色', '蓝色', '红色'],
  },
  {
    name: '记号笔',
    category: 'stationery',
    dept: '文具项目部',
    unit: '支',
    price: 2.5,
    maxQty: 20,
    brands: PENS.slice(0, 3).concat([['斑马 ZEBRA', 2.2, 'MO-']]),
    specs: [
      ['双头 油性', 1],
      ['单头 油性 粗', 1.1],
      ['光盘笔 细', 1],
    ],
    colours: PEN_COLOURS,
  },
  {
    name: '荧光笔',
    category: 'stationery',
    dept: '文具项目部',
    unit: '支',
    price: 2.5,
    maxQty: 20,
    brands: PENS.slice(0, 5),
    specs: [
      ['斜头 单支', 1],
      ['双头 单支', 1.2],
    ],
    colours: ['黄色', '绿色', '粉色', '橙色', '蓝色'],
  },
  {
    name: '铅笔（12支/盒）',
    category: 'stationery',
    dept: '文具项目部',
    unit: '盒',
    price: 12,
    maxQty: 10,
    brands: [
      ['中华', 1, ''],
      ['得力 deli', 0.9, 'S'],
      ['晨光 M&G', 0.9, 'AWP'],
      ['马可 Marco', 1.1, 'M'],
      ['施德楼 STAEDTLER', 2.5, 'ST-'],
    ],
    specs: [
      ['HB 12支/盒', 1],
      ['2B 12支/盒', 1],
      ['2H 12支/盒', 1],
    ],
    colours: [null],
  },
  {
    name: '自动铅笔',
    category: 'stationery',
    dept: '文具项目部',
    unit: '支',
    price: 4.5,
    maxQty: 20,
    brands: PENS.slice(0, 6),
    specs: [
      ['0.5mm', 1],
      ['0.7mm', 1],
      ['0.5mm 金属笔杆', 2.5],
    ],
    colours: ['黑色', '蓝色', '银色'],
  },
  {
    name: '签字笔',
    category: 'stationery',
    dept: '文具项目部',
    unit: '支',
    price: 6,
    maxQty: 20,
    brands: PENS.slice(3, 6),
    specs: [
      ['0.5mm', 1],
      ['0.7mm', 1.05],
      ['0.38mm', 1.1],
    ],
    colours: PEN_COLOURS,
  },
  // ---- 文具项目部: desk
  {
    name: '修正带',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 5,
    maxQty: 20,
    brands: TOOLS,
    specs: [
      ['5mm×30m', 1],
      ['5mm×12m', 0.6],
      ['6mm×20m 可替换芯', 1.3],
    ],
    colours: ['蓝色', '粉色', '白色'],
  },
  {
    name: '订书机',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 12,
    maxQty: 10,
    brands: TOOLS,
    specs: [
      ['12# 可订20页', 0.85],
      ['12# 可订25页', 1],
      ['10# 迷你', 0.5],
      ['省力型 可订30页', 1.6],
    ],
    colours: ['黑色', '蓝色', '灰色'],
  },
  {
    name: '订书钉（1000枚/盒）',
    category: 'stationery',
    dept: '文具项目部',
    unit: '盒',
    price: 1.5,
    maxQty: 20,
    brands: TOOLS.slice(0, 3),
    specs: [
      ['12#（24/6）', 1],
      ['10#', 0.7],
      ['23/10 重型', 3],
      ['23/13 重型', 3.5],
    ],
    colours: [null],
  },
  {
    name: '长尾夹（12只/盒）',
    category: 'stationery',
    dept: '文具项目部',
    unit: '盒',
    price: 5,
    maxQty: 20,
    brands: TOOLS,
    specs: [
      ['15mm 12只/盒', 0.5],
      ['19mm 12只/盒', 0.7],
      ['25mm 12只/盒', 1],
      ['32mm 12只/盒', 1.25],
      ['41mm 12只/盒', 1.8],
      ['51mm 12只/盒', 2.6],
    ],
    colours: ['黑色', '彩色'],
  },
  {
    name: '回形针（100枚/盒）',
    category: 'stationery',
    dept: '文具项目部',
    unit: '盒',
    price: 2,
    maxQty: 20,
    brands: TOOLS.slice(0, 3),
    specs: [
      ['29mm 100枚/盒', 1],
      ['50mm 100枚/盒', 1.8],
      ['彩色 29mm 160枚/盒', 1.5],
    ],
    colours: [null],
  },
  {
    name: '剪刀',
    category: 'stationery',
    dept: '文具项目部',
    unit: '把',
    price: 6.5,
    maxQty: 10,
    brands: TOOLS,
    specs: [
      ['175mm', 0.8],
      ['210mm', 1],
      ['245mm 不锈钢', 1.6],
    ],
    colours: ['黑色', '蓝色', '红色'],
  },
  {
    name: '美工刀',
    category: 'stationery',
    dept: '文具项目部',
    unit: '把',
    price: 4.5,
    maxQty: 10,
    brands: TOOLS,
    specs: [
      ['大号 18mm', 1],
      ['小号 9mm', 0.6],
      ['金属重型 18mm', 2.5],
    ],
    colours: ['黄色', '黑色'],
  },
  {
    name: '固体胶',
    category: 'stationery',
    dept: '文具项目部',
    unit: '支',
    price: 2.5,
    maxQty: 20,
    brands: TOOLS.slice(0, 4),
    specs: [
      ['9g', 0.6],
      ['21g', 1],
      ['36g', 1.5],
    ],
    colours: [null],
  },
  {
    name: '透明胶带',
    category: 'stationery',
    dept: '文具项目部',
    unit: '卷',
    price: 1.5,
    maxQty: 20,
    brands: TOOLS.slice(0, 3),
    specs: [
      ['12mm×30y', 0.8],
      ['18mm×20y', 1],
      ['24mm×50y', 1.8],
    ],
    colours: ['透明'],
  },
  {
    name: '封箱胶带',
    category: 'stationery',
    dept: '文具项目部',
    unit: '卷',
    price: 6.5,
    maxQty: 20,
    brands: TOOLS.slice(0, 3),
    specs: [
      ['48mm×60y', 0.7],
      ['48mm×100y', 1],
      ['60mm×100y', 1.3],
    ],
    colours: ['透明', '米黄色'],
  },
  {
    name: '便利贴',
    category: 'stationery',
    dept: '文具项目部',
    unit: '本',
    price: 3.5,
    maxQty: 20,
    brands: [
      ['3M', 2.5, '65'],
      ['得力 deli', 1, '7'],
      ['晨光 M&G', 1, 'YS-'],
      ['齐心 Comix', 1, 'D'],
    ],
    specs: [
      ['76×76mm 100张', 1],
      ['76×127mm 100张', 1.4],
      ['38×51mm 3本/包', 0.9],
    ],
    colours: ['黄色', '粉色', '绿色', '混色'],
  },
  {
    name: '直尺',
    category: 'stationery',
    dept: '文具项目部',
    unit: '把',
    price: 2,
    maxQty: 10,
    brands: TOOLS.slice(0, 3),
    specs: [
      ['15cm', 0.6],
      ['20cm', 0.8],
      ['30cm', 1],
      ['50cm 钢尺', 4],
    ],
    colours: ['透明'],
  },
  {
    name: '打孔机',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 18,
    maxQty: 5,
    brands: TOOLS,
    specs: [
      ['单孔 可打10页', 0.6],
      ['双孔 可打20页', 1],
      ['双孔 可打35页 省力', 2.2],
    ],
    colours: ['黑色', '蓝色'],
  },
  // ---- 文具项目部: filing
  {
    name: '档案盒',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 6,
    maxQty: 20,
    brands: FILES,
    specs: [
      ['A4 35mm', 0.8],
      ['A4 55mm', 1],
      ['A4 75mm', 1.3],
      ['A4 100mm', 1.6],
    ],
    colours: FILE_COLOURS,
  },
  {
    name: '文件夹（单强力夹）',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 6.5,
    maxQty: 20,
    brands: FILES,
    specs: [
      ['A4', 1],
      ['A4 加厚', 1.3],
    ],
    colours: FILE_COLOURS,
  },
  {
    name: '文件夹（双强力夹）',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 9,
    maxQty: 20,
    brands: FILES,
    specs: [
      ['A4', 1],
      ['A4 加厚', 1.3],
    ],
    colours: FILE_COLOURS,
  },
  {
    name: '资料册',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 12,
    maxQty: 10,
    brands: FILES,
    specs: [
      ['A4 20页', 0.6],
      ['A4 40页', 0.9],
      ['A4 60页', 1.2],
      ['A4 100页', 1.8],
    ],
    colours: ['黑色', '蓝色'],
  },
  {
    name: '拉链文件袋',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 2.5,
    maxQty: 20,
    brands: FILES,
    specs: [
      ['A4', 1],
      ['A5', 0.7],
      ['B5', 0.85],
    ],
    colours: ['透明', '蓝色', '绿色'],
  },
  {
    name: '按扣文件袋',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 1.2,
    maxQty: 20,
    brands: FILES,
    specs: [
      ['A4', 1],
      ['A4 加厚', 1.4],
      ['A5', 0.8],
    ],
    colours: ['透明', '蓝色', '黄色'],
  },
  {
    name: '文件框',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 15,
    maxQty: 10,
    brands: FILES,
    specs: [
      ['A4 单联', 0.6],
      ['A4 三联', 1.4],
      ['A4 四联', 1.8],
    ],
    colours: ['黑色', '蓝色', '灰色'],
  },
  {
    name: '风琴包',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 22,
    maxQty: 10,
    brands: FILES,
    specs: [
      ['A4 13格', 1],
      ['A4 24格', 1.4],
    ],
    colours: ['蓝色', '黑色'],
  },
  {
    name: '牛皮纸档案袋',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 0.8,
    maxQty: 20,
    brands: FILES,
    specs: [
      ['A4 250g', 1],
      ['A4 300g 加厚', 1.3],
      ['A3 250g', 1.6],
    ],
    colours: ['牛皮色'],
  },
  {
    name: '信封（100个/包）',
    category: 'stationery',
    dept: '文具项目部',
    unit: '包',
    price: 12,
    maxQty: 10,
    brands: FILES.slice(0, 4),
    specs: [
      ['5号 220×110mm', 1],
      ['6号 230×120mm', 1.1],
      ['9号 324×229mm', 2],
    ],
    colours: ['牛皮色', '白色'],
  },
  {
    name: '笔记本',
    category: 'stationery',
    dept: '文具项目部',
    unit: '本',
    price: 6,
    maxQty: 20,
    brands: NOTEBOOKS,
    specs: [
      ['A5 60张', 0.8],
      ['A5 80张', 1],
      ['B5 60张', 1.1],
      ['A4 80张', 1.6],
      ['A5 皮面 100张', 4],
    ],
    colours: ['黑色', '蓝色', '棕色'],
  },
  {
    name: '软抄本',
    category: 'stationery',
    dept: '文具项目部',
    unit: '本',
    price: 3.5,
    maxQty: 20,
    brands: NOTEBOOKS,
    specs: [
      ['B5 40张', 1],
      ['A5 40张', 0.8],
      ['16K 60张', 1.3],
    ],
    colours: ['混色'],
  },
  {
    name: '无碳复写单据',
    category: 'stationery',
    dept: '文具项目部',
    unit: '本',
    price: 4,
    maxQty: 20,
    brands: [
      ['得力 deli', 1, '9'],
      ['立信 Lixin', 1.1, 'LX'],
      ['强林 Qianglin', 0.9, 'QL'],
    ],
    specs: [
      ['收据 48K 二联', 0.8],
      ['送货单 三联', 1.1],
      ['入库单 二联', 1],
      ['出库单 三联', 1.1],
      ['报销单', 0.7],
    ],
    colours: [null],
  },
  // ---- 纸品项目部
  {
    name: 'A4复印纸',
    category: 'oaConsumable',
    dept: '纸品项目部',
    unit: '箱',
    price: 120,
    maxQty: 10,
    brands: PAPER,
    specs: [
      ['70g 500张/包 5包/箱', 1],
      ['80g 500张/包 5包/箱', 1.18],
      ['70g 500张/包 8包/箱', 1.55],
      ['75g 500张/包 5包/箱', 1.08],
    ],
    colours: ['白色'],
  },
  {
    name: 'A4复印纸',
    category: 'oaConsumable',
    dept: '纸品项目部',
    unit: '包',
    price: 24.5,
    maxQty: 20,
    brands: PAPER,
    specs: [
      ['70g 500张/包', 1],
      ['80g 500张/包', 1.18],
    ],
    colours: ['白色'],
  },
  {
    name: 'A3复印纸',
    category: 'oaConsumable',
    dept: '纸品项目部',
    unit: '箱',
    price: 235,
    maxQty: 5,
    brands: PAPER,
    specs: [
      ['70g 500张/包 5包/箱', 1],
      ['80g 500张/包 5包/箱', 1.18],
    ],
    colours: ['白色'],
  },
  {
    name: 'A5复印纸',
    category: 'oaConsumable',
    dept: '纸品项目部',
    unit: '箱',
    price: 120,
    maxQty: 5,
    brands: PAPER.slice(0, 4),
    specs: [['70g 500张/包 10包/箱', 1]],
    colours: ['白色'],
  },
  {
    name: '彩色复印纸',
    category: 'oaConsumable',
    dept: '纸品项目部',
    unit: '包',
    price: 18,
    maxQty: 10,
    brands: PAPER.slice(0, 3),
    specs: [
      ['A4 80g 100张/包', 1],
      ['A4 80g 500张/包', 4.2],
    ],
    colours: ['混色', '粉红色', '浅蓝色', '浅黄色'],
  },
  {
    name: '电脑打印纸',
    category: 'oaConsumable',
    dept: '纸品项目部',
    unit: '箱',
    price: 140,
    maxQty: 5,
    brands: PAPER.slice(0, 3).concat([['凯萨 Kaisa', 0.95, 'KS']]),
    specs: [
      ['241-1 1000页/箱', 0.9],
      ['241-2 二等分 1000页/箱', 0.95],
      ['241-3 三联 1000页/箱', 1],
      ['241-4 四联 800页/箱', 1.1],
      ['241-5 五联 600页/箱', 1.15],
    ],
    colours: ['白色', '彩色'],
  },
  {
    name: '热敏收银纸',
    category: 'oaConsumable',
    dept: '纸品项目部',
    unit: '卷',
    price: 2.5,
    maxQty: 20,
    brands: PAPER.slice(0, 2).concat([['冠豪 Guanhao', 1, 'GH']]),
    specs: [
      ['57×40mm', 0.8],
      ['57×50mm', 1],
      ['80×60mm', 1.6],
      ['80×80mm', 2],
    ],
    colours: ['白色'],
  },
  {
    name: '不干胶标签纸',
    category: 'oaConsumable',
    dept: '纸品项目部',
    unit: '包',
    price: 22,
    maxQty: 10,
    brands: PAPER.slice(0, 2).concat([['啄木鸟 Woodpecker', 1, 'ZMN']]),
    specs: [
      ['A4 整张 100张/包', 1],
      ['A4 21格 100张/包', 1.1],
      ['A4 65格 100张/包', 1.15],
    ],
    colours: ['白色'],
  },
  // ---- 耗材项目部
  {
    name: '兼容硒鼓',
    category: 'oaConsumable',
    dept: '耗材项目部',
    unit: '个',
    price: 120,
    maxQty: 5,
    brands: COMPATIBLE,
    specs: [
      ['适用惠普 CF217A', 1],
      ['适用惠普 CF230A', 1.05],
      ['适用惠普 CE285A', 0.95],
      ['适用惠普 CF226A', 1.4],
      ['适用佳能 CRG-337', 1.05],
      ['适用兄弟 TN-2325', 0.9],
      ['适用奔图 PD-213', 0.85],
      ['适用联想 LD2441', 0.9],
    ],
    colours: ['黑色'],
  },
  {
    name: '通用碳粉',
    category: 'oaConsumable',
    dept: '耗材项目部',
    unit: '瓶',
    price: 45,
    maxQty: 5,
    brands: COMPATIBLE,
    specs: [
      ['500g 适用惠普', 1],
      ['1kg 适用惠普', 1.8],
      ['1kg 适用佳能', 1.8],
      ['1kg 适用兄弟', 1.8],
    ],
    colours: ['黑色'],
  },
  {
    name: '兼容墨盒',
    category: 'oaConsumable',
    dept: '耗材项目部',
    unit: '个',
    price: 45,
    maxQty: 5,
    brands: COMPATIBLE,
    specs: [
      ['适用惠普 803', 1],
      ['适用惠普 680', 1],
      ['适用佳能 PG-845', 1.05],
      ['适用爱普生 T664', 0.6],
    ],
    colours: ['黑色', '彩色'],
  },
  {
    name: '色带架',
    category: 'oaConsumable',
    dept: '耗材项目部',
    unit: '个',
    price: 40,
    maxQty: 10,
    brands: COMPATIBLE.slice(0, 4),
    specs: [
      ['适用 LQ-630K', 1],
      ['适用 LQ-730K', 1],
      ['适用 LQ-1600K', 1.3],
      ['适用 DS-1700', 1.1],
    ],
    colours: ['黑色'],
  },
  {
    name: '标签色带',
    category: 'oaConsumable',
    dept: '耗材项目部',
    unit: '盒',
    price: 60,
    maxQty: 5,
    brands: [
      ['兄弟 Brother', 1.4, 'TZe-'],
      ['硕方 Supvan', 1, 'LB-'],
      ['精臣 NIIMBOT', 0.9, 'T'],
    ],
    specs: [
      ['9mm 白底黑字', 0.9],
      ['12mm 白底黑字', 1],
      ['18mm 白底黑字', 1.3],
      ['12mm 黄底黑字', 1],
    ],
    colours: [null],
  },
  // ---- 设备项目部
  {
    name: '计算器',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '个',
    price: 28,
    maxQty: 10,
    brands: [
      ['得力 deli', 1, ''],
      ['卡西欧 CASIO', 3.2, 'DS-'],
      ['晨光 M&G', 1, 'ADG'],
      ['齐心 Comix', 1, 'C-'],
    ],
    specs: [
      ['12位 台式', 1],
      ['12位 语音', 1.2],
      ['14位 大屏', 1.4],
      ['10位 便携', 0.6],
    ],
    colours: ['黑色', '白色'],
  },
  {
    name: '碎纸机',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    price: 420,
    maxQty: 2,
    brands: [
      ['得力 deli', 1, ''],
      ['科密 Comet', 1.15, 'C-'],
      ['齐心 Comix', 1.05, 'S'],
      ['三木 Sunwood', 0.95, 'SD'],
    ],
    specs: [
      ['4级保密 单次6张 12L', 0.8],
      ['4级保密 单次8张 20L', 1],
      ['5级保密 单次10张 25L', 1.7],
      ['5级保密 单次12张 30L', 2.6],
    ],
    colours: ['黑色', '灰色'],
  },
  {
    name: '塑封机',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    price: 199,
    maxQty: 2,
    brands: [
      ['得力 deli', 1, ''],
      ['科密 Comet', 1.1, 'PL-'],
      ['齐心 Comix', 1.05, 'L'],
    ],
    specs: [
      ['A4', 1],
      ['A3', 1.6],
    ],
    colours: ['白色'],
  },
  {
    name: '装订机',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    price: 420,
    maxQty: 1,
    brands: [
      ['得力 deli', 1, ''],
      ['科密 Comet', 1.1, 'B-'],
      ['金典 GOLDEN', 1.05, 'GD-'],
    ],
    specs: [
      ['梳式 21孔', 0.7],
      ['热熔', 1],
      ['财务凭证 铆管', 3],
    ],
    colours: ['白色', '灰色'],
  },
  // ---- 其他
  {
    name: '电池',
    category: 'other',
    dept: '设备项目部',
    unit: '卡',
    price: 12,
    maxQty: 10,
    brands: [
      ['南孚 NANFU', 1.1, 'LR'],
      ['双鹿 Shuanglu', 0.8, 'SL'],
      ['金霸王 Duracell', 1.4, 'MN'],
      ['得力 deli', 0.85, 'D'],
    ],
    specs: [
      ['5号 AA 4粒/卡', 1],
      ['7号 AAA 4粒/卡', 1],
      ['5号 AA 10粒/盒', 2.3],
      ['9V 1粒', 1.1],
    ],
    colours: [null],
  },
  {
    name: '插线板',
    category: 'other',
    dept: '设备项目部',
    unit: '个',
    price: 49,
    maxQty: 5,
    brands: DAILY.slice(0, 4),
    specs: [
      ['4位 1.8米', 0.75],
      ['5位 3米', 1],
      ['6位 5米', 1.3],
      ['3位+USB 1.8米', 1.2],
    ],
    colours: ['白色'],
  },
  {
    name: 'U盘',
    category: 'other',
    dept: '设备项目部',
    unit: '个',
    price: 39,
    maxQty: 10,
    brands: [
      ['金士顿 Kingston', 1.1, 'DTX/'],
      ['闪迪 SanDisk', 1.05, 'CZ'],
      ['爱国者 aigo', 0.9, 'U'],
      ['朗科 Netac', 0.9, 'U'],
    ],
    specs: [
      ['16GB USB3.0', 0.75],
      ['32GB USB3.2', 1],
      ['64GB USB3.2', 1.5],
      ['128GB USB3.2', 2.5],
    ],
    colours: ['黑色', '银色'],
  },
  {
    name: '鼠标',
    category: 'other',
    dept: '设备项目部',
    unit: '个',
    price: 49,
    maxQty: 5,
    brands: [
      ['罗技 Logitech', 1.2, 'M'],
      ['雷柏 Rapoo', 0.8, 'M'],
      ['双飞燕 A4TECH', 0.75, 'OP-'],
      ['联想 Lenovo', 0.9, 'M'],
    ],
    specs: [
      ['有线 USB', 0.6],
      ['无线 2.4G', 1],
      ['蓝牙 静音', 1.4],
    ],
    colours: ['黑色', '白色'],
  },
  {
    name: '键盘',
    category: 'other',
    dept: '设备项目部',
    unit: '个',
    price: 59,
    maxQty: 5,
    brands: [
      ['罗技 Logitech', 1.2, 'K'],
      ['雷柏 Rapoo', 0.8, 'E'],
      ['双飞燕 A4TECH', 0.75, 'KR-'],
      ['联想 Lenovo', 0.9, 'K'],
    ],
    specs: [
      ['有线 USB', 0.8],
      ['无线键鼠套装', 1.6],
    ],
    colours: ['黑色', '白色'],
  },
  {
    name: '抽纸（6包/提）',
    category: 'other',
    dept: '纸品项目部',
    unit: '提',
    price: 19.9,
    maxQty: 10,
    brands: [
      ['维达 Vinda', 1, 'V'],
      ['清风 Breeze', 0.95, 'B'],
      ['心相印 Hearttex', 1, 'DT'],
      ['洁柔 C&S', 1, 'JR'],
    ],
    specs: [
      ['3层 120抽', 1],
      ['3层 100抽', 0.85],
      ['4层 80抽', 1.05],
    ],
    colours: ['白色'],
  },
  {
    name: '卷纸（10卷/提）',
    category: 'other',
    dept: '纸品项目部',
    unit: '提',
    price: 32,
    maxQty: 10,
    brands: [
      ['维达 Vinda', 1, 'V'],
      ['清风 Breeze', 0.95, 'B'],
      ['心相印 Hearttex', 1, 'DT'],
      ['洁柔 C&S', 1, 'JR'],
    ],
    specs: [
      ['4层 140g', 1],
      ['3层 200g', 1.2],
      ['大盘纸 12卷/箱', 3.2],
    ],
    colours: ['白色'],
  },
  {
    name: '一次性纸杯（50只/包）',
    category: 'other',
    dept: '纸品项目部',
    unit: '包',
    price: 8.5,
    maxQty: 20,
    brands: [
      ['心相印 Hearttex', 1, 'DB'],
      ['得力 deli', 0.9, 'ZB'],
      ['美丽雅 Maryya', 0.95, 'MLY'],
    ],
    specs: [
      ['7盎司', 0.85],
      ['9盎司', 1],
      ['9盎司 加厚', 1.25],
    ],
    colours: ['白色'],
  },
  {
    name: '垃圾袋',
    category: 'other',
    dept: '纸品项目部',
    unit: '包',
    price: 15,
    maxQty: 10,
    brands: [
      ['美丽雅 Maryya', 1, 'MLY-'],
      ['妙洁 Miaojie', 1.1, 'MJ-'],
      ['得力 deli', 0.9, 'LJ'],
    ],
    specs: [
      ['45×50cm 100只', 0.8],
      ['50×60cm 100只', 1],
      ['80×100cm 50只', 1.6],
    ],
    colours: ['黑色', '绿色'],
  },
  {
    name: '洗手液',
    category: 'other',
    dept: '纸品项目部',
    unit: '瓶',
    price: 22,
    maxQty: 10,
    brands: [
      ['威露士 Walch', 1.1, 'W'],
      ['滴露 Dettol', 1.2, 'D'],
      ['蓝月亮 Bluemoon', 1, 'BM'],
    ],
    specs: [
      ['500ml', 1],
      ['300ml 补充装', 0.6],
      ['2.1L 家庭装', 2.8],
    ],
    colours: [null],
  },
  // ---- 定制 (not in the catalog: made to order)
  {
    name: '定制LOGO签字笔',
    category: 'stationery',
    dept: '文具项目部',
    unit: '支',
    price: 4.5,
    maxQty: 20,
    brands: [['寶億定制', 1, 'DZ-QZB']],
    specs: [
      ['0.5mm 激光刻字', 1],
      ['0.5mm 丝印LOGO', 0.8],
    ],
    colours: ['黑色', '银色'],
    custom: true,
  },
  {
    name: '定制印刷信封',
    category: 'stationery',
    dept: '文具项目部',
    unit: '个',
    price: 0.7,
    maxQty: 20,
    brands: [['寶億定制', 1, 'DZ-XF']],
    specs: [
      ['DL 110×220mm 双色印刷', 1],
      ['C4 229×324mm 单色印刷', 1.6],
    ],
    colours: ['白色', '牛皮色'],
    custom: true,
  },
  {
    name: '定制纸杯',
    category: 'other',
    dept: '纸品项目部',
    unit: '箱',
    price: 235,
    maxQty: 10,
    brands: [['寶億定制', 1, 'DZ-ZB']],
    specs: [
      ['9盎司 印LOGO 1000只/箱', 1],
      ['7盎司 印LOGO 1000只/箱', 0.85],
    ],
    colours: ['白色'],
    custom: true,
  },
  {
    name: '企业定制台历',
    category: 'other',
    dept: '纸品项目部',
    unit: '本',
    price: 18,
    maxQty: 20,
    brands: [['寶億定制', 1, 'DZ-TL']],
    specs: [
      ['210×140mm 13张 彩印', 1],
      ['260×180mm 13张 彩印', 1.4],
    ],
    colours: [null],
    custom: true,
  },
];

const MODEL_FAMILIES: ModelFamily[] = [
  {
    name: '原装硒鼓',
    category: 'oaConsumable',
    dept: '耗材项目部',
    unit: '个',
    maxQty: 3,
    colour: '黑色',
    models: [
      ['惠普 HP', 'CF230A（30A）', '约1600页', 459],
      ['惠普 HP', 'CF232A（32A）', '鼓架 约23000页', 599],
      ['惠普 HP', 'CF248A（48A）', '约1000页', 389],
      ['惠普 HP', 'CF259A（59A）', '约3000页', 899],
      ['惠普 HP', 'CF280A（80A）', '约2700页', 799],
      ['惠普 HP', 'CF283A（83A）', '约1500页', 469],
      ['惠普 HP', 'CE278A（78A）', '约2100页', 629],
      ['惠普 HP', 'CE505A（05A）', '约2300页', 659],
      ['惠普 HP', 'CB435A（35A）', '约1500页', 489],
      ['惠普 HP', 'Q2612A（12A）', '约2000页', 499],
      ['惠普 HP', 'W1107A（107A）', '约1000页', 299],
      ['惠普 HP', 'W1500A（150A）', '约975页', 329],
      ['佳能 Canon', 'CRG-303', '约2000页', 469],
      ['佳能 Canon', 'CRG-325', '约1600页', 459],
      ['佳能 Canon', 'CRG-328', '约2100页', 529],
      ['佳能 Canon', 'CRG-912', '约1500页', 439],
      ['佳能 Canon', 'CRG-925', '约1600页', 459],
      ['佳能 Canon', 'CRG-047', '约1600页', 399],
      ['佳能 Canon', 'CRG-051', '约1700页', 459],
      ['佳能 Canon', 'CRG-071', '约1200页', 349],
      ['兄弟 Brother', 'TN-1035', '约1000页', 229],
      ['兄弟 Brother', 'TN-2215', '约2600页', 299],
      ['兄弟 Brother', 'TN-2312', '约1200页', 249],
      ['兄弟 Brother', 'TN-760', '约3000页', 459],
      ['兄弟 Brother', 'DR-1035', '鼓架 约10000页', 349],
      ['兄弟 Brother', 'DR-2250', '鼓架 约12000页', 449],
      ['奔图 Pantum', 'PD-213', '约1600页', 249],
      ['奔图 Pantum', 'PD-201', '约1600页', 229],
      ['奔图 Pantum', 'TL-413', '约1500页', 199],
      ['奔图 Pantum', 'DL-410', '鼓组件 约12000页', 299],
      ['联想 Lenovo', 'LT2441', '约2600页', 299],
      ['联想 Lenovo', 'LD2441', '鼓架 约12000页', 399],
      ['联想 Lenovo', 'LT201', '约1500页', 259],
      ['联想 Lenovo', 'LT4637', '约3000页', 429],
      ['三星 Samsung', 'MLT-D111S', '约1000页', 299],
      ['三星 Samsung', 'MLT-D101S', '约1500页', 339],
      ['三星 Samsung', 'MLT-D116L', '约3000页', 489],
      ['富士施乐 Fuji Xerox', 'CT202137', '约1000页', 299],
      ['富士施乐 Fuji Xerox', 'CT201918', '约2200页', 499],
      ['富士施乐 Fuji Xerox', 'CT351005', '鼓粉组件', 629],
    ],
  },
  {
    name: '原装墨盒',
    category: 'oaConsumable',
    dept: '耗材项目部',
    unit: '个',
    maxQty: 5,
    colour: null,
    models: [
      ['惠普 HP', '680 黑色', '约480页', 75],
      ['惠普 HP', '680 彩色', '约150页', 95],
      ['惠普 HP', '685 黑色', '约550页', 89],
      ['惠普 HP', '818 黑色', '约200页', 99],
      ['惠普 HP', '818 彩色', '约170页', 129],
      ['惠普 HP', '955XL 黑色', '约2000页', 339],
      ['惠普 HP', '955XL 青色', '约1600页', 219],
      ['惠普 HP', '955XL 洋红', '约1600页', 219],
      ['佳能 Canon', 'PG-815 黑色', '约220页', 109],
      ['佳能 Canon', 'CL-816 彩色', '约244页', 139],
      ['佳能 Canon', 'PG-835 黑色', '约200页', 99],
      ['佳能 Canon', 'PGI-880 黑色', '约200页', 129],
      ['爱普生 Epson', 'T6721 黑色', '70ml', 49],
      ['爱普生 Epson', 'T6722 青色', '70ml', 49],
      ['爱普生 Epson', 'T6723 洋红', '70ml', 49],
      ['爱普生 Epson', 'T6724 黄色', '70ml', 49],
      ['兄弟 Brother', 'LC-3617 黑色', '约550页', 129],
      ['兄弟 Brother', 'BTD60BK 黑色', '108ml', 79],
    ],
  },
  {
    name: '复印机碳粉',
    category: 'oaConsumable',
    dept: '耗材项目部',
    unit: '支',
    maxQty: 3,
    colour: '黑色',
    models: [
      ['佳能 Canon', 'NPG-51', '约19400页', 389],
      ['佳能 Canon', 'NPG-57', '约19000页', 429],
      ['佳能 Canon', 'NPG-84', '约14200页', 359],
      ['理光 Ricoh', 'MP 2014', '约12000页', 299],
      ['理光 Ricoh', 'MP 2501C', '约9000页', 259],
      ['京瓷 Kyocera', 'TK-4128', '约15000页', 389],
      ['京瓷 Kyocera', 'TK-1138', '约7200页', 349],
      ['夏普 Sharp', 'MX-238CT', '约8400页', 329],
      ['柯尼卡美能达 Konica Minolta', 'TN-118', '约12000页', 339],
      ['东芝 Toshiba', 'T-2507C', '约12000页', 299],
      ['富士施乐 Fuji Xerox', 'CT201911', '约9000页', 319],
    ],
  },
  {
    name: '黑白激光打印机',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    maxQty: 2,
    colour: '白色',
    models: [
      ['惠普 HP', 'LaserJet Pro M203dn', '双面 网络', 1899],
      ['惠普 HP', 'LaserJet 1020 Plus', 'A4', 1099],
      ['惠普 HP', 'LaserJet Pro M403d', '双面 38页/分', 2999],
      ['惠普 HP', 'LaserJet M208dw', '无线 双面', 1699],
      ['佳能 Canon', 'LBP6018L', 'A4', 899],
      ['佳能 Canon', 'LBP113w', '无线', 999],
      ['佳能 Canon', 'LBP251dw', '双面 无线', 2399],
      ['兄弟 Brother', 'HL-1218W', '无线', 899],
      ['兄弟 Brother', 'HL-5595DN', '双面 网络 40页/分', 3599],
      ['奔图 Pantum', 'P2206W', '无线', 699],
      ['奔图 Pantum', 'P3301DN', '双面 网络', 1499],
      ['联想 Lenovo', 'LJ2405D', '双面', 1199],
      ['联想 Lenovo', 'LJ2206W', '无线', 799],
      ['三星 Samsung', 'M2021W', '无线', 899],
    ],
  },
  {
    name: '多功能一体机',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    maxQty: 2,
    colour: '白色',
    models: [
      ['惠普 HP', 'LaserJet Pro MFP M227fdw', '打印/复印/扫描/传真', 2899],
      ['惠普 HP', 'LaserJet MFP M233dw', '双面 无线', 2099],
      ['惠普 HP', 'Smart Tank 518', '墨仓 无线', 1299],
      ['惠普 HP', 'DeskJet 2720', '喷墨 无线', 499],
      ['佳能 Canon', 'MF232w', '打印/复印/扫描', 1499],
      ['佳能 Canon', 'MF643Cdw', '彩色激光', 3999],
      ['佳能 Canon', 'G3800', '加墨式 无线', 1099],
      ['兄弟 Brother', 'DCP-7080D', '双面', 1399],
      ['兄弟 Brother', 'MFC-7880DN', '传真 网络', 2699],
      ['兄弟 Brother', 'DCP-T426W', '墨仓 无线', 1099],
      ['奔图 Pantum', 'M6506NW', '网络 无线', 1199],
      ['奔图 Pantum', 'M7105DN', '双面 网络', 1799],
      ['爱普生 Epson', 'L4266', '墨仓 双面 无线', 1499],
      ['爱普生 Epson', 'L6268', '墨仓 网络', 2199],
      ['联想 Lenovo', 'M7400 Pro', '打印/复印/扫描', 1299],
      ['联想 Lenovo', 'M7605DW', '双面 无线', 1899],
    ],
  },
  {
    name: '数码复合机',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    maxQty: 1,
    colour: '白色',
    models: [
      ['佳能 Canon', 'iR 2206N', 'A3 黑白 22页/分', 8800],
      ['佳能 Canon', 'iR 2630', 'A3 黑白 30页/分', 15800],
      ['理光 Ricoh', 'IM 2702', 'A3 黑白 27页/分', 11800],
      ['理光 Ricoh', 'IM C2000', 'A3 彩色 20页/分', 23800],
      ['京瓷 Kyocera', 'ECOSYS M4125idn', 'A3 黑白 25页/分', 9800],
      ['京瓷 Kyocera', 'TASKalfa 2554ci', 'A3 彩色', 25800],
      ['夏普 Sharp', 'MX-B3581D', 'A3 黑白 35页/分', 14800],
      ['柯尼卡美能达 Konica Minolta', 'bizhub 226i', 'A3 黑白', 9500],
      ['富士施乐 Fuji Xerox', 'S2110', 'A3 黑白 21页/分', 8200],
      ['东芝 Toshiba', 'e-STUDIO 2829A', 'A3 黑白 28页/分', 10800],
    ],
  },
  {
    name: '针式打印机',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    maxQty: 2,
    colour: '白色',
    models: [
      ['爱普生 Epson', 'LQ-730KII', '82列 平推', 1899],
      ['爱普生 Epson', 'LQ-1600KIVH', '136列', 3599],
      ['得实 Dascom', 'DS-1700II', '82列', 1599],
      ['映美 Jolimark', 'FP-630K+', '80列', 1199],
      ['中盈 Zonewin', 'NX-635K', '82列', 1099],
      ['航天信息 Aisino', 'TY-800+', '82列 票据', 1299],
    ],
  },
  {
    name: '扫描仪',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    maxQty: 2,
    colour: '黑色',
    models: [
      ['佳能 Canon', 'DR-C225II', '馈纸式 双面 25页/分', 2999],
      ['富士通 Fujitsu', 'fi-7140', '馈纸式 双面 40页/分', 6800],
      ['爱普生 Epson', 'DS-570WII', '无线 馈纸式', 3499],
      ['惠普 HP', 'ScanJet Pro 2000 s2', '馈纸式', 2899],
      ['汉王 Hanvon', 'HW-8000', '高拍仪 800万像素', 599],
      ['良田 Eloam', 'S1000A3AF', '高拍仪 A3', 799],
    ],
  },
  {
    name: '投影仪',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    maxQty: 2,
    colour: '白色',
    models: [
      ['爱普生 Epson', 'CB-X50', '3600流明 XGA', 4299],
      ['爱普生 Epson', 'CB-FH52', '4000流明 1080P', 5999],
      ['明基 BenQ', 'E540', '3700流明 智能', 3999],
      ['索尼 Sony', 'VPL-EX570', '4200流明', 6499],
      ['宏碁 Acer', 'D610D', '3500流明', 2799],
      ['坚果 JMGO', 'J10S', '家用 1080P', 3299],
    ],
  },
  {
    name: '考勤机',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    maxQty: 2,
    colour: '黑色',
    models: [
      ['得力 deli', '3960', '指纹 网络', 299],
      ['得力 deli', '14511', '人脸识别 WiFi', 599],
      ['中控智慧 ZKTeco', 'iFace702', '人脸识别', 899],
      ['科密 Comet', 'D8', '指纹 U盘', 269],
      ['真地 Realand', 'A-F261', '指纹', 239],
    ],
  },
  {
    name: '点钞机',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    maxQty: 2,
    colour: '灰色',
    models: [
      ['得力 deli', '2166', 'B类 智能语音', 699],
      ['得力 deli', '33015', 'A类 双屏', 1299],
      ['康艺 Kangyi', 'HT-2800', 'B类', 799],
      ['维融 Weirong', 'N9+', 'A类', 1399],
      ['优派 Upai', 'JBYD-9900', 'B类', 599],
    ],
  },
  {
    name: '电话机',
    category: 'oaEquipment',
    dept: '设备项目部',
    unit: '台',
    maxQty: 5,
    colour: '黑色',
    models: [
      ['步步高 BBK', 'HCD6082', '有绳 来电显示', 119],
      ['步步高 BBK', 'W263', '无绳 子母机', 299],
      ['飞利浦 PHILIPS', 'CORD118', '有绳', 89],
      ['中诺 CHINO-E', 'C199', '有绳 免提', 69],
      ['松下 Panasonic', 'KX-TG3721', '无绳 数字', 259],
    ],
  },
  {
    name: '保险柜',
    category: 'other',
    dept: '设备项目部',
    unit: '台',
    maxQty: 1,
    colour: '灰色',
    models: [
      ['得力 deli', '4078', '电子密码 高45cm', 999],
      ['得力 deli', '16621', '指纹 高60cm', 1599],
      ['虎牌 Tiger', 'FDG-A1/D-45', '电子 高45cm', 1299],
      ['全能 Quanneng', 'BGX-5/D1-60', '电子 高60cm', 1899],
      ['永发 Yongfa', 'BGX-M/D-45', '电子 高45cm', 899],
    ],
  },
];

/** the demo catalog's rows by a key, so a generated row never repeats one */
const keyOf = (name: string, brand: string, spec: string, colour: string | null) =>
  `${name}|${brand}|${spec}|${colour ?? ''}`;

/** price points as a shop lists them: 0.1 yuan under 10, 0.5 under 100, whole yuan above (x9 for the dear ones) */
function pricePoint(v: number): number {
  if (v < 10) return Math.max(0.5, round2(Math.round(v * 10) / 10));
  if (v < 100) return Math.round(v * 2) / 2;
  if (v < 1000) return Math.round(v);
  return Math.round(v / 10) * 10 - 1;
}

interface Candidate {
  name: string;
  category: Category;
  dept: ProjectDept;
  brand: string;
  spec: string;
  model: string;
  colour: string | null;
  unit: string;
  price: number;
  maxQty: number;
  catalog: boolean;
}

function candidates(rng: Rng): Candidate[][] {
  const taken = new Set(CATALOG.map((c) => keyOf(c.name, c.brand, c.spec, c.colour)));
  const out: Candidate[][] = [];
  for (const f of FAMILIES) {
    const list: Candidate[] = [];
    for (const [brand, bf, prefix] of f.brands) {
      for (const [spec, sf] of f.specs) {
        for (const colour of f.colours) {
          if (taken.has(keyOf(f.name, brand, spec, colour))) continue;
          const model = `${prefix}${rng.int(100, 9899)}`;
          list.push({
            name: f.name,
            category: f.category,
            dept: f.dept,
            brand,
            spec,
            model,
            colour,
            unit: f.unit,
            price: pricePoint(f.price * bf * sf * rng.float(0.94, 1.06)),
            maxQty: f.maxQty,
            catalog: !f.custom,
          });
        }
      }
    }
    out.push(rng.shuffle(list));
  }
  for (const f of MODEL_FAMILIES) {
    const list = f.models
      .filter(
        ([brand, model, spec]) =>
          !taken.has(keyOf(f.name, brand, spec, f.colour)) && !CATALOG.some((c) => c.model === model),
      )
      .map(([brand, model, spec, price]) => ({
        name: f.name,
        category: f.category,
        dept: f.dept,
        brand,
        spec,
        model,
        colour: f.colour,
        unit: f.unit,
        price,
        maxQty: f.maxQty,
        catalog: true,
      }));
    out.push(rng.shuffle(list));
  }
  return out;
}

let built: readonly CatalogItem[] | undefined;

/**
 * The demo catalog followed by generated rows up to `BRANCH_CATALOG_SIZE`, taken round-robin from the
 * families (so every family is represented), SKUs continuing each category's numbering.
 */
export function branchCatalog(): readonly CatalogItem[] {
  if (built) return built;
  const rng = createRng(0x0b7a1c4e);
  const lists = candidates(rng);
  const extra: Candidate[] = [];
  const want = BRANCH_CATALOG_SIZE - CATALOG.length;
  for (let round = 0; extra.length < want; round++) {
    let any = false;
    for (const list of lists) {
      if (round < list.length && extra.length < want) {
        extra.push(list[round]);
        any = true;
      }
    }
    if (!any) break;
  }
  const counters: Record<Category, number> = { stationery: 0, oaConsumable: 0, oaEquipment: 0, other: 0 };
  for (const c of CATALOG) counters[c.category]++;
  const items: CatalogItem[] = extra.map((c) => {
    const n = ++counters[c.category];
    // the long tail: far fewer orders than a demo row, cheap things a little more often
    const cheap = c.price < 50 ? 1.6 : c.price >= 1000 ? 0.3 : 1;
    return {
      sku: `${SKU_PREFIX[c.category]}-${String(n).padStart(4, '0')}`,
      name: c.name,
      category: c.category,
      brand: c.brand,
      spec: c.spec,
      model: c.model,
      colour: c.colour,
      unit: c.unit,
      catalogPrice: c.price,
      catalog: c.catalog,
      projectDept: c.dept,
      hint: { popularity: round2((0.02 + 0.3 * rng.next() ** 2) * cheap), maxQty: c.maxQty },
    };
  });
  registerSalesHints(items);
  built = [...CATALOG, ...items];
  return built;
}
