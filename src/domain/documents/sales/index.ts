import type { DocumentDefinition } from '../../definition';
import { handwrittenNotes } from './handwrittenNotes';
import { inquiries } from './inquiries';
import { memberships } from './memberships';
import { quotes } from './quotes';
import { requisitions } from './requisitions';
import { specialOrders } from './specialOrders';
import { urgentDeliveries } from './urgentDeliveries';

/** Document definitions of this family, registered in ../index.ts. */
export const SALES_DOCS: Record<string, DocumentDefinition> = {
  quotes,
  inquiries,
  requisitions,
  specialOrders,
  handwrittenNotes,
  urgentDeliveries,
  memberships,
};
