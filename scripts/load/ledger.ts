import { lineTotalFen, sumFen, yuanToFen, fenToYuan } from '../../src/domain/money';
import { deliveryFeeFen } from '../../src/domain/rules/delivery';

/**
 * What the server acknowledged during the run, per order: every 201 / 200 with the version and
 * status it answered, and for the writes that set the content (create, PUT) what the clerk sent.
 * The verification compares the store with this afterwards.
 */

export interface Line {
  productId: number;
  qty: number;
  unitPrice: number;
}

export interface Content {
  customerId: number;
  lines: Line[];
  /** the total the client expects: Σ qty × price in fen, plus the delivery fee (5.3.1) */
  total: number;
}

export type AckKind = 'create' | 'update' | 'submit' | 'approve' | 'reject';

export interface Ack {
  kind: AckKind;
  version: number;
  status: string;
  by: string;
  /** create / update: what was sent */
  content?: Content;
  /** approve: csManager approve entries in the answered record */
  csApprovals?: number;
}

export interface Tracked {
  id: number;
  code: string | null;
  /** created (201) during the run by a simulated clerk */
  runCreated: boolean;
  acks: Ack[];
}

export function expectedTotal(lines: Line[]): number {
  const subtotal = sumFen(lines.map((l) => lineTotalFen(yuanToFen(l.unitPrice), l.qty)));
  return fenToYuan(subtotal + deliveryFeeFen(subtotal));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const csApproveCount = (rec: any) =>
  (Array.isArray(rec?.approvals) ? rec.approvals : []).filter(
    (a: { role?: string; decision?: string }) => a?.role === 'csManager' && a?.decision === 'approve',
  ).length;

export class Ledger {
  readonly orders = new Map<number, Tracked>();
  /** acknowledged responses whose body disagreed with the request (reported as failures) */
  readonly ackMismatches: string[] = [];

  private track(id: number, code: string | null, runCreated: boolean): Tracked {
    let t = this.orders.get(id);
    if (!t) {
      t = { id, code, runCreated, acks: [] };
      this.orders.set(id, t);
    }
    if (code && !t.code) t.code = code;
    if (runCreated) t.runCreated = true;
    return t;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  created(by: string, sent: Content, rec: any) {
    const t = this.track(Number(rec.id), String(rec.code), true);
    t.acks.push({ kind: 'create', version: Number(rec.version), status: String(rec.status), by, content: sent });
    this.checkEcho(`create ${rec.code}`, sent, rec);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  updated(by: string, sent: Content, rec: any) {
    const t = this.track(Number(rec.id), rec.code ? String(rec.code) : null, false);
    t.acks.push({ kind: 'update', version: Number(rec.version), status: String(rec.status), by, content: sent });
    this.checkEcho(`update ${rec.code}`, sent, rec);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  acted(by: string, kind: 'submit' | 'approve' | 'reject', rec: any) {
    const t = this.track(Number(rec.id), rec.code ? String(rec.code) : null, false);
    t.acks.push({
      kind,
      version: Number(rec.version),
      status: String(rec.status),
      by,
      ...(kind === 'approve' ? { csApprovals: csApproveCount(rec) } : {}),
    });
  }

  isRunCreated(id: number) {
    return this.orders.get(id)?.runCreated === true;
  }

  /** the acknowledged answer must say what was asked */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private checkEcho(what: string, sent: Content, rec: any) {
    const diff = contentDiff(sent, rec);
    if (diff) this.ackMismatches.push(`${what}: ${diff}`);
  }

  get createdCodes(): string[] {
    return [...this.orders.values()].filter((t) => t.runCreated && t.code).map((t) => t.code!);
  }
}

/** null when the record has the content's customer, lines and total; else what differs */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function contentDiff(c: Content, rec: any): string | null {
  if (Number(rec?.customerId) !== c.customerId) return `customer ${rec?.customerId} ≠ ${c.customerId}`;
  const got: Line[] = (Array.isArray(rec?.lines) ? rec.lines : []).map((l: Line) => ({
    productId: Number(l.productId),
    qty: Number(l.qty),
    unitPrice: Number(l.unitPrice),
  }));
  const a = JSON.stringify(got);
  const b = JSON.stringify(c.lines.map((l) => ({ productId: l.productId, qty: l.qty, unitPrice: l.unitPrice })));
  if (a !== b) return `lines ${a} ≠ ${b}`;
  if (Number(rec?.total) !== c.total) return `total ${rec?.total} ≠ ${c.total}`;
  return null;
}
