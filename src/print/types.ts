import type { ReactNode } from 'react';
import type { DocRecord } from '../domain/definition';
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

export interface PrintForm {
  /** form id, recorded in the record's `prints` and the audit log */
  id: string;
  resource: string;
  title: Text;
  /** clause of the procedure the form implements */
  clause: string;
  /** which references to load for a record: resource → ids */
  refs?: (record: DocRecord) => Record<string, number[]>;
  /** roles for whom printing is part of their step (the button shows for them in lists) */
  printers?: readonly Role[];
  /** the order of pages in a bulk print (e.g. delivery notes by route) */
  sortKey?: (data: PrintData) => string;
  render: (data: PrintData) => ReactNode;
}
