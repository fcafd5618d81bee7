import { DEFINITIONS, getDefinition } from '../../domain/documents';
import type { PrintForm } from '../types';
import { genericForm } from './generic';
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

/** A form declared in a definition with no layout of its own gets the generic one (generic.tsx), made once. */
const generic = new Map<string, PrintForm>();
function declaredForms(resource: string): PrintForm[] {
  return Object.keys(getDefinition(resource)?.prints ?? {})
    .filter((id) => !Object.hasOwn(PRINT_FORMS, id))
    .map((id) => {
      if (!generic.has(id)) generic.set(id, genericForm(resource, id));
      return generic.get(id)!;
    });
}

export const formsFor = (resource: string) => [
  ...Object.values(PRINT_FORMS).filter((f) => f.resource === resource),
  ...declaredForms(resource),
];
export const getForm = (id: string) =>
  Object.hasOwn(PRINT_FORMS, id)
    ? PRINT_FORMS[id]
    : Object.keys(DEFINITIONS)
        .flatMap(declaredForms)
        .find((f) => f.id === id);
