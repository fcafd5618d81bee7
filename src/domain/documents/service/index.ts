import type { DocumentDefinition } from '../../definition';
import { complaints } from './complaints';
import { feedbacks } from './feedbacks';
import { memberFollowUps } from './memberFollowUps';
import { returns } from './returns';
import { sampleLoans } from './sampleLoans';
import { serviceTickets } from './serviceTickets';
import { workLogs } from './workLogs';

/** Document definitions of this family, registered in ../index.ts. */
export const SERVICE_DOCS: Record<string, DocumentDefinition> = {
  returns,
  complaints,
  feedbacks,
  sampleLoans,
  serviceTickets,
  workLogs,
  memberFollowUps,
};
