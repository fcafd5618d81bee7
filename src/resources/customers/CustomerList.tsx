import { usePermissions } from 'react-admin';
import { customers } from '../../domain/documents/customers';
import type { Role } from '../../domain/roles';
import { GeneratedList } from '../GeneratedList';
import { TierOverrideButton } from './TierOverrideButton';

/** The generated customer list; the CS Center manager's rows carry the tier override (5.6.2). */
export function CustomerList() {
  const { permissions } = usePermissions<Role>();
  return (
    <GeneratedList
      def={customers}
      leadingColumns={permissions === 'csManager' ? <TierOverrideButton label="" /> : undefined}
    />
  );
}
