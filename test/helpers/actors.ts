import type { Actor, Role } from '../../src/domain/roles';

/** a caller as the server's auth makes one (server/core/auth.ts toActor): named after its role */
export const actor = (role: Role, id = 1, group: Actor['group'] = null): Actor => ({
  id,
  username: role,
  fullName: role,
  role,
  group,
});
