import type { PrintForm } from '../types';
import { deliveryNote } from './deliveryNote';

/** Every printable form, by id. */
export const PRINT_FORMS: Record<string, PrintForm> = { deliveryNote };

export const formsFor = (resource: string) => Object.values(PRINT_FORMS).filter((f) => f.resource === resource);
export const getForm = (id: string) => (Object.hasOwn(PRINT_FORMS, id) ? PRINT_FORMS[id] : undefined);
