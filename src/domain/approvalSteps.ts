import type { DocRecord, RuleContext } from './definition';
import { refusal, type Refusal } from './refusal';
import type { Role } from './roles';
import { t, type Text } from './text';
import type { StateDef, Transition } from './workflow';

/**
 * Approval ladders from data: each step is the state a document waits in, the roles who decide
 * there and where an approval sends it; `approvalSteps` makes the approve and reject transitions
 * (decisions recorded in `approvals`; a reason required to reject; list and bulk buttons), and
 * `rejectedState` the 已退回 state a rejection sends the document back to its author in.
 *
 * Self-approval (as Frappe's `allow_self_approval`): whoever entered the document (`createdBy`)
 * may not approve it at a step unless the step allows it (`allowSelfApproval`); the refusal (403)
 * names the ladder's clause, and the approve button is not offered to them.
 */

export interface ApprovalStep {
  /** the state in which the document waits for this decision */
  state: string;
  roles: readonly Role[];
  /** where an approval sends it: the next step's state or the final one (a function: by the document, e.g. within the GM's limit) */
  next: Transition['to'];
  /** the approve button (default 审批通过 / Approve) */
  label?: Text;
  /** the reject button (default 退回 / Reject) */
  rejectLabel?: Text;
  /** where a rejection sends it (default `rejected`); false: this step cannot reject */
  rejectTo?: string | false;
  /** the creator may approve their own document at this step (default false) */
  allowSelfApproval?: boolean;
  /** taken for many rows at once (default true) */
  bulk?: boolean;
  /** the reject taken for many rows at once (default: as `bulk`) */
  rejectBulk?: boolean;
  /** a comment is required to approve too (a reason is always required to reject) */
  commentRequired?: boolean;
  /** fields a rejection sets (e.g. when the answer was given) */
  rejectEffect?: Transition['effect'];
  /** more about who may approve (ownership, group): refusal → 403 */
  actor?: Transition['actor'];
  guard?: Transition['guard'];
  effect?: Transition['effect'];
  effects?: Transition['effects'];
  params?: Transition['params'];
}

export interface LadderOptions {
  /** the clause the approvals implement, named in the self-approval refusal */
  rule: string;
}

export const APPROVE_LABEL = t('审批通过', 'Approve');
export const SUBMIT_LABEL = t('提交审核', 'Submit');
export const REJECT_LABEL = t('退回', 'Reject');

/** The creator of the document may not approve it (Frappe's allow_self_approval off). */
export const notSelfApproval =
  (rule: string) =>
  (doc: DocRecord, ctx: RuleContext): Refusal | null =>
    doc.createdBy != null && doc.createdBy === ctx.user.id
      ? refusal('forbidden', '不能审批自己录入的单据', 'You cannot approve a document you entered yourself', rule)
      : null;

const both =
  (a: Transition['actor'], b: Transition['actor']): Transition['actor'] =>
  (doc, ctx) =>
    a?.(doc, ctx) ?? b?.(doc, ctx) ?? null;

/** The approve transitions of the steps, in order, then their reject transitions. */
export function approvalSteps(steps: readonly ApprovalStep[], opts: LadderOptions): Transition[] {
  const approve = steps.map((s): Transition => ({
    action: 'approve',
    label: s.label ?? APPROVE_LABEL,
    from: [s.state],
    roles: s.roles,
    to: s.next,
    decision: 'approve',
    ...(s.commentRequired ? { commentRequired: true } : {}),
    ...((s.bulk ?? true) ? { bulk: true } : {}),
    tone: 'primary',
    actor: s.allowSelfApproval ? s.actor : both(s.actor, notSelfApproval(opts.rule)),
    ...(s.guard ? { guard: s.guard } : {}),
    ...(s.effect ? { effect: s.effect } : {}),
    ...(s.effects ? { effects: s.effects } : {}),
    ...(s.params ? { params: s.params } : {}),
  }));
  const reject = steps
    .filter((s) => s.rejectTo !== false)
    .map((s): Transition => ({
      action: 'reject',
      label: s.rejectLabel ?? REJECT_LABEL,
      from: [s.state],
      roles: s.roles,
      to: s.rejectTo || 'rejected',
      decision: 'reject',
      commentRequired: true,
      ...((s.rejectBulk ?? s.bulk ?? true) ? { bulk: true } : {}),
      tone: 'danger',
      ...(s.actor ? { actor: s.actor } : {}),
      ...(s.rejectEffect ? { effect: s.rejectEffect } : {}),
    }));
  return [...approve, ...reject];
}

/** The author's step into the ladder: from a draft, or back from 已退回 (`rejectedState`). */
export interface SubmitStep {
  roles: readonly Role[];
  /** the ladder's first state */
  to: string;
  /** the button (default 提交审核 / Submit) */
  label?: Text;
  /** who may submit this one (the owner, the creator): refusal → 403 */
  actor?: Transition['actor'];
  guard?: Transition['guard'];
  /** fields set besides `submittedAt` */
  effect?: Transition['effect'];
}

/** The submit transition: from `draft` or `rejected` to the first step, stamping `submittedAt`. */
export function submitStep(s: SubmitStep): Transition {
  return {
    action: 'submit',
    label: s.label ?? SUBMIT_LABEL,
    from: ['draft', 'rejected'],
    roles: s.roles,
    to: s.to,
    ...(s.actor ? { actor: s.actor } : {}),
    ...(s.guard ? { guard: s.guard } : {}),
    effect: (doc, ctx) => ({ submittedAt: ctx.now.toISOString(), ...s.effect?.(doc, ctx) }),
    tone: 'primary',
  };
}

/** 已退回: back with its author (`waitingOn`), who may edit it and submit it again. */
export const rejectedState = (waitingOn: readonly Role[], label: Text = t('已退回', 'Returned')): StateDef => ({
  label,
  color: 'error',
  editable: true,
  waitingOn,
});
