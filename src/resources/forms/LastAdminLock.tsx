import { cloneElement, type ReactElement } from 'react';
import { useGetList, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useText } from '../../app/i18n/i18nProvider';
import { getDefinition } from '../../domain/documents';
import type { Role } from '../../domain/roles';
import { isActiveAdmin, isLastActiveAdmin } from '../../domain/rules/users';
import { inputFor } from '../inputFor';

/**
 * A user's role or active switch, not offered for the last active administrator (rules/users.ts,
 * which the server enforces): the input is shown disabled, saying why. The count of active
 * admins is asked only when the user on screen is one.
 */
function LastAdminLock({ field, mode }: { field: 'role' | 'active'; mode: 'create' | 'edit' }): ReactElement | null {
  const record = useRecordContext();
  const text = useText();
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const asks = mode === 'edit' && isActiveAdmin(record);
  const { total } = useGetList(
    'users',
    {
      filter: { role: 'admin', active: true },
      pagination: { page: 1, perPage: 2 },
      sort: { field: 'id', order: 'ASC' },
    },
    { enabled: asks },
  );
  const input = inputFor(getDefinition('users')!, field, { mode, role: permissions, text });
  if (!input || !asks || total === undefined || !isLastActiveAdmin(record, total)) return input;
  return cloneElement(input as ReactElement<{ disabled?: boolean; helperText?: string }>, {
    disabled: true,
    helperText: translate('app.user.lastAdmin'),
  });
}

export const UserRoleInput = ({ mode }: { mode: 'create' | 'edit' }) => <LastAdminLock field="role" mode={mode} />;
export const UserActiveInput = ({ mode }: { mode: 'create' | 'edit' }) => <LastAdminLock field="active" mode={mode} />;
