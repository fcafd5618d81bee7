import { bool, column, defineDocument, enumOf, text } from '../definition';
import { ASSISTANT_GROUPS, ROLES } from '../roles';
import { lastAdminRefusal } from '../rules/users';
import { t } from '../text';

/** Users of the system. Everyone may read the safe fields (names in references); admin manages them. */
export const users = defineDocument({
  resource: 'users',
  label: t('用户', 'User'),
  menuLabel: t('用户管理', 'Users'),
  fields: {
    // what a login finds: it lowers the name typed, so a name with capitals could never log in
    username: text(t('用户名', 'Username'), {
      required: true,
      maxLength: 30,
      search: true,
      immutable: true,
      pattern: {
        re: /^[a-z0-9_.-]{1,30}$/,
        hint: t('只能用小写字母、数字和 _ . -', 'only lower-case letters, digits and _ . -'),
      },
    }),
    fullName: text(t('姓名', 'Full name'), { required: true, maxLength: 50, search: true }),
    role: enumOf(t('角色', 'Role'), ROLES, { required: true }),
    group: enumOf(t('小组', 'Group'), ASSISTANT_GROUPS),
    active: bool(t('启用', 'Active'), { default: true }),
    password: text(t('密码', 'Password'), {
      secret: true,
      maxLength: 200,
      help: t('至少8位；留空则不修改', 'At least 8 characters; leave empty to keep'),
    }),
  },
  list: [
    column('username', 'text'),
    column('fullName', 'name'),
    column('role', 'choice'),
    column('group', 'choice'),
    column('active', 'flag'),
  ],
  filters: ['role', 'group', 'active'],
  defaultSort: { field: 'username', order: 'ASC' },
  columns: ['username', 'fullName', 'role', 'group', 'active'],
  access: { read: 'all', create: ['admin'], edit: ['admin'] },
  // the last active admin stays one (rules/users.ts)
  facts: ['otherActiveAdmins'],
  rules: (doc, ctx) => {
    const r = lastAdminRefusal(doc, ctx.facts.otherActiveAdmins as number | undefined);
    return r ? [r] : [];
  },
});
