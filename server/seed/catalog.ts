import type { DocRecord } from '../../src/domain/definition';
import { fenToYuan, yuanToFen } from '../../src/domain/money';
import type { Rng } from './random';

/**
 * The demo catalog (导购手册) of a 寶億 branch: ~150 office supplies. Prices are catalog prices
 * in yuan; cost, stock and the SKU numbers are derived deterministically by the seed.
 */

export type Category = 'stationery' | 'oaConsumable' | 'oaEquipment' | 'other';

export const PROJECT_DEPTS = ['文具项目部', '耗材项目部', '设备项目部', '纸品项目部'] as const;
export type ProjectDept = (typeof PROJECT_DEPTS)[number];

export const SKU_PREFIX: Record<Category, string> = {
  stationery: 'ST',
  oaConsumable: 'OC',
  oaEquipment: 'EQ',
  other: 'OT',
};

/**
 * One catalog row: name, brand, spec, model, colour, unit, catalog price (元),
 * popularity (relative order frequency), usual max quantity per order line, in catalog (default true).
 */
type Row = [
  name: string,
  brand: string,
  spec: string,
  model: string,
  colour: string | null,
  unit: string,
  price: number,
  popularity: number,
  maxQty: number,
  catalog?: boolean,
];

interface Section {
  category: Category;
  dept: ProjectDept;
  rows: Row[];
}

const SECTIONS: Section[] = [
  {
    category: 'stationery',
    dept: '文具项目部',
    rows: [
      ['中性笔', '晨光 M&G', '0.5mm 子弹头', 'K35', '黑色', '支', 1.5, 9, 20],
      ['中性笔', '晨光 M&G', '0.5mm 子弹头', 'K35', '蓝色', '支', 1.5, 6, 20],
      ['中性笔', '晨光 M&G', '0.5mm 子弹头', 'K35', '红色', '支', 1.5, 4, 20],
      ['中性笔（12支/盒）', '晨光 M&G', '0.5mm 12支/盒', 'K35', '黑色', '盒', 18, 8, 10],
      ['中性笔（12支/盒）', '得力 deli', '0.5mm 12支/盒', 'S01', '黑色', '盒', 15, 7, 10],
      ['按动中性笔', '晨光 M&G', '0.5mm', 'GP1008', '黑色', '支', 2.5, 5, 20],
      ['按动中性笔', '得力 deli', '0.5mm', 'S01-A', '蓝色', '支', 2, 3, 20],
      ['中性笔芯（20支/盒）', '晨光 M&G', '0.5mm 20支/盒', 'MG6102', '黑色', '盒', 16, 6, 10],
      ['中性笔芯（20支/盒）', '得力 deli', '0.5mm 20支/盒', '6906', '黑色', '盒', 14, 5, 10],
      ['圆珠笔', '真彩 Truecolor', '0.7mm', '036', '蓝色', '支', 1, 4, 20],
      ['圆珠笔（50支/盒）', '真彩 Truecolor', '0.7mm 50支/盒', '036', '蓝色', '盒', 35, 2, 5],
      ['签字笔', '斑马 ZEBRA', '0.5mm', 'JJ15', '黑色', '支', 6, 3, 20],
      ['白板笔（10支/盒）', '得力 deli', '可擦 10支/盒', '6817', '黑色', '盒', 15, 4, 10],
      ['白板笔', '晨光 M&G', '可擦', 'AWMY2201', '蓝色', '支', 2, 3, 20],
      ['记号笔', '得力 deli', '双头 油性', 'S550', '黑色', '支', 2.5, 3, 20],
      ['荧光笔（6色/套）', '晨光 M&G', '斜头 6色/套', 'MG2150', '混色', '套', 12, 3, 10],
      ['铅笔（12支/盒）', '中华', 'HB 12支/盒', '6151', null, '盒', 12, 3, 10],
      ['自动铅笔', '晨光 M&G', '0.5mm', 'MP1001', '黑色', '支', 4.5, 2, 20],
      ['铅芯', '晨光 M&G', '0.5mm HB 20根/盒', 'SL301', null, '盒', 2.5, 2, 20],
      ['橡皮擦', '得力 deli', '4B 中号', '7536', '白色', '块', 1, 3, 20],
      ['修正带', '得力 deli', '5mm×30m', '8133', '蓝色', '个', 5.5, 5, 20],
      ['修正液', '晨光 M&G', '12ml', 'AXJ95007', null, '瓶', 3.5, 2, 20],
      ['订书机', '得力 deli', '12# 可订25页', '0414', '黑色', '个', 12, 5, 10],
      ['订书机', '晨光 M&G', '12# 可订20页', 'ABS92741', '蓝色', '个', 9.9, 3, 10],
      ['重型订书机', '得力 deli', '可订100页', '0394', '灰色', '个', 58, 1, 3],
      ['订书钉', '得力 deli', '12#（24/6）1000枚/盒', '0012', null, '盒', 1.5, 8, 20],
      ['订书钉', '得力 deli', '10# 1000枚/盒', '0010', null, '盒', 1, 4, 20],
      ['起钉器', '得力 deli', '通用', '0232', '黑色', '个', 3.5, 2, 10],
      ['长尾夹（12只/盒）', '得力 deli', '32mm 12只/盒', '8553', '黑色', '盒', 6, 5, 20],
      ['长尾夹（12只/盒）', '得力 deli', '25mm 12只/盒', '8554', '黑色', '盒', 4.8, 4, 20],
      ['回形针（100枚/盒）', '得力 deli', '29mm 100枚/盒', '0018', '银色', '盒', 2, 5, 20],
      ['大头针（100枚/盒）', '得力 deli', '100枚/盒', '0021', '银色', '盒', 2.5, 2, 20],
      ['单强力夹文件夹', '得力 deli', 'A4', '5302', '蓝色', '个', 6.5, 5, 20],
      ['双强力夹文件夹', '齐心 Comix', 'A4', 'A604', '黑色', '个', 9, 4, 20],
      ['档案盒', '得力 deli', 'A4 55mm', '5622', '蓝色', '个', 6, 6, 20],
      ['档案盒', '齐心 Comix', 'A4 75mm', 'A1248', '蓝色', '个', 8.5, 4, 20],
      ['拉链文件袋', '得力 deli', 'A4', '5590', '透明', '个', 2.5, 4, 20],
      ['按扣文件袋', '齐心 Comix', 'A4', 'EA503', '透明', '个', 1.2, 5, 20],
      ['资料册', '齐心 Comix', 'A4 60页', 'NF60AK', '黑色', '个', 18, 3, 10],
      ['三联文件框', '得力 deli', 'A4 三联', '9845', '黑色', '个', 22, 2, 10],
      ['抽杆夹', '得力 deli', 'A4', '5531', '蓝色', '个', 1.5, 3, 20],
      ['书写板夹', '得力 deli', 'A4', '9250', '黑色', '个', 8, 2, 10],
      ['名片册', '得力 deli', '300张', '5778', '黑色', '本', 15, 1, 5],
      ['笔记本', '得力 deli', 'A5 80张', '7656', '黑色', '本', 6, 6, 20],
      ['软抄本', '广博 GuangBo', 'B5 40张', 'GBP25', '混色', '本', 3.5, 4, 20],
      ['皮面笔记本', '得力 deli', 'A5 100张', '3165', '棕色', '本', 25, 3, 20],
      ['便利贴', '3M', '76×76mm 100张', '654', '黄色', '本', 9, 4, 20],
      ['便利贴', '得力 deli', '76×76mm 4色', '7151', '混色', '本', 3.5, 5, 20],
      ['透明胶带', '得力 deli', '18mm×20y', '30016', '透明', '卷', 1.5, 4, 20],
      ['封箱胶带', '得力 deli', '48mm×100y', '30174', '透明', '卷', 6.5, 5, 20],
      ['双面胶', '得力 deli', '12mm×10y', '30402', '白色', '卷', 1.8, 3, 20],
      ['思高隐形胶带', '3M', '19mm×33m', '810', '透明', '卷', 12, 2, 10],
      ['剪刀', '得力 deli', '210mm', '6010', '黑色', '把', 6.5, 3, 10],
      ['美工刀', '得力 deli', '大号 18mm', '2052', '黄色', '把', 4.5, 3, 10],
      ['美工刀片（10片/盒）', '得力 deli', '大号 18mm 10片/盒', '2011', null, '盒', 5, 2, 10],
      ['液体胶水', '得力 deli', '50ml', '7302', null, '瓶', 2, 3, 20],
      ['固体胶', '得力 deli', '21g', '7102', null, '支', 2.5, 4, 20],
      ['直尺', '得力 deli', '30cm', '6230', '透明', '把', 2, 2, 10],
      ['双孔打孔机', '得力 deli', '可打20页', '0102', '黑色', '个', 18, 2, 5],
      ['秒干印台', '得力 deli', '圆形', '9863', '蓝色', '个', 10, 2, 5],
      ['印油', '得力 deli', '40ml', '9874', '红色', '瓶', 4, 2, 10],
      ['笔筒', '得力 deli', '多格', '9176', '黑色', '个', 12, 2, 10],
      ['复写纸（100张/盒）', '得力 deli', '16K 双面 100张/盒', '9371', '蓝色', '盒', 13, 2, 5],
      ['牛皮信封（100个/包）', '广博 GuangBo', '5号 220×110mm', 'XF9301', '牛皮色', '包', 12, 3, 10],
      ['牛皮纸档案袋', '广博 GuangBo', 'A4 250g', 'DA8012', '牛皮色', '个', 0.8, 5, 20],
      ['铁书立', '得力 deli', '大号', '78614', '黑色', '对', 8, 1, 10],
      ['工作证卡套', '得力 deli', '竖式 含挂绳', '5757', '透明', '个', 1.5, 3, 20],
      ['橡皮筋', '得力 deli', '50g/包', '3216', '黄色', '包', 3, 2, 10],
      ['手摇削笔器', '得力 deli', '单孔', '0635', '蓝色', '个', 6, 1, 5],
      ['无碳收据（二联）', '得力 deli', '48K 二联', '9373', null, '本', 3, 4, 20],
      ['送货单（三联）', '得力 deli', '三联 无碳复写', '9391', null, '本', 4.5, 3, 20],
      ['总账本', '得力 deli', '16K', '3457', '黑色', '本', 12, 1, 5],
      ['白板擦', '得力 deli', '磁性', '7837', '黑色', '个', 5, 2, 5],
      ['磁钉（6个/卡）', '得力 deli', '20mm', '7823', '混色', '卡', 5, 1, 10],
      ['定制LOGO笔记本', '寶億定制', 'A5 烫金LOGO', 'DZ-NB01', '深蓝色', '本', 35, 1, 20, false],
      ['定制工牌', '寶億定制', 'PVC 双面印刷', 'DZ-GP02', '白色', '个', 8, 1, 20, false],
    ],
  },
  {
    category: 'oaConsumable',
    dept: '纸品项目部',
    rows: [
      ['A4复印纸', '得力 deli', '70g 500张/包 5包/箱', '7401', '白色', '箱', 115, 10, 10],
      ['A4复印纸', '得力 deli', '80g 500张/包 5包/箱', '7402', '白色', '箱', 135, 7, 10],
      ['A4复印纸', '得力 deli', '70g 500张/令', '7401', '白色', '令', 24.5, 8, 20],
      ['A4复印纸', '亚太森博 百旺', '70g 500张/包 8包/箱', 'BW70', '白色', '箱', 178, 4, 10],
      ['A4复印纸', 'Double A', '80g 500张/包 5包/箱', 'DA80', '白色', '箱', 165, 3, 10],
      ['A4复印纸', '晨光 M&G', '70g 500张/包 5包/箱', 'APYVPB01', '白色', '箱', 112, 5, 10],
      ['A3复印纸', '得力 deli', '70g 500张/包 5包/箱', '7411', '白色', '箱', 230, 2, 5],
      ['彩色复印纸', '得力 deli', 'A4 80g 100张/包', '7391', '混色', '包', 18, 2, 10],
      ['电脑打印纸', '得力 deli', '241-3 三联 1000页/箱', 'N241-3', '白色', '箱', 150, 3, 5],
      ['电脑打印纸', '得力 deli', '241-2 二等分 1000页/箱', 'N241-2', '白色', '箱', 135, 2, 5],
      ['传真纸', '得力 deli', '216mm×30m', '3827', '白色', '卷', 5, 1, 10],
      ['热敏收银纸', '得力 deli', '57×50mm', '3895', '白色', '卷', 2.5, 2, 20],
      ['财务凭证纸（定制印刷）', '寶億定制', '240×140mm 500张/包', 'DZ-PZ01', '白色', '包', 28, 1, 10, false],
    ],
  },
  {
    category: 'oaConsumable',
    dept: '耗材项目部',
    rows: [
      ['原装硒鼓', '惠普 HP', '约1600页', 'CF217A（17A）', '黑色', '个', 498, 4, 3],
      ['原装硒鼓', '惠普 HP', '约3100页', 'CF226A（26A）', '黑色', '个', 899, 2, 3],
      ['原装硒鼓', '惠普 HP', '约1600页', 'CE285A（85A）', '黑色', '个', 499, 3, 3],
      ['原装硒鼓', '惠普 HP', '约3000页', 'CF276A（76A）', '黑色', '个', 799, 1, 3],
      ['原装硒鼓', '惠普 HP', '约1500页', 'W1110A（110A）', '黑色', '个', 299, 2, 3],
      ['原装硒鼓', '佳能 Canon', '约2400页', 'CRG-337', '黑色', '个', 499, 2, 3],
      ['原装硒鼓（鼓架）', '兄弟 Brother', '约12000页', 'DR-2350', null, '个', 495, 1, 2],
      ['原装粉盒', '兄弟 Brother', '约2600页', 'TN-2325', '黑色', '个', 289, 2, 3],
      ['兼容硒鼓', '得力 deli', '适用惠普17A', 'DBH-CF217A', '黑色', '个', 129, 4, 5],
      ['原装墨盒', '惠普 HP', '约190页', '803', '黑色', '个', 79, 2, 5],
      ['原装墨盒', '惠普 HP', '约100页', '803', '彩色', '个', 99, 1, 5],
      ['原装墨盒', '佳能 Canon', '约180页', 'PG-845', '黑色', '个', 89, 1, 5],
      ['原装墨盒', '佳能 Canon', '约180页', 'CL-846', '彩色', '个', 119, 1, 5],
      ['原装墨水', '爱普生 Epson', '70ml', 'T6641', '黑色', '瓶', 49, 3, 10],
      ['原装墨水', '爱普生 Epson', '70ml', 'T6642', '青色', '瓶', 49, 1, 10],
      ['原装墨水', '爱普生 Epson', '70ml', 'T6643', '洋红', '瓶', 49, 1, 10],
      ['原装墨水', '爱普生 Epson', '70ml', 'T6644', '黄色', '瓶', 49, 1, 10],
      ['复印机碳粉', '佳能 Canon', '约21000页', 'NPG-59', '黑色', '支', 399, 2, 3],
      ['复印机碳粉', '佳能 Canon', '约17600页', 'NPG-67', '黑色', '支', 459, 1, 3],
      ['通用碳粉', '得力 deli', '1kg 适用惠普', 'DLT-1000', '黑色', '瓶', 88, 2, 5],
      ['色带架', '爱普生 Epson', '适用LQ-630K', 'S015290', '黑色', '个', 45, 3, 10],
      ['色带芯', '爱普生 Epson', '适用LQ-630K', 'S010076', '黑色', '个', 18, 2, 10],
      ['标签色带', '兄弟 Brother', '12mm 白底黑字', 'TZe-231', null, '盒', 89, 1, 5],
      ['高光相片纸', '爱普生 Epson', 'A4 20张/包', 'S450395', null, '包', 45, 1, 5],
    ],
  },
  {
    category: 'oaEquipment',
    dept: '设备项目部',
    rows: [
      ['黑白激光多功能一体机', '惠普 HP', '打印/复印/扫描', 'LaserJet M1136', '白色', '台', 1599, 2, 2],
      ['黑白激光打印机', '惠普 HP', '双面 网络', 'LaserJet Pro M405dn', '白色', '台', 2999, 1, 2],
      ['彩色喷墨一体机', '惠普 HP', '无线 打印/复印/扫描', 'DeskJet 4828', '白色', '台', 699, 1, 2],
      ['黑白激光打印机', '兄弟 Brother', '自动双面', 'HL-2260D', '黑色', '台', 1099, 1, 2],
      ['黑白激光一体机', '兄弟 Brother', '无线 打印/复印/扫描', 'DCP-7195DW', '黑色', '台', 1699, 1, 2],
      ['黑白激光打印机', '佳能 Canon', 'A4', 'LBP2900+', '白色', '台', 1199, 1, 2],
      ['彩色激光打印机', '佳能 Canon', '无线 A4', 'LBP621Cw', '白色', '台', 2199, 1, 2],
      ['墨仓式一体机', '爱普生 Epson', '无线 打印/复印/扫描', 'L3256', '黑色', '台', 1099, 1, 2],
      ['针式打印机', '爱普生 Epson', '82列 平推', 'LQ-630KII', '白色', '台', 1799, 1, 2],
      ['A3黑白数码复合机', '佳能 Canon', '25页/分 双面 网络', 'iR 2425', '白色', '台', 10800, 0.3, 2],
      ['A3彩色数码复合机', '佳能 Canon', '26页/分 彩色', 'iR-ADV C3826', '白色', '台', 26800, 0.15, 1],
      ['碎纸机', '得力 deli', '4级保密 单次6张', '9904', '黑色', '台', 399, 1, 2],
      ['大型碎纸机', '得力 deli', '5级保密 单次12张 30L', '9912', '黑色', '台', 1299, 0.5, 2],
      ['碎纸机', '科密 Comet', '4级保密 单次8张', 'C-638', '黑色', '台', 699, 0.5, 2],
      ['计算器', '得力 deli', '12位 语音', '1654', '黑色', '个', 25, 4, 10],
      ['计算器', '卡西欧 CASIO', '12位 财务型', 'GX-12B', '黑色', '个', 98, 2, 5],
      ['指纹考勤机', '得力 deli', '网络型', '3960', '黑色', '台', 299, 0.5, 2],
      ['点钞机', '得力 deli', 'B类 智能', '3910', '灰色', '台', 599, 0.5, 2],
      ['财务凭证装订机', '得力 deli', '自动 热熔铆管', '3888', '白色', '台', 1299, 0.4, 1],
      ['标签打印机', '兄弟 Brother', '手持式 12mm', 'PT-E115B', '黑色', '台', 359, 0.5, 2],
      ['商务投影仪', '爱普生 Epson', '3300流明 XGA', 'CB-X06', '白色', '台', 3499, 0.3, 2],
      ['塑封机', '得力 deli', 'A4', '3893', '白色', '台', 199, 0.5, 2],
      ['平板扫描仪', '佳能 Canon', 'A4 2400dpi', 'LiDE 300', '黑色', '台', 499, 0.5, 2],
    ],
  },
  {
    category: 'other',
    dept: '文具项目部',
    rows: [
      ['磁性白板', '得力 deli', '90×120cm 挂式 单面', '7893', '白色', '块', 168, 1, 2],
      ['移动白板支架', '得力 deli', '带轮 可升降', '7861', '银色', '个', 320, 0.5, 2],
      ['不锈钢保温杯', '得力 deli', '500ml', '18913', '银色', '个', 39, 0.5, 10],
      ['垃圾袋', '美丽雅', '50×60cm 100只', 'MLY-5060', '黑色', '包', 15, 2, 10],
      ['铁皮文件柜（非标定制）', '寶億定制', '1800×900×400mm', 'DZ-WJG01', '灰白色', '台', 1280, 0.3, 5, false],
      ['定制手提纸袋', '寶億定制', '32×25×11cm 印LOGO', 'DZ-ZD01', '白色', '个', 3.5, 1, 20, false],
    ],
  },
  {
    category: 'other',
    dept: '纸品项目部',
    rows: [
      ['一次性纸杯（50只/包）', '心相印', '9盎司', 'DB050', '白色', '包', 8.5, 4, 20],
      ['抽纸（6包/提）', '维达 Vinda', '3层 120抽', 'V2239', '白色', '提', 19.9, 5, 10],
      ['卷纸（10卷/提）', '维达 Vinda', '4层 140g', 'V4069', '白色', '提', 32, 4, 10],
    ],
  },
  {
    category: 'other',
    dept: '设备项目部',
    rows: [
      ['碱性电池5号（4粒/卡）', '南孚 NANFU', 'LR6 AA', 'LR6-4', null, '卡', 12, 3, 10],
      ['碱性电池7号（4粒/卡）', '南孚 NANFU', 'LR03 AAA', 'LR03-4', null, '卡', 12, 2, 10],
      ['插线板', '公牛 BULL', '5位 3米', 'GN-B3050', '白色', '个', 49, 2, 5],
      ['U盘', '金士顿 Kingston', '32GB USB3.2', 'DTX/32GB', '黑色', '个', 39, 2, 10],
      ['无线鼠标', '罗技 Logitech', '2.4G', 'M185', '黑色', '个', 69, 2, 5],
      ['有线键盘', '罗技 Logitech', 'USB', 'K120', '黑色', '个', 59, 1, 5],
      ['电子保险箱', '得力 deli', '高35cm', '3645', '灰色', '台', 699, 0.2, 1],
      ['纯净水（24瓶/箱）', "怡宝 C'estbon", '555ml×24', 'CB555', null, '箱', 30, 4, 10],
    ],
  },
];

export interface SalesHint {
  /** relative order frequency */
  popularity: number;
  /** usual maximum quantity per order line */
  maxQty: number;
}

export interface CatalogItem {
  sku: string;
  name: string;
  category: Category;
  brand: string;
  spec: string;
  model: string;
  colour: string | null;
  unit: string;
  catalogPrice: number;
  catalog: boolean;
  projectDept: ProjectDept;
  hint: SalesHint;
}

/** The fixed catalog rows with their SKUs ("ST-0001", "OC-0001", …), in SKU order per category. */
export const CATALOG: readonly CatalogItem[] = (() => {
  const counters: Record<Category, number> = { stationery: 0, oaConsumable: 0, oaEquipment: 0, other: 0 };
  const out: CatalogItem[] = [];
  for (const section of SECTIONS) {
    for (const [name, brand, spec, model, colour, unit, price, popularity, maxQty, catalog = true] of section.rows) {
      const n = ++counters[section.category];
      out.push({
        sku: `${SKU_PREFIX[section.category]}-${String(n).padStart(4, '0')}`,
        name,
        category: section.category,
        brand,
        spec,
        model,
        colour,
        unit,
        catalogPrice: price,
        catalog,
        projectDept: section.dept,
        hint: { popularity, maxQty },
      });
    }
  }
  return out;
})();

const HINTS = new Map(CATALOG.map((c) => [c.sku, c.hint]));

/** Makes the hints of generated catalog items (the branch volume's bigger catalog) known to `salesHint`. */
export function registerSalesHints(items: readonly CatalogItem[]): void {
  for (const c of items) if (!HINTS.has(c.sku)) HINTS.set(c.sku, c.hint);
}

/** How often a product is ordered and in what quantities (not stored; used by the order seed). */
export function salesHint(sku: unknown): SalesHint {
  return HINTS.get(String(sku)) ?? { popularity: 1, maxQty: 5 };
}

/**
 * Product records (domain fields only; the seed adds the system fields) of `items` (default the
 * demo catalog). Cost is 70–90 % of the catalog price; stock is random with some lines at 0 or
 * low so shortages happen (5.6.4).
 */
export function buildProducts(rng: Rng, items: readonly CatalogItem[] = CATALOG): DocRecord[] {
  return items.map((c) => {
    const priceFen = yuanToFen(c.catalogPrice);
    const cost = fenToYuan(Math.round(priceFen * rng.float(0.7, 0.9)));
    const r = rng.next();
    let stock: number;
    if (r < 0.07) stock = 0;
    else if (r < 0.17) stock = rng.int(1, 5);
    else if (c.category === 'oaEquipment') stock = rng.int(3, 25);
    else if (c.category === 'oaConsumable' && c.catalogPrice >= 100) stock = rng.int(10, 120);
    else stock = rng.int(40, 60 + Math.round(c.hint.popularity * 80));
    if (!c.catalog) stock = rng.chance(0.5) ? 0 : rng.int(1, 10); // custom goods are made to order
    return {
      sku: c.sku,
      name: c.name,
      category: c.category,
      brand: c.brand,
      spec: c.spec,
      model: c.model,
      colour: c.colour,
      unit: c.unit,
      catalogPrice: c.catalogPrice,
      cost,
      stock,
      catalog: c.catalog,
      projectDept: c.projectDept,
      active: true,
    };
  });
}
