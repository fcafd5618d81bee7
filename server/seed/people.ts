import type { AssistantGroup, Role } from '../../src/domain/roles';

/** The demo users of api.md ("Demo users"): username = role id in lower case, one password. */
export const DEMO_PASSWORD = 'baoyi2026';

export interface DemoUser {
  username: string;
  fullName: string;
  role: Role;
  /** assistants only */
  group: AssistantGroup | null;
  active: true;
}

const user = (username: string, fullName: string, role: Role, group: AssistantGroup | null = null): DemoUser => ({
  username,
  fullName,
  role,
  group,
  active: true,
});

/** The 17 users api.md names, in its order. */
export const API_DEMO_USERS: readonly DemoUser[] = [
  user('assistant', '陈晓婷', 'assistant', 'ecommerce'),
  user('assistant2', '林佳怡', 'assistant', 'smb'),
  user('teamlead', '张慧敏', 'teamLead'),
  user('csmanager', '李建国', 'csManager'),
  user('salesrep', '王浩然', 'salesRep'),
  user('supervisor', '赵立新', 'officeSupervisor'),
  user('merch', '孙文博', 'merchPlanning'),
  user('purchasing', '周海燕', 'purchasing'),
  user('orderdesk', '徐丽华', 'orderDesk'),
  user('warehouse', '马国强', 'warehouse'),
  user('driver', '罗志华', 'driver'),
  user('lossprev', '梁振宇', 'lossPrevention'),
  user('finance', '谢秀英', 'finance'),
  user('salesmgr', '杨永明', 'salesManager'),
  user('gm', '冯德华', 'branchGM'),
  user('findirector', '蔡静怡', 'financeDirector'),
  user('admin', '邓子轩', 'admin'),
];

/** Six more assistants so the team lead's dashboard has a team (3: the four groups). */
export const EXTRA_ASSISTANTS: readonly DemoUser[] = [
  user('assistant3', '黄志强', 'assistant', 'keyAccount'),
  user('assistant4', '吴丽娟', 'assistant', 'smb'),
  user('assistant5', '刘思琪', 'assistant', 'ecommerce'),
  user('assistant6', '郑雅文', 'assistant', 'salesSupport'),
  user('assistant7', '何俊杰', 'assistant', 'keyAccount'),
  user('assistant8', '许梦瑶', 'assistant', 'smb'),
];

export const DEMO_USERS: readonly DemoUser[] = [...API_DEMO_USERS, ...EXTRA_ASSISTANTS];
