import type { ReactNode } from 'react';
import type { DocRecord, PrintDecl } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import type { Role } from '../domain/roles';
import type { Text } from '../domain/text';

/** What a printed form is given: the record, the records it references, and who prints when. */
export interface PrintData {
  record: DocRecord;
  /** referenced records by resource and id (customers, products, orders …) */
  refs: Record<string, Record<number, DocRecord>>;
  printedBy: string;
  printedAt: Date;
}

/** The layout of a printed form (this folder); what makes it official is declared in its definition. */
export interface PrintLayout {
  /** which references to load for a record: resource → ids */
  refs?: (record: DocRecord) => Record<string, number[]>;
  /** the order of pages in a bulk print (e.g. delivery notes by route) */
  sortKey?: (data: PrintData) => string;
  render: (data: PrintData) => ReactNode;
}

export interface PrintForm extends PrintLayout {
  /** form id, recorded in the record's `prints` and the audit log */
  id: string;
  resource: string;
  title: Text;
  /** clause of the procedure the form implements */
  clause: string;
  /** roles for whom printing is part of their step (the button shows for them in lists) */
  printers?: readonly Role[];
  /** the definition's declaration: official statuses, who prints it, what happens outside them */
  decl: PrintDecl;
}

/** A form's layout joined to its declaration in the definition (`prints[id]` of `resource`). */
export function printForm(resource: string, id: string, layout: PrintLayout): PrintForm {
  const decl = getDefinition(resource)?.prints?.[id];
  if (!decl) throw new Error(`printed form ${id} is not declared in the ${resource} definition`);
  return {
    id,
    resource,
    title: decl.title,
    clause: decl.clause,
    ...(decl.stepPrinters ? { printers: decl.stepPrinters } : {}),
    decl,
    ...layout,
  };
}
