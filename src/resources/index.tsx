import HistoryIcon from '@mui/icons-material/History';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import PeopleIcon from '@mui/icons-material/People';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { ResourceProps } from 'react-admin';
import { DEFINITIONS } from '../domain/documents';
import { AuditLogShow } from './auditLog/AuditLogShow';
import { CustomerCreate } from './customers/CustomerCreate';
import { OrderCreate, OrderEdit } from './orders/OrderForm';
import { OrderList } from './orders/OrderList';
import { OrderShow } from './orders/OrderShow';
import { resourceFromDefinition, type ResourceOverrides } from './resourceFromDefinition';

/** The few screens that are not generated; everything else comes from the definitions. */
const CUSTOM: Record<string, ResourceOverrides> = {
  orders: { list: OrderList, create: OrderCreate, edit: OrderEdit, show: OrderShow, icon: ReceiptLongIcon },
  customers: { create: CustomerCreate, icon: PeopleIcon },
  products: { icon: Inventory2Icon },
  users: { icon: ManageAccountsIcon },
  auditLog: { show: AuditLogShow, icon: HistoryIcon },
};

/** Menu order: the daily work first, administration last. */
const ORDER = ['orders', 'customers', 'products', 'auditLog', 'users'];

export const RESOURCES: ResourceProps[] = Object.values(DEFINITIONS)
  .sort((a, b) => (ORDER.indexOf(a.resource) + 1 || 99) - (ORDER.indexOf(b.resource) + 1 || 99))
  .map((def) => resourceFromDefinition(def, CUSTOM[def.resource]));
