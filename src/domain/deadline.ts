import { addDays, atShanghai } from './calendar';
import type { DocRecord, DocumentDefinition } from './definition';
import type { Clock } from './duration';
import { returnedStates } from './workflow';

/**
 * The deadline that runs on a document now, and on which clock: the state's own field
 * (`stateDeadlines`, e.g. a web order's 10 minutes) or the type's `deadlineField`. None on a
 * document in a final state, nor on one returned to its author (已退回) unless that state names
 * a deadline of its own. The lists' countdowns, the inbox and its "overdue" marks all use this.
 */
export interface RunningDeadline {
  field: string;
  at: string;
  clock: Clock;
}

export function runningDeadline(def: DocumentDefinition, record: DocRecord): RunningDeadline | null {
  const status = String(record.status ?? '');
  const wf = def.workflow;
  if (wf?.states[status]?.final) return null;
  const states = def.stateDeadlines ?? {};
  if (Object.hasOwn(states, status) && states[status] === null) return null;
  const own = states[status];
  if (!own && returnedStates(wf).has(status)) return null;
  const field = own ?? def.deadlineField;
  if (!field || field === 'createdAt') return null; // a state "timed" from its creation has no deadline to meet
  const v = record[field];
  if (typeof v !== 'string' || !v || Number.isNaN(Date.parse(v))) return null;
  // a day (valid until, the visit's day) runs to the end of that Shanghai day
  const at = /^\d{4}-\d{2}-\d{2}$/.test(v) ? atShanghai(addDays(v, 1)).toISOString() : v;
  return { field, at, clock: clockOf(def, field) };
}

/**
 * The deadline of the document's current state when the state names one of its own
 * (`stateDeadlines`: a web order awaiting confirmation runs on `confirmDeadline`), else null —
 * what a state's own countdown shows (the order's 10-minute badge, 5.1.1).
 */
export function stateDeadline(def: DocumentDefinition, record: DocRecord): RunningDeadline | null {
  const own = def.stateDeadlines?.[String(record.status ?? '')];
  if (!own) return null;
  const d = runningDeadline(def, record);
  return d && d.field === own ? d : null;
}

/** The clock a deadline field is counted on (FieldDef.clock; wall-clock by default). */
export function clockOf(def: DocumentDefinition, field: string): Clock {
  return Object.hasOwn(def.fields, field) && def.fields[field].clock === 'working' ? 'working' : 'calendar';
}

/** Past its running deadline, or flagged overdue by the type's own rule (a loan not back, 6.11.2). */
export function isOverdue(def: DocumentDefinition, record: DocRecord, now: Date): boolean {
  if (def.overdue?.(record, now)) return true;
  const d = runningDeadline(def, record);
  return !!d && Date.parse(d.at) < now.getTime();
}
