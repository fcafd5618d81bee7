import { bool, column, defineDocument, enumOf, int, money, text } from '../definition';
import { t } from '../text';

/** Products 商品 of the catalog (导购手册); categories drive warranty and return rules (5.3.2). */
export const CATEGORIES = {
  stationery: t('文具', 'Stationery'),
  oaConsumable: t('OA耗材', 'OA consumable'),
  oaEquipment: t('OA设备', 'OA equipment'),
  other: t('其他', 'Other'),
};

const STOCK_KEEPERS = ['merchPlanning', 'purchasing', 'warehouse', 'admin'] as const;
/**
 * Who sees the cost price: those who price (quotes, 6.4.3 margin band), approve prices, discounts,
 * gifts and write-offs, and keep the catalog; not the order desk, the warehouse, drivers or loss
 * prevention, whose work does not turn on the margin.
 */
export const COST_READERS = [
  'assistant',
  'teamLead',
  'csManager',
  'salesRep',
  'officeSupervisor',
  'merchPlanning',
  'purchasing',
  'finance',
  'salesManager',
  'branchGM',
  'financeDirector',
  'admin',
] as const;

export const products = defineDocument({
  resource: 'products',
  label: t('商品', 'Product'),
  menuLabel: t('商品目录', 'Products'),
  fields: {
    sku: text(t('货号', 'SKU'), { required: true, maxLength: 30, search: true, immutable: true }),
    name: text(t('品名', 'Name'), { required: true, maxLength: 100, search: true }),
    category: enumOf(t('类别', 'Category'), CATEGORIES, { required: true, default: 'stationery' }),
    brand: text(t('品牌', 'Brand'), { maxLength: 50, search: true }),
    spec: text(t('规格', 'Spec'), { maxLength: 100 }),
    model: text(t('型号', 'Model'), { maxLength: 50, search: true }),
    colour: text(t('颜色', 'Colour'), { maxLength: 20 }),
    unit: text(t('单位', 'Unit'), { maxLength: 10, default: '个' }),
    catalogPrice: money(t('目录价', 'Catalog price'), { required: true, max: 1_000_000 }),
    cost: money(t('成本价', 'Cost'), {
      required: true,
      max: 1_000_000,
      writableBy: ['merchPlanning', 'purchasing', 'admin'],
      readableBy: COST_READERS,
    }),
    stock: int(t('库存', 'Stock'), { default: 0, min: 0, max: 10_000_000, writableBy: STOCK_KEEPERS }),
    catalog: bool(t('导购手册商品', 'In catalog'), { default: true }),
    projectDept: text(t('项目部门', 'Project department'), { maxLength: 30 }),
    active: bool(t('在售', 'Active'), { default: true }),
  },
  list: [
    column('sku', 'code'),
    column('name', 'name'),
    column('category', 'choice'),
    column('catalogPrice', 'money'),
    column('stock', 'number'),
    column('unit', 'text'),
    column('brand', 'text', 2),
  ],
  filters: ['category', 'catalog', 'active', 'projectDept'],
  defaultSort: { field: 'sku', order: 'ASC' },
  columns: ['sku', 'name', 'category', 'catalogPrice', 'stock', 'catalog', 'active', 'projectDept', 'brand'],
  access: {
    read: 'all',
    create: ['merchPlanning', 'purchasing', 'admin'],
    edit: ['merchPlanning', 'purchasing', 'warehouse', 'admin'],
  },
});
