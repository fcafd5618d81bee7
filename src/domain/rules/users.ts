import type { DocRecord } from '../definition';
import { refusal, type Refusal } from '../refusal';

/**
 * The desk always keeps an administrator: only an administrator manages users and settings, so
 * the last active one can be neither demoted nor deactivated — by another admin or by themself.
 * The server refuses it (users' rules, with the count of the other active admins read with the
 * other user writers waiting); the users screen does not offer it (UserActiveToggle).
 */
export const LAST_ADMIN_RULE = 'users.lastAdmin';

/** a user who may manage users and settings now */
export const isActiveAdmin = (u: Record<string, unknown> | undefined): boolean =>
  !!u && u.role === 'admin' && u.active !== false;

/** would the record, as it is after this change, leave no active admin? `otherActiveAdmins` excludes it */
export function lastAdminRefusal(after: DocRecord, otherActiveAdmins: number | null | undefined): Refusal | null {
  if (after.id == null || typeof otherActiveAdmins !== 'number' || otherActiveAdmins > 0 || isActiveAdmin(after))
    return null;
  const r = refusal(
    'conflict',
    '这是唯一启用的系统管理员，不能改为其他角色或停用；请先指定另一位管理员',
    'This is the only active administrator: they cannot be given another role or deactivated; make someone else an administrator first',
    LAST_ADMIN_RULE,
  );
  return { ...r, errors: { [after.role !== 'admin' ? 'role' : 'active']: r.message } };
}

/** for the users screen: is this user the last active admin (so role and active are not offered)? */
export const isLastActiveAdmin = (u: Record<string, unknown> | undefined, activeAdmins: number): boolean =>
  isActiveAdmin(u) && activeAdmins <= 1;
