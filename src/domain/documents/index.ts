import type { DocumentDefinition } from '../definition';
import { auditLog } from './auditLog';
import { customers } from './customers';
import { orders } from './orders';
import { products } from './products';
import { users } from './users';

/** Every resource of the API, from its definition. Later document types are added here. */
export const DEFINITIONS: Record<string, DocumentDefinition> = { orders, customers, products, users, auditLog };

export function getDefinition(resource: string): DocumentDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, resource) ? DEFINITIONS[resource] : undefined;
}
