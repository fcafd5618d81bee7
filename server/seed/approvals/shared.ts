import type { DocRecord } from '../../../src/domain/definition';
import type { Actor } from '../../../src/domain/roles';
import { walk, type SeedDocsContext } from '../walk';

/** What the approvals seeders share: master data read once, the demo users, a step walker. */
export interface ApprovalsSeed extends SeedDocsContext {
  customers: DocRecord[];
  products: DocRecord[];
  assistants: Actor[];
  today: string;
  /** the assistant who looks after a customer (else any assistant) */
  assistantOf: (customer: DocRecord) => Actor;
}

export interface Step {
  action: string;
  by: Actor;
  comment?: string;
  /** the step's params (fields entered with it) */
  extra?: DocRecord;
}

/** Create at times[0], then each step at the next time. */
export function walkAt(
  s: ApprovalsSeed,
  resource: string,
  by: Actor,
  body: DocRecord,
  steps: Step[],
  times: Date[],
): Promise<DocRecord> {
  if (times.length < steps.length + 1) throw new Error(`seed: ${resource} needs ${steps.length + 1} times`);
  return walk(
    s,
    resource,
    { by, at: times[0], body },
    steps.map((st, i) => ({ ...st, at: times[i + 1] })),
  );
}
