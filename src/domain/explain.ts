import type { DocRecord, DocumentDefinition, Fact, RuleContext } from './definition';
import { ROLES, type Role } from './roles';
import type { Text } from './text';
import { rolesWaitingOn } from './workflow';

/**
 * What an approver sees beside a document: why it waits on their role (in words, with the
 * clause), and the facts the rules used — credit limit, used, remaining and overrun (5.10.4), lines
 * short of stock (5.6.4), the margin against its band (6.4.3) … One code path: the server answers
 * it (GET /api/<res>/<id>/facts) from the same context its rules and steps run on, and the show
 * page and the approval dialog show that answer.
 */

export interface Waiting {
  /** the roles the document waits on */
  roles: readonly Role[];
  /** who, and why, in words with the clause */
  reason: Text;
  rule?: string;
}

export interface Explanation {
  waiting: Waiting | null;
  facts: Fact[];
}

const withRule = (text: Text, rule?: string): Text =>
  rule ? { zh: `${text.zh} (${rule})`, en: `${text.en} (${rule})` } : text;

/** Why the document waits on its roles now (null when it waits on nobody: final, or no workflow). */
export function waitingReason(def: DocumentDefinition, doc: DocRecord, ctx: RuleContext): Waiting | null {
  const state = def.workflow?.states[String(doc.status)];
  const roles = rolesWaitingOn(state, doc);
  if (!state || state.final || !roles.length) return null;
  const because = typeof state.because === 'function' ? state.because(doc, ctx) : state.because;
  const rule = because?.rule ?? def.clause;
  const who = roles.map((r) => ROLES[r]);
  const text = because?.text ?? state.label;
  return {
    roles,
    rule,
    reason: withRule(
      { zh: `${who.map((w) => w.zh).join('、')}：${text.zh}`, en: `${who.map((w) => w.en).join(', ')}: ${text.en}` },
      rule,
    ),
  };
}

export function explain(def: DocumentDefinition, doc: DocRecord, ctx: RuleContext): Explanation {
  return { waiting: waitingReason(def, doc, ctx), facts: def.explain?.(doc, ctx) ?? [] };
}

/** A fact (the label and value in both languages). */
export const fact = (
  key: string,
  label: Text,
  value: Text,
  opts: Omit<Fact, 'key' | 'label' | 'value'> = {},
): Fact => ({ key, label, value, ...opts });
