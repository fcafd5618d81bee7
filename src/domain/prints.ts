import type { DocRecord, DocumentDefinition, PrintDecl } from './definition';
import { refusal, type Refusal } from './refusal';
import { ROLES, type Role } from './roles';
import { t, type Text } from './text';

/**
 * Paper is the company's only when approved: each printed form declares, beside the fields of its
 * definition (`prints`), the statuses in which it is official and who prints it. Outside them a
 * form is printed with a diagonal mark on every page (草稿 / 未批准 / 已退回 …) and never recorded
 * as issued — or, for paper that must never exist unapproved (an outbound note), not printed at
 * all. The print view and the server's print record (POST /api/<res>/<id>/printed) both ask here.
 */

export const printDeclOf = (def: DocumentDefinition, formId: string): PrintDecl | undefined =>
  def.prints && Object.hasOwn(def.prints, formId) ? def.prints[formId] : undefined;

export const isOfficial = (decl: PrintDecl, record: Record<string, unknown>): boolean =>
  decl.officialIn.includes(String(record.status));

/** Whether the form may be printed at all now (a 'never' form outside its statuses may not). */
export const mayPrint = (decl: PrintDecl, record: Record<string, unknown>): boolean =>
  decl.otherwise === 'mark' || isOfficial(decl, record);

const MARKS = {
  draft: t('草稿', 'DRAFT'),
  pending: t('未批准', 'NOT APPROVED'),
  rejected: t('已退回', 'RETURNED'),
  cancelled: t('已作废', 'VOID'),
  expired: t('已过期', 'EXPIRED'),
  declined: t('未接受', 'DECLINED'),
} as const;

/**
 * The diagonal mark of a copy that is not the company's paper (null when it is): a document still
 * being written is 草稿, one returned to its writer 已退回, one on its way through approval 未批准.
 */
export function unofficialMark(def: DocumentDefinition, decl: PrintDecl, record: DocRecord): Text | null {
  if (isOfficial(decl, record)) return null;
  const status = String(record.status);
  if (status === 'rejected') return MARKS.rejected;
  if (status === 'cancelled') return MARKS.cancelled;
  if (status === 'expired') return MARKS.expired;
  if (status === 'declined') return MARKS.declined;
  const state = def.workflow?.states[status];
  if (status === 'draft' || state?.editable) return MARKS.draft;
  return MARKS.pending;
}

const statusNames = (def: DocumentDefinition, statuses: readonly string[]) => ({
  zh: statuses.map((s) => def.workflow?.states[s]?.label.zh ?? s).join('、'),
  en: statuses.map((s) => def.workflow?.states[s]?.label.en ?? s).join(', '),
});

/**
 * May `role` record a print of this form of `record` as the company's paper? 404 no such form,
 * 403 not a role the form names, 409 not in a status in which it is official (each naming the clause).
 */
export function printRefusal(def: DocumentDefinition, formId: string, record: DocRecord, role: Role): Refusal | null {
  const decl = printDeclOf(def, formId);
  if (!decl) return refusal('not-found', `此类单据没有"${formId}"表单`, `These records have no form "${formId}"`);
  if (!decl.printers.includes(role)) {
    const who = {
      zh: decl.printers
        .filter((r) => r !== 'admin')
        .map((r) => ROLES[r].zh)
        .join('、'),
      en: decl.printers
        .filter((r) => r !== 'admin')
        .map((r) => ROLES[r].en)
        .join(', '),
    };
    return refusal(
      'forbidden',
      `${decl.title.zh}由${who.zh}打印，您的角色不能出具`,
      `The ${decl.title.en.toLowerCase()} is printed by: ${who.en}; your role may not issue it`,
      decl.clause,
    );
  }
  if (!isOfficial(decl, record)) {
    const st = def.workflow?.states[String(record.status)]?.label ?? {
      zh: String(record.status),
      en: String(record.status),
    };
    const when = statusNames(def, decl.officialIn);
    return refusal(
      'conflict',
      `"${st.zh}"状态的单据不能出具正式${decl.title.zh}（须为：${when.zh}）`,
      `No official ${decl.title.en.toLowerCase()} in status "${st.en}" (only: ${when.en})`,
      decl.clause,
    );
  }
  return null;
}
