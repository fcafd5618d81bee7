import { describe, expect, it } from 'vitest';
import { approvalSteps, rejectedState } from '../../src/domain/approvalSteps';
import type { DocRecord } from '../../src/domain/definition';
import { registerDocument } from '../../src/domain/documents';
import { t } from '../../src/domain/text';
import type { Transition } from '../../src/domain/workflow';
import { seedDemoBranch } from '../../server/seed';
import { MemoryStore } from '../../server/store/json/memoryStore';
import { trainingRequests } from '../fixtures/trainingRequest';

/**
 * The seed of a type without a seed module (server/seed/byWorkflow.ts) walks its workflow graph:
 * here a three-step variant of the fixture whose manager step sends a request of 100 yuan or more
 * on to the branch GM (a target that depends on the document) — reached all the same, and the GM's
 * approval after it. Every document went through the services: decisions by users other than the author.
 */
const wf = trainingRequests.workflow;
registerDocument({
  ...trainingRequests,
  resource: 'trainingPlans',
  codePrefix: 'TP',
  prints: undefined,
  workflow: {
    initial: wf.initial,
    states: {
      ...wf.states,
      rejected: rejectedState(['assistant']),
      directorApproval: { label: t('待总经理审批', 'Awaiting branch GM'), color: 'secondary', waitingOn: ['branchGM'] },
    },
    transitions: [
      ...(wf.transitions as readonly Transition[]).filter((x) => !x.decision),
      ...approvalSteps(
        [
          { state: 'leadReview', roles: ['teamLead'], next: 'managerApproval' },
          {
            state: 'managerApproval',
            roles: ['csManager'],
            next: (d) => (Number(d.fee) >= 100 ? 'directorApproval' : 'approved'),
          },
          { state: 'directorApproval', roles: ['branchGM'], next: 'approved' },
        ],
        { rule: 'T.2' },
      ),
    ],
  },
});

class Inspectable extends MemoryStore {
  seeded(resource: string): DocRecord[] {
    return (this.state as unknown as Record<string, DocRecord[]>)[resource];
  }
}

describe('the seed of a type with no seed module', () => {
  it('reaches every state of its workflow, a target that depends on the document included', async () => {
    const store = new Inspectable();
    const now = new Date('2026-11-27T06:30:00Z');
    const counts = await seedDemoBranch(store, {
      now,
      customers: 10,
      days: 2,
      perWorkingDay: 4,
      seed: 3,
      hashPassword: async (pw) => `hash:${pw}`,
    });
    const rows = store.seeded('trainingPlans');
    expect(counts.trainingPlans).toBe(rows.length);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['draft', 'rejected', 'cancelled', 'leadReview', 'managerApproval', 'directorApproval', 'approved']),
    );
    const approved = rows.find((r) => r.status === 'approved')!;
    expect((approved.approvals as { action: string; role: string }[]).map((a) => `${a.action}:${a.role}`)).toEqual([
      'submit:assistant',
      'approve:teamLead',
      'approve:csManager',
      'approve:branchGM',
    ]);
    for (const r of rows) {
      expect(String(r.code)).toMatch(/^TP-/);
      expect(Date.parse(String(r.updatedAt))).toBeLessThanOrEqual(now.getTime());
      for (const a of r.approvals as { decision: string; by: number }[])
        if (a.decision !== 'other') expect(a.by).not.toBe(r.createdBy);
    }
  });
});
