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

export function getDefinition(resource: string): DocumentDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, resource) ? DEFINITIONS[resource] : undefined;
}
