import type { Text } from './text';

/**
 * Why something is refused. The server answers with `status`; `rule` names the clause of the
 * procedure ("6.12.2"); `errors` are per-field messages react-admin shows under inputs.
 */
export interface Refusal {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;
  rule?: string;
  message: Text;
  errors?: Record<string, Text>;
}

/** A business rule refuses (422); the clause is appended to both messages. */
export function ruleRefusal(rule: string, zh: string, en: string, field?: string): Refusal {
  const message = { zh: `${zh} (${rule})`, en: `${en} (${rule})` };
  return { status: 422, rule, message, errors: field ? { [field]: message } : undefined };
}

export function refusal(status: Refusal['status'], zh: string, en: string, rule?: string): Refusal {
  return { status, rule, message: rule ? { zh: `${zh} (${rule})`, en: `${en} (${rule})` } : { zh, en } };
}

/** Merge several rule refusals into one 422 carrying every field error (first one leads). */
export function combineRefusals(list: Refusal[]): Refusal | null {
  if (list.length === 0) return null;
  const errors: Record<string, Text> = {};
  for (const r of list) Object.assign(errors, r.errors ?? {});
  return { ...list[0], errors: Object.keys(errors).length ? errors : undefined };
}

/** Thrown by server code to end a request with a refusal; nothing has been written. */
export class RefusedError extends Error {
  constructor(public readonly refusal: Refusal) {
    super(refusal.message.en);
  }
}
