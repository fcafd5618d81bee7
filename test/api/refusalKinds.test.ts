import { describe, expect, it } from 'vitest';
import { refusal, ruleRefusal } from '../../src/domain/refusal';
import { decide } from '../../src/domain/workflow';
import { orderWorkflow } from '../../src/domain/documents/orders';
import { RefusedError, STATUS_OF_KIND, toHttp } from '../../server/core/refusal';
import { refusalResponse } from '../../server/core/types';
import { actor } from '../helpers/actors';

/** The domain says what kind of no; the HTTP layer answers it with the status the API has always used. */
describe('refusal kinds → HTTP statuses', () => {
  it('maps each kind to its status, keeping the clause, message and field errors', () => {
    expect(STATUS_OF_KIND).toEqual({ invalid: 400, forbidden: 403, 'not-found': 404, conflict: 409, rule: 422 });
    const r = ruleRefusal('6.7.2', '已有', 'Already', 'orderId');
    expect(toHttp(r)).toEqual({ status: 422, rule: '6.7.2', message: r.message, errors: r.errors });
    expect(new RefusedError(refusal('conflict', '已改', 'Changed')).refusal).toMatchObject({
      status: 409,
      message: { en: 'Changed' },
    });
  });

  it('a workflow refusal reaches the client as the same body and status as before', () => {
    const out = decide(orderWorkflow, { status: 'draft', assistantId: 1, lines: [] }, 'approve', {
      now: new Date(),
      user: actor('csManager', 4),
      refs: {},
      lineRefs: {},
      facts: {},
      settings: {},
    });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.refusal.kind).toBe('conflict');
    const res = refusalResponse(new RefusedError(out.refusal).refusal, 'en');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ message: out.refusal.message.en, messages: out.refusal.message });
  });
});
