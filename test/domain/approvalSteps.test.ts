import { describe, expect, it } from 'vitest';
import { approvalSteps, rejectedState } from '../../src/domain/approvalSteps';
import type { DocRecord, RuleContext } from '../../src/domain/definition';
import type { Role } from '../../src/domain/roles';
import { availableActions, decide, returnedStates, type Workflow } from '../../src/domain/workflow';
import { DEFINITIONS } from '../../src/domain/documents';
import { t } from '../../src/domain/text';
import { actor } from '../helpers/actors';

/** Approval ladders from data (approvalSteps) and the self-approval guard; the seed's paths through a workflow. */

const ctx = (role: Role, id: number): RuleContext => ({
  now: new Date('2026-11-27T06:30:00Z'),
  user: actor(role, id),
  refs: {},
  lineRefs: {},
  facts: {},
  settings: {},
});

const wf: Workflow = {
  initial: () => 'draft',
  states: {
    draft: { label: t('草稿', 'Draft'), color: 'default', editable: true },
    rejected: rejectedState(['assistant']),
    review: { label: t('待审核', 'Review'), color: 'info', waitingOn: ['teamLead'] },
    final: { label: t('待审批', 'Approval'), color: 'info', waitingOn: ['csManager'] },
    approved: { label: t('已批准', 'Approved'), color: 'success', final: true },
  },
  transitions: [
    {
      action: 'submit',
      label: t('提交', 'Submit'),
      from: ['draft', 'rejected'],
      roles: ['assistant', 'teamLead'],
      to: 'review',
    },
    ...approvalSteps(
      [
        { state: 'review', roles: ['teamLead'], next: 'final' },
        {
          state: 'final',
          roles: ['csManager'],
          next: 'approved',
          allowSelfApproval: true,
          effect: () => ({ approvedAt: 'x' }),
        },
      ],
      { rule: 'T.1' },
    ),
  ],
};

describe('approvalSteps', () => {
  it('makes an approve and a reject per step: decisions, a reason to reject, list and bulk buttons, back to 已退回', () => {
    const steps = wf.transitions.filter((x) => x.decision);
    expect(steps.map((x) => `${x.action}:${x.from.join()}:${x.roles.join()}`)).toEqual([
      'approve:review:teamLead',
      'approve:final:csManager',
      'reject:review:teamLead',
      'reject:final:csManager',
    ]);
    for (const s of steps.filter((x) => x.action === 'reject'))
      expect(s).toMatchObject({
        to: 'rejected',
        decision: 'reject',
        commentRequired: true,
        bulk: true,
        tone: 'danger',
      });
    expect(returnedStates(wf)).toEqual(new Set(['rejected']));
    expect(wf.states.rejected).toMatchObject({ color: 'error', editable: true, waitingOn: ['assistant'] });
    const doc: DocRecord = { status: 'review', createdBy: 5 };
    const ok = decide(wf, doc, 'approve', ctx('teamLead', 9));
    expect(ok.ok && ok.decision).toMatchObject({
      to: 'final',
      approval: { decision: 'approve', role: 'teamLead', by: 9 },
    });
    const noReason = decide(wf, doc, 'reject', ctx('teamLead', 9));
    expect(!noReason.ok && noReason.refusal.status).toBe(422);
    const back = decide(wf, doc, 'reject', ctx('teamLead', 9), '不合适');
    expect(back.ok && back.decision.to).toBe('rejected');
    const last = decide(wf, { status: 'final', createdBy: 5, fee: 1 }, 'approve', ctx('csManager', 7));
    expect(last.ok && last.decision).toMatchObject({ to: 'approved', patch: { approvedAt: 'x' } });
  });

  it('the creator may not approve their own document unless the step allows it (403 naming the clause; no button)', () => {
    const mine: DocRecord = { status: 'review', createdBy: 9 };
    const self = decide(wf, mine, 'approve', ctx('teamLead', 9));
    expect(!self.ok && self.refusal).toMatchObject({ status: 403, rule: 'T.1' });
    expect(!self.ok && self.refusal.message.zh).toContain('不能审批自己录入的单据');
    expect(availableActions(wf, mine, ctx('teamLead', 9)).map((a) => a.action)).toEqual(['reject']);
    expect(availableActions(wf, mine, ctx('teamLead', 8)).map((a) => a.action)).toEqual(['approve', 'reject']);
    // the CS manager's step allows it
    expect(decide(wf, { status: 'final', createdBy: 7 }, 'approve', ctx('csManager', 7)).ok).toBe(true);
  });
});

describe('the ladders of the product are built from data', () => {
  const LADDERS: Record<string, string> = {
    scraps: '6.15',
    transfers: '6.13',
    inquiries: '5.10',
    quotes: '6.4',
    specialOrders: '6.5.4',
    returns: '6.9',
    gifts: '6.12',
    discounts: '6.14',
    creditApplications: '5.11.2',
  };
  it.each(Object.entries(LADDERS))(
    '%s: every approve step refuses its author (self-approval, %s) and takes another user',
    (resource, rule) => {
      const def = DEFINITIONS[resource];
      const steps = def.workflow!.transitions.filter((x) => x.action === 'approve');
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        const state = step.from[0];
        const role = step.roles[0];
        const self = decide(def.workflow!, { status: state, createdBy: 77 }, 'approve', ctx(role, 77));
        expect(!self.ok && self.refusal, `${resource} ${state}`).toMatchObject({ status: 403, rule });
        const other = decide(def.workflow!, { status: state, createdBy: 77 }, 'approve', ctx(role, 78));
        expect(!other.ok && other.refusal.status === 403, `${resource} ${state} by another`).toBe(false);
      }
      // 已退回 is the same state everywhere: back with the author, editable
      expect(def.workflow!.states.rejected).toMatchObject({ color: 'error', editable: true });
    },
  );
});
