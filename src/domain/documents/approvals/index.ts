import type { DocumentDefinition } from '../../definition';
import { creditApplications } from './creditApplications';
import { creditFollowUps } from './creditFollowUps';
import { discounts } from './discounts';
import { gifts } from './gifts';
import { scraps } from './scraps';
import { transfers } from './transfers';

/** Document definitions of this family, registered in ../index.ts. */
export const APPROVALS_DOCS: Record<string, DocumentDefinition> = {
  gifts,
  discounts,
  transfers,
  scraps,
  creditApplications,
  creditFollowUps,
};
