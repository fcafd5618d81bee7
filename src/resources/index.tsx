import HistoryIcon from '@mui/icons-material/History';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import PeopleIcon from '@mui/icons-material/People';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { ResourceProps } from 'react-admin';
import { DEFINITIONS } from '../domain/documents';
import { lazyPage } from '../app/lazyPage';
import { PAGES } from './pages';
import { resourceFromDefinition, type ResourceOverrides } from './resourceFromDefinition';

// the custom screens, each loaded on first use like the generated ones
const OrderList = lazyPage(PAGES.orderList, (m) => m.OrderList);
const OrderShow = lazyPage(PAGES.orderShow, (m) => m.OrderShow);
const OrderCreate = lazyPage(PAGES.orderForm, (m) => m.OrderCreate);
const OrderEdit = lazyPage(PAGES.orderForm, (m) => m.OrderEdit);
const CustomerCreate = lazyPage(PAGES.customerCreate, (m) => m.CustomerCreate);
const CustomerList = lazyPage(PAGES.customerList, (m) => m.CustomerList);
const AuditLogShow = lazyPage(PAGES.auditLogShow, (m) => m.AuditLogShow);

/** The few screens that are not generated; everything else comes from the definitions. */
const CUSTOM: Record<string, ResourceOverrides> = {
  orders: { list: OrderList, create: OrderCreate, edit: OrderEdit, show: OrderShow, icon: ReceiptLongIcon },
  customers: { list: CustomerList, create: CustomerCreate, icon: PeopleIcon },
  products: { icon: Inventory2Icon },
  users: { icon: ManageAccountsIcon },
  auditLog: { show: AuditLogShow, icon: HistoryIcon },
};

/** Menu order: the daily work first, administration last. */
const ORDER = ['orders', 'customers', 'products', 'auditLog', 'users'];

export const RESOURCES: ResourceProps[] = Object.values(DEFINITIONS)
  .sort((a, b) => (ORDER.indexOf(a.resource) + 1 || 99) - (ORDER.indexOf(b.resource) + 1 || 99))
  .map((def) => resourceFromDefinition(def, CUSTOM[def.resource]));
