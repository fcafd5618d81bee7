import { canRole, type DocRecord, type DocumentDefinition, type RuleContext } from './definition';
import { getDefinition } from './documents';
import { refusal, type Refusal } from './refusal';
import type { Actor, Role } from './roles';

/**
 * Who may do what, in one place: the SPA's `authProvider.canAccess` and the server's checks
 * both call these functions.
 */

/** Screens that are not resources. */
const PAGES: Record<string, readonly Role[] | 'all'> = {
  dashboard: 'all',
  myWork: 'all',
  settings: ['admin'],
  /** dashboards and reports (6.1.1, 6.10.4): the people who run the meetings and manage */
  reports: ['teamLead', 'csManager', 'branchGM', 'salesManager', 'financeDirector', 'admin'],
};

/** Users: everyone reads names for references, only admin sees the users screen. */
const ADMIN_ONLY_SCREENS: Record<string, readonly Role[]> = { users: ['admin'] };

export function canAccess(user: Actor, resource: string, action: string, record?: DocRecord): boolean {
  if (resource in PAGES) return canRole(PAGES[resource], user.role);
  const def = getDefinition(resource);
  if (!def) return false;
  switch (action) {
    case 'list':
    case 'show':
    case 'export':
      if (ADMIN_ONLY_SCREENS[resource] && action !== 'show') return ADMIN_ONLY_SCREENS[resource].includes(user.role);
      return canRole(def.access.read, user.role) && (!record || rowVisible(def, record, user));
    case 'create':
      return canRole(def.access.create, user.role);
    case 'edit':
      return canRole(def.access.edit, user.role) && (!record || editRefusal(def, record, user) === null);
    case 'delete':
      return false; // 6.x documents are cancelled, never deleted
    default:
      return canTakeAction(def, user, action, record);
  }
}

/** The role appears in some transition named `action` (and, with a record, in one from its state). */
export function canTakeAction(def: DocumentDefinition, user: Actor, action: string, record?: DocRecord): boolean {
  const wf = def.workflow;
  if (!wf) return false;
  return wf.transitions.some(
    (t) => t.action === action && t.roles.includes(user.role) && (!record || t.from.includes(String(record.status))),
  );
}

/** PUT is allowed while the document is editable, for its owner's role (api.md). */
export function editRefusal(def: DocumentDefinition, record: DocRecord, user: Actor): Refusal | null {
  if (!canRole(def.access.edit, user.role))
    return refusal('forbidden', '您的角色不能修改此类资料', 'Your role may not edit these records');
  const wf = def.workflow;
  if (wf) {
    const state = wf.states[String(record.status)];
    if (!state?.editable)
      return refusal(
        'conflict',
        `"${state?.label.zh ?? record.status}"状态的单据不能修改`,
        `A document in status "${state?.label.en ?? record.status}" cannot be edited`,
      );
  }
  if (def.ownerField && user.role === 'assistant') {
    // an assistant edits the documents they own or created; one nobody owns yet is open to them
    const owner = record[def.ownerField];
    if (owner != null && owner !== user.id && record.createdBy !== user.id)
      return refusal('forbidden', '只能修改自己的单据', 'You can only edit your own documents');
  }
  return null;
}

/**
 * Rows a role has no business with are not readable. Returns a filter the store adds to every
 * list/get, or null for no restriction.
 */
export function readScope(def: DocumentDefinition, user: Actor): Record<string, unknown> | null {
  if (def.resource === 'orders' && user.role === 'driver')
    return { status: ['picked', 'invoiced', 'shipped', 'delivered', 'closed'] };
  return null;
}

export function rowVisible(def: DocumentDefinition, record: DocRecord, user: Actor): boolean {
  const scope = readScope(def, user);
  if (!scope) return true;
  return Object.entries(scope).every(([k, v]) => (Array.isArray(v) ? v.includes(record[k]) : record[k] === v));
}

export type { RuleContext };

/**
 * The entries of a record's history (GET …/history) the caller may read: the audit log's readers
 * read them all (they read the whole log); others read a record's history only as far as they read
 * the record — not the users screen's (role changes, deactivations, password changes: admin's), and
 * never the changes of a field hidden from their role (`readableBy`, e.g. a product's cost) or
 * secret (a password). An update left with no change they may see is left out.
 */
export function historyFor<E extends Record<string, unknown>>(
  def: DocumentDefinition,
  entries: readonly E[],
  user: Actor,
): E[] {
  const audit = getDefinition('auditLog');
  if (audit && canRole(audit.access.read, user.role)) return [...entries];
  if (ADMIN_ONLY_SCREENS[def.resource] && !ADMIN_ONLY_SCREENS[def.resource].includes(user.role)) return [];
  const hidden = new Set(
    Object.entries(def.fields)
      .filter(([, f]) => f.secret || (f.readableBy && !f.readableBy.includes(user.role)))
      .map(([k]) => k),
  );
  hidden.add('password');
  const out: E[] = [];
  for (const e of entries) {
    const changes = e.changes && typeof e.changes === 'object' ? (e.changes as Record<string, unknown>) : {};
    const kept = Object.fromEntries(Object.entries(changes).filter(([k]) => !hidden.has(k)));
    if (Object.keys(kept).length === 0 && Object.keys(changes).length > 0 && e.action === 'update') continue;
    out.push(Object.keys(kept).length === Object.keys(changes).length ? e : { ...e, changes: kept });
  }
  return out;
}
