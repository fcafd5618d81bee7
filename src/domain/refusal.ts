import type { Text } from './text';

/**
 * Why something is refused, in the procedure's terms: its `kind` — the record is not there
 * (not-found), the role may not (forbidden), the document's state or version does not allow it
 * (conflict), a business rule says no (rule), the input is not what the field takes (invalid).
 * `rule` names the clause ("6.12.2"); `errors` are per-field messages react-admin shows under inputs.
 * The HTTP layer (server/core/refusal.ts) answers each kind with its status code.
 */
export type RefusalKind = 'invalid' | 'not-found' | 'forbidden' | 'conflict' | 'rule';

export interface Refusal {
  kind: RefusalKind;
  rule?: string;
  message: Text;
  errors?: Record<string, Text>;
}

/** A business rule refuses; the clause is appended to both messages. */
export function ruleRefusal(rule: string, zh: string, en: string, field?: string): Refusal {
  const message = { zh: `${zh} (${rule})`, en: `${en} (${rule})` };
  return { kind: 'rule', rule, message, errors: field ? { [field]: message } : undefined };
}

export function refusal(kind: RefusalKind, zh: string, en: string, rule?: string): Refusal {
  return { kind, rule, message: rule ? { zh: `${zh} (${rule})`, en: `${en} (${rule})` } : { zh, en } };
}

/** Merge several refusals into one carrying every field error (first one leads). */
export function combineRefusals<R extends { errors?: Record<string, Text> }>(list: R[]): R | null {
  if (list.length === 0) return null;
  const errors: Record<string, Text> = {};
  for (const r of list) Object.assign(errors, r.errors ?? {});
  return { ...list[0], errors: Object.keys(errors).length ? errors : undefined };
}
