import type { Approval, DocRecord, RuleContext } from './definition';
import type { Role } from './roles';
import { refusal, type Refusal } from './refusal';
import type { Text } from './text';

/**
 * The workflow engine: states, transitions, who may take them, and guards that refuse with
 * a clause number. The server runs `decide` for every action; the UI calls `availableActions`
 * to show only the buttons a user may press. Both use these same functions.
 */

export type StateColor = 'default' | 'info' | 'warning' | 'success' | 'error' | 'primary' | 'secondary';

export interface StateDef {
  label: Text;
  color: StateColor;
  /** PUT allowed in this state (by the owner's role) */
  editable?: boolean;
  /** waiting on someone: shown in the "my work" inbox of these roles */
  waitingOn?: readonly Role[];
  /**
   * of the roles in `waitingOn`, those that wait only on some documents in this state: the values
   * (columns of the type) a document must have to wait on them — a picked cash order waits on
   * finance's invoice, a picked credit order on the driver (5.4.2). The inbox adds it to its query.
   */
  waitingWhere?: Partial<Record<Role, Readonly<Record<string, string | number | boolean>>>>;
  final?: boolean;
  /** why a document in this state waits on those roles, in words with the clause (src/domain/explain.ts) */
  because?: Because | ((doc: DocRecord, ctx: RuleContext) => Because);
}

export interface Because {
  text: Text;
  rule?: string;
}

/**
 * What a step does to other records, carried out by the server in the same transaction:
 * stock moves (returns, scrap, transfers), updates of another record (a credit line granted to
 * the customer), and new documents (a quote becomes an order). A refused effect (e.g. stock
 * would go negative) refuses the whole step.
 */
export type Effect =
  | { kind: 'adjustStock'; productId: number; delta: number; rule: string }
  | { kind: 'patch'; resource: string; id: number; patch: DocRecord; rule: string }
  | {
      kind: 'create';
      resource: string;
      record: DocRecord;
      rule: string;
      /** field of this document that receives the new id */ link?: string;
    };

export interface Transition {
  action: string;
  label: Text;
  from: readonly string[];
  roles: readonly Role[];
  to: string | ((doc: DocRecord, ctx: RuleContext) => string);
  /** approve/reject are recorded as decisions in `approvals` */
  decision?: 'approve' | 'reject';
  /** a comment (reason) is required, e.g. on reject */
  commentRequired?: boolean;
  /** extra condition on the actor (ownership, group): refusal → 403 */
  actor?: (doc: DocRecord, ctx: RuleContext) => Refusal | null;
  /**
   * a business rule decided by the document's own fields alone — no facts, nothing entered with
   * the step (e.g. 5.4.2 finance invoices cash orders only): refusal → 422 with the clause, checked
   * before the guard; list rows ask it too (`rowStepRefusal`), so a row shows only the steps it
   * may take, as the server decides them
   */
  precondition?: (doc: DocRecord) => Refusal | null;
  /** business guard: refusal → 422 with the clause */
  guard?: (doc: DocRecord, ctx: RuleContext) => Refusal | null;
  /** fields the transition sets (timestamps, who) */
  effect?: (doc: DocRecord, ctx: RuleContext) => DocRecord;
  /**
   * fields of the definition that the person taking the step enters with it (e.g. the driver
   * records the customer's signature, the warehouse the damage amount); validated against the
   * field definitions, set on the document, visible to guards and effects
   */
  params?: readonly string[];
  /** what the step does to other records (server-run, same transaction) */
  effects?: (doc: DocRecord, ctx: RuleContext) => Effect[];
  /** may be taken for many rows at once from a list (implies `list`) */
  bulk?: boolean;
  /**
   * taken from a list row without opening the document (pick, ship, deliver, close, pay, issue,
   * sign…): a row button for the roles that may take it. Decisions (approve / reject) and bulk
   * steps are list steps unless marked `list: false`.
   */
  list?: boolean;
  tone?: 'primary' | 'danger';
}

export interface Workflow {
  initial: (doc: DocRecord, ctx: RuleContext) => string;
  states: Record<string, StateDef>;
  transitions: readonly Transition[];
}

export interface Decision {
  from: string;
  to: string;
  patch: DocRecord;
  approval: Approval;
  /** what the step does to other records */
  effects: Effect[];
}

export type Outcome = { ok: true; decision: Decision } | { ok: false; refusal: Refusal };

const UNKNOWN_ACTION = (action: string): Refusal => ({
  kind: 'not-found',
  message: { zh: `没有这个操作：${action}`, en: `No such action: ${action}` },
});

/** The transition `role` takes for `action` in `status`: the first that matches (decide and the list rows ask the same). */
function transitionFor(wf: Workflow, action: string, status: string, role: Role): Transition | undefined {
  return wf.transitions.find((t) => t.action === action && t.from.includes(status) && t.roles.includes(role));
}

/** Decide whether `ctx.user` may take `action` on `doc` now; refusals in order 404 → 403 → 409 → 403 → 422. */
export function decide(wf: Workflow, doc: DocRecord, action: string, ctx: RuleContext, comment?: string): Outcome {
  const candidates = wf.transitions.filter((t) => t.action === action);
  if (candidates.length === 0) return { ok: false, refusal: UNKNOWN_ACTION(action) };
  const role = ctx.user.role;
  if (!candidates.some((t) => t.roles.includes(role))) {
    return {
      ok: false,
      refusal: refusal(
        'forbidden',
        `您的角色不能执行"${candidates[0].label.zh}"`,
        `Your role may not ${candidates[0].label.en.toLowerCase()}`,
      ),
    };
  }
  const status = String(doc.status);
  const inState = candidates.filter((t) => t.from.includes(status));
  if (inState.length === 0) {
    const st = wf.states[status]?.label ?? { zh: status, en: status };
    return {
      ok: false,
      refusal: refusal(
        'conflict',
        `当前状态"${st.zh}"不能执行"${candidates[0].label.zh}"`,
        `Cannot ${candidates[0].label.en.toLowerCase()} in status "${st.en}"`,
      ),
    };
  }
  const t = transitionFor(wf, action, status, role);
  if (!t) {
    return { ok: false, refusal: refusal('forbidden', `此步骤不由您的角色处理`, `This step is not for your role`) };
  }
  const actorRefusal = t.actor?.(doc, ctx);
  if (actorRefusal) return { ok: false, refusal: actorRefusal };
  const notApplicable = t.precondition?.(doc);
  if (notApplicable) return { ok: false, refusal: notApplicable };
  if (t.commentRequired && !(comment && comment.trim())) {
    return {
      ok: false,
      refusal: {
        kind: 'rule',
        message: { zh: '请填写原因', en: 'A reason is required' },
        errors: { comment: { zh: '请填写原因', en: 'A reason is required' } },
      },
    };
  }
  const guardRefusal = t.guard?.(doc, ctx);
  if (guardRefusal) return { ok: false, refusal: guardRefusal };
  const to = typeof t.to === 'function' ? t.to(doc, ctx) : t.to;
  const approval: Approval = {
    step: status,
    action: t.action,
    role,
    by: ctx.user.id,
    byName: ctx.user.fullName,
    at: ctx.now.toISOString(),
    decision: t.decision ?? 'other',
    ...(comment && comment.trim() ? { comment: comment.trim() } : {}),
  };
  return {
    ok: true,
    decision: { from: status, to, patch: t.effect?.(doc, ctx) ?? {}, approval, effects: t.effects?.(doc, ctx) ?? [] },
  };
}

export interface AvailableAction {
  action: string;
  label: Text;
  allowed: boolean;
  /** why not, when the role is right but a rule refuses */
  refusal?: Refusal;
  commentRequired: boolean;
  /** fields to enter with the step */
  params: readonly string[];
  decision?: 'approve' | 'reject';
  bulk: boolean;
  tone?: 'primary' | 'danger';
}

/**
 * The actions `ctx.user` sees on `doc` now: every transition out of the current state that
 * the user's role may take; `allowed` false (with the refusal) where a guard says no.
 */
export function availableActions(wf: Workflow, doc: DocRecord, ctx: RuleContext): AvailableAction[] {
  const status = String(doc.status);
  const seen = new Set<string>();
  const out: AvailableAction[] = [];
  for (const t of wf.transitions) {
    if (seen.has(t.action) || !t.from.includes(status) || !t.roles.includes(ctx.user.role)) continue;
    if (t.actor?.(doc, ctx)) continue;
    seen.add(t.action);
    const outcome = decide(wf, doc, t.action, ctx, t.commentRequired ? 'x' : undefined);
    // a business rule that may hinge on what the user enters with the step (its params) is
    // checked when they submit it, not before: the button stays available — but not one the
    // document's own fields already refuse (its precondition)
    const pendingParams =
      !outcome.ok && outcome.refusal.kind === 'rule' && (t.params?.length ?? 0) > 0 && !t.precondition?.(doc);
    out.push({
      action: t.action,
      label: t.label,
      allowed: outcome.ok || pendingParams,
      refusal: outcome.ok || pendingParams ? undefined : outcome.refusal,
      commentRequired: !!t.commentRequired,
      params: t.params ?? [],
      decision: t.decision,
      bulk: !!t.bulk,
      tone: t.tone,
    });
  }
  return out;
}

/**
 * Why a list row does not offer `action` to `role` although the role may take it in the row's
 * state: the step's precondition (the document's own fields), exactly as `decide` checks it.
 * Rules that need facts or params are left to the server (the row's button stays).
 */
export function rowStepRefusal(wf: Workflow | undefined, doc: DocRecord, action: string, role: Role): Refusal | null {
  return (wf && transitionFor(wf, action, String(doc.status), role)?.precondition?.(doc)) ?? null;
}

/** Whether a step is taken from list rows (see Transition.list). */
export const isListStep = (t: Transition): boolean => t.list ?? (!!t.decision || !!t.bulk);

/** The actions taken from list rows, each once, in the workflow's order. */
export function listActions(wf: Workflow | undefined): string[] {
  return [...new Set((wf?.transitions ?? []).filter(isListStep).map((t) => t.action))];
}

/** The actions that may be taken for many rows at once, each once, in the workflow's order. */
export function bulkActions(wf: Workflow | undefined): string[] {
  return [...new Set((wf?.transitions ?? []).filter((t) => t.bulk).map((t) => t.action))];
}

/**
 * States a document is sent back to by a rejection, and reached no other way (已退回): it is with
 * its author again — no deadline runs on it, and the inbox shows why it came back.
 */
export function returnedStates(wf: Workflow | undefined): Set<string> {
  const byReject = new Set<string>();
  const otherwise = new Set<string>();
  for (const t of wf?.transitions ?? []) {
    if (typeof t.to !== 'string') continue;
    (t.decision === 'reject' ? byReject : otherwise).add(t.to);
  }
  return new Set([...byReject].filter((s) => !otherwise.has(s) && !wf?.states[s]?.final));
}

/** Roles that act next on a document in this state (for the "my work" inbox). */
export function waitingOn(wf: Workflow, status: string): readonly Role[] {
  return wf.states[status]?.waitingOn ?? [];
}

/** The roles this document waits on now: its state's `waitingOn`, less those whose `waitingWhere` it does not match. */
export function rolesWaitingOn(state: StateDef | undefined, doc: DocRecord): readonly Role[] {
  const where = state?.waitingWhere ?? {};
  return (state?.waitingOn ?? []).filter((r) => Object.entries(where[r] ?? {}).every(([k, v]) => doc[k] === v));
}

/** The fields a user may enter with `action` on `doc` now (union over the matching transitions). */
export function paramsOf(wf: Workflow, doc: DocRecord, action: string, role: Role): string[] {
  const out = new Set<string>();
  for (const t of wf.transitions)
    if (t.action === action && t.from.includes(String(doc.status)) && t.roles.includes(role))
      for (const p of t.params ?? []) out.add(p);
  return [...out];
}
