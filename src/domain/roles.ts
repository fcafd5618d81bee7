import { t, type Text } from './text';

/** Roles of the procedure (section 3, 4, 6) plus admin, who runs the system. */
export const ROLES = {
  assistant: t('客户助理', 'Customer assistant'),
  teamLead: t('组长', 'Team lead'),
  csManager: t('客户服务中心经理', 'CS Center manager'),
  salesRep: t('销售代表', 'Sales rep'),
  officeSupervisor: t('办事处主管', 'Office supervisor'),
  merchPlanning: t('商品计划部', 'Merchandise planning'),
  purchasing: t('采购部', 'Purchasing'),
  orderDesk: t('物流部订单组', 'Order desk'),
  warehouse: t('仓管员', 'Warehouse keeper'),
  driver: t('送货员', 'Driver'),
  lossPrevention: t('防损员', 'Loss prevention'),
  finance: t('财务部', 'Finance'),
  salesManager: t('销售管理部经理', 'Sales manager'),
  branchGM: t('分公司总经理', 'Branch GM'),
  financeDirector: t('集团财务总监', 'Group finance director'),
  admin: t('系统管理员', 'Administrator'),
} satisfies Record<string, Text>;

export type Role = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as Role[];
export const isRole = (v: unknown): v is Role => typeof v === 'string' && v in ROLES;

/** Customer assistant groups (3): key accounts, SMB, e-commerce, sales support. */
export const ASSISTANT_GROUPS = {
  keyAccount: t('大客户组', 'Key accounts'),
  smb: t('中小客户组', 'SMB'),
  ecommerce: t('电子商务组', 'E-commerce'),
  salesSupport: t('销售支持组', 'Sales support'),
} satisfies Record<string, Text>;
export type AssistantGroup = keyof typeof ASSISTANT_GROUPS;

/** Who is acting: what the server knows from the token, and the UI from /auth/me. */
export interface Actor {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  group: AssistantGroup | null;
}
