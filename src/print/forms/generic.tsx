import { getDefinition } from '../../domain/documents';
import { recordName, valueText } from '../../domain/present';
import { ROLES } from '../../domain/roles';
import { ApprovalsTable, Fields, ids, PrintPage, Signatures, Table, TextBlock } from '../parts';
import { printForm, type PrintData, type PrintForm } from '../types';

/**
 * The layout of a printed form declared in a definition (`prints`) that has no layout of its own in
 * this folder — a new document type's form: its fields by label (references by name, choices by
 * label, money in yuan), its long texts, its lines, the approvals and a signature box for the
 * applicant and each role that decides on it. Built from the definition alone.
 */
export function genericForm(resource: string, id: string): PrintForm {
  const def = getDefinition(resource);
  if (!def) throw new Error(`no document type ${resource}`);
  const fields = Object.entries(def.fields).filter(([k, f]) => k !== 'code' && !f.secret && !f.internal);
  const refFields = fields.filter(([, f]) => f.type === 'ref' && f.ref);
  const deciders = [
    ...new Set((def.workflow?.transitions ?? []).filter((t) => t.decision === 'approve').flatMap((t) => t.roles)),
  ];
  return printForm(resource, id, {
    refs: (r) => {
      const out: Record<string, number[]> = {};
      for (const [k, f] of refFields) out[f.ref!] = [...(out[f.ref!] ?? []), ...ids(r[k])];
      return out;
    },
    render: (data: PrintData) => {
      const r = data.record;
      const ctx = {
        locale: 'zh' as const,
        refName: (res: string, rid: number) =>
          data.refs[res]?.[rid] ? recordName(res, data.refs[res][rid]) : undefined,
      };
      const scalar = fields.filter(([, f]) => f.type !== 'lines' && f.type !== 'longText');
      return (
        <PrintPage title={def.prints?.[id]?.title.zh ?? def.label.zh} data={data}>
          <Fields items={scalar.map(([k, f]) => [f.label.zh, valueText(def, k, r[k], ctx)])} />
          {fields
            .filter(([, f]) => f.type === 'longText')
            .map(([k, f]) => (
              <TextBlock key={k} label={f.label.zh} value={r[k]} />
            ))}
          {fields
            .filter(([, f]) => f.type === 'lines' && f.lineFields)
            .map(([k, f]) => {
              const cols = Object.entries(f.lineFields!);
              const rows = (Array.isArray(r[k]) ? (r[k] as Record<string, unknown>[]) : []).map((l) =>
                cols.map(([c, lf]) => valueText({ ...def, fields: { [c]: lf } }, c, l[c], ctx)),
              );
              return (
                <Table
                  key={k}
                  head={cols.map(([, lf]) => lf.label.zh)}
                  rows={rows}
                  num={cols.flatMap(([, lf], i) => (lf.type === 'money' || lf.type === 'int' ? [i] : []))}
                />
              );
            })}
          <ApprovalsTable record={r} resource={resource} />
          <Signatures boxes={['申请人', ...deciders.map((role) => ROLES[role].zh)]} />
        </PrintPage>
      );
    },
  });
}
