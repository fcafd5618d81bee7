// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { decide } from '../../src/domain/workflow';
import { registerDocument } from '../../src/domain/documents';
import { formsFor, getForm } from '../../src/print/forms';
import { trainingRequests } from '../fixtures/trainingRequest';
import { actor } from '../helpers/actors';

/**
 * A new document type's printed form needs no layout of its own: the form declared in its definition
 * prints its fields, approvals and signature boxes from the definition (src/print/forms/generic.tsx).
 * The record is the one the workflow makes (decide), not a hand-built one.
 */
registerDocument(trainingRequests);
afterEach(cleanup);

const now = new Date('2026-11-27T06:30:00Z');
const ctx = (role: Parameters<typeof actor>[0], id: number) => ({
  now,
  user: { ...actor(role, id), fullName: role === 'teamLead' ? '刘组长' : '陈经理' },
  refs: {},
  lineRefs: {},
  facts: {},
  settings: {},
});

function approvedRequest() {
  let doc: Record<string, unknown> = {
    id: 3,
    code: 'TR-20261127-0001',
    status: 'managerApproval',
    createdBy: 4,
    assistantId: 4,
    course: '客户投诉处理技巧',
    hours: 8,
    fee: 1200,
    reason: '岗前培训',
    approvals: [],
  };
  const outcome = decide(trainingRequests.workflow, doc, 'approve', ctx('csManager', 9));
  if (!outcome.ok) throw new Error(outcome.refusal.message.en);
  doc = { ...doc, ...outcome.decision.patch, status: outcome.decision.to, approvals: [outcome.decision.approval] };
  return doc;
}

describe('the generic printed form', () => {
  it('is the form of a declared print with no layout, listed for its type and found by id', () => {
    expect(formsFor('trainingRequests').map((f) => f.id)).toEqual(['trainingForm']);
    expect(getForm('trainingForm')).toMatchObject({
      resource: 'trainingRequests',
      clause: 'T.1',
      decl: { officialIn: ['approved'] },
    });
  });

  it('prints the fields by label, references by name, money in yuan, the approvals and a box per deciding role', () => {
    const form = getForm('trainingForm')!;
    const record = approvedRequest();
    expect(record.status).toBe('approved');
    const { container } = render(
      <>
        {form.render({
          record,
          refs: { users: { 4: { id: 4, fullName: '王助理' } } },
          printedBy: '陈经理',
          printedAt: now,
        })}
      </>,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('培训申请表');
    expect(text).toContain('TR-20261127-0001');
    expect(text).toContain('课程：客户投诉处理技巧');
    expect(text).toContain('申请人：王助理');
    expect(text).toContain('¥1,200.00');
    expect(text).toContain('状态：已批准');
    expect(text).toContain('岗前培训');
    expect(text).toContain('陈经理');
    for (const box of ['申请人', '组长', '客户服务中心经理']) expect(text).toContain(`${box}（签名）`);
  });
});
