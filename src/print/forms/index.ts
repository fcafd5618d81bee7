import type { PrintForm } from '../types';
import { creditEvaluation } from './creditEvaluation';
import { deliveryNote } from './deliveryNote';
import { discountApproval } from './discountApproval';
import { giftOutboundNote } from './giftOutboundNote';
import { handwrittenReconciliation } from './handwrittenReconciliation';
import { loanTransferNote } from './loanTransferNote';
import { pickingList } from './pickingList';
import { quote } from './quote';
import { draftReturnNote, salesReturnNote } from './returnNotes';
import { scrapApplication } from './scrapApplication';
import { urgentDeliveryMemo } from './urgentDeliveryMemo';

/** Every printable form, in menu order. */
export const ALL_FORMS: readonly PrintForm[] = [
  deliveryNote,
  pickingList,
  quote,
  draftReturnNote,
  salesReturnNote,
  loanTransferNote,
  giftOutboundNote,
  urgentDeliveryMemo,
  discountApproval,
  scrapApplication,
  creditEvaluation,
  handwrittenReconciliation,
];

/** Every printable form, by id (the id is recorded in the record's `prints` and the audit log: letters only). */
export const PRINT_FORMS: Record<string, PrintForm> = Object.fromEntries(ALL_FORMS.map((f) => [f.id, f]));

export const formsFor = (resource: string) => Object.values(PRINT_FORMS).filter((f) => f.resource === resource);
export const getForm = (id: string) => (Object.hasOwn(PRINT_FORMS, id) ? PRINT_FORMS[id] : undefined);
