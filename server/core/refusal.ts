import type { Refusal as DomainRefusal, RefusalKind } from '../../src/domain/refusal';
import type { Text } from '../../src/domain/text';

/**
 * The HTTP layer's refusals. The domain refuses with a kind (src/domain/refusal.ts); here each
 * kind is answered with its status — and the server's own refusals (no login, a body too large,
 * too many attempts, a store down) carry theirs. `RefusedError` ends a request; nothing has been
 * written.
 */
export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

export const STATUS_OF_KIND: Record<RefusalKind, HttpStatus> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rule: 422,
};

export interface Refusal {
  status: HttpStatus;
  rule?: string;
  message: Text;
  errors?: Record<string, Text>;
}

/** A domain refusal as the API answers it: the kind's status, the rest as it is. */
export function toHttp(r: DomainRefusal | Refusal): Refusal {
  if (!('kind' in r)) return r;
  const { kind, ...rest } = r;
  return { status: STATUS_OF_KIND[kind], ...rest };
}

/** A refusal of the server's own, with its status. */
export function refusal(status: HttpStatus, zh: string, en: string, rule?: string): Refusal {
  return { status, rule, message: rule ? { zh: `${zh} (${rule})`, en: `${en} (${rule})` } : { zh, en } };
}

/** Thrown by server code to end a request with a refusal (the domain's, mapped, or the server's own); nothing has been written. */
export class RefusedError extends Error {
  readonly refusal: Refusal;
  constructor(r: DomainRefusal | Refusal) {
    super(r.message.en);
    this.refusal = toHttp(r);
  }
}
