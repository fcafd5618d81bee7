import type { DocumentDefinition } from '../definition';
import { APPROVALS_DOCS } from './approvals';
import { auditLog } from './auditLog';
import { customers } from './customers';
import { orders } from './orders';
import { products } from './products';
import { SALES_DOCS } from './sales';
import { SERVICE_DOCS } from './service';
import { settings } from './settings';
import { users } from './users';

/** Every resource of the API, from its definition. Later document types are added here. */
export const DEFINITIONS: Record<string, DocumentDefinition> = {
  orders,
  ...SALES_DOCS,
  ...SERVICE_DOCS,
  ...APPROVALS_DOCS,
  customers,
  products,
  users,
  auditLog,
  settings,
};

/** The resources defined in this folder: their tables come from reviewed migrations (server/store/pg/migrations). */
export const BUILT_IN: ReadonlySet<string> = new Set(Object.keys(DEFINITIONS));

/**
 * Adds a document type from its definition alone (an extension, or a test's fixture), before the
 * server or store starts: routes, access, validation, workflow, inbox, exports, prints and the seed
 * follow from the registry; a PostgreSQL store creates its table from the definition
 * (server/store/pg/ddl.ts) when no migration has. Refuses a resource already registered.
 */
export function registerDocument(def: DocumentDefinition): void {
  if (Object.hasOwn(DEFINITIONS, def.resource)) throw new Error(`document type ${def.resource} is already registered`);
  DEFINITIONS[def.resource] = def;
}

export function getDefinition(resource: string): DocumentDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, resource) ? DEFINITIONS[resource] : undefined;
}
