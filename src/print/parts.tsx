import { createContext, useContext, type ReactNode } from 'react';
import { shanghaiDate, shanghaiTime } from '../domain/calendar';
import type { Approval, DocRecord, FieldDef } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import { amountInWords, formatYuan, yuanToFen } from '../domain/money';
import { ROLES, isRole } from '../domain/roles';
import type { PrintData } from './types';

/** Shared pieces of every printed form, written once: page, header, fields, money table, signatures. */

export const fmtDateTime = (iso: unknown) =>
  typeof iso === 'string' && iso ? `${shanghaiDate(new Date(iso))} ${shanghaiTime(new Date(iso))}` : '';
export const fmtDate = (iso: unknown) =>
  typeof iso === 'string' && iso ? (iso.length === 10 ? iso : shanghaiDate(new Date(iso))) : '';
export const yuan = (v: unknown) => (typeof v === 'number' ? formatYuan(yuanToFen(v)) : '');
export const text = (v: unknown) => (v == null ? '' : String(v));

/** The line array of a record (`lines`, or e.g. `items` on a gift). */
export const linesOf = (r: DocRecord | undefined, key = 'lines'): DocRecord[] =>
  r && Array.isArray(r[key]) ? (r[key] as DocRecord[]) : [];
/** A referenced record loaded by the form's `refs` (empty when missing). */
export const refOf = (data: PrintData, resource: string, id: unknown): DocRecord =>
  data.refs[resource]?.[Number(id)] ?? {};
/** A user's name from the loaded `users` refs. */
export const userName = (data: PrintData, id: unknown) => text(refOf(data, 'users', id).fullName);
/** The Chinese label of an enum value, from the field definition. */
export const optionText = (field: FieldDef | undefined, value: unknown) =>
  value == null || value === '' ? '' : (field?.options?.[String(value)]?.zh ?? String(value));
export const yesNo = (v: unknown, yes = '是', no = '否') => (v === true ? yes : v === false ? no : '');
/** The last workflow step of this action (who took it, when). */
export const stepOf = (r: DocRecord, action: string): Approval | undefined =>
  (Array.isArray(r.approvals) ? (r.approvals as Approval[]) : []).filter((a) => a && a.action === action).at(-1);
/** Positive integer ids for `refs`. */
export const ids = (...vs: unknown[]) => vs.map(Number).filter((n) => Number.isInteger(n) && n > 0);

/** The company logo (宝亿): drawn, so the printout needs no image file. */
export function Logo() {
  return (
    <svg className="bp-logo" viewBox="0 0 66 36" role="img" aria-label="宝亿">
      <rect x="1" y="1" width="64" height="34" rx="5" fill="none" stroke="#000" strokeWidth="2" />
      <text x="33" y="25" textAnchor="middle" fontSize="18" fontWeight="700">
        宝亿
      </text>
    </svg>
  );
}

/**
 * The diagonal mark of a copy that is not the company's paper (草稿 / 未批准 / 已退回 …), given by
 * the print view from the form's declaration (src/domain/prints.ts); every page of the form shows it.
 */
export const WatermarkContext = createContext<string | null>(null);

export function Watermark({ text: mark, fixed }: { text: string; fixed?: boolean }) {
  return (
    <div
      className={fixed ? 'bp-watermark bp-watermark-fixed' : 'bp-watermark'}
      data-testid={fixed ? undefined : 'print-watermark'}
      aria-label={mark}
    >
      {mark}
    </div>
  );
}

export function PrintPage(props: {
  title: string;
  data: PrintData;
  code?: unknown;
  mark?: string;
  children: ReactNode;
}) {
  const { data } = props;
  const watermark = useContext(WatermarkContext);
  return (
    <section className="bp-page">
      {watermark ? <Watermark text={watermark} /> : null}
      <header className="bp-head">
        <Logo />
        <div className="bp-title">
          <div className="bp-company">宝亿办公用品商贸公司</div>
          <h1>{props.title}</h1>
        </div>
        <div className="bp-meta">
          {/* the mark (赠送品, 草稿, 已过期 …) sits with the number, never over it */}
          {props.mark ? <div className="bp-mark">{props.mark}</div> : null}
          <div>单号 No.</div>
          <div className="bp-code">{text(props.code ?? data.record.code)}</div>
        </div>
      </header>
      {props.children}
      <footer className="bp-foot">
        <span>单号 {text(props.code ?? data.record.code)}</span>
        <span>
          打印：{data.printedBy} {fmtDateTime(data.printedAt.toISOString())}
        </span>
      </footer>
    </section>
  );
}

export type FieldItem = [label: string, value: ReactNode, opts?: { wide?: boolean; prominent?: boolean }];

/** Label/value pairs in two columns; an item given as false/null (a condition not met) is left out. */
export function Fields({ items }: { items: (FieldItem | false | null | undefined)[] }) {
  return (
    <div className="bp-fields">
      {items
        .filter((x): x is FieldItem => !!x)
        .map(([label, value, o]) => (
          <div key={label} className={`bp-field${o?.wide ? ' bp-wide' : ''}${o?.prominent ? ' bp-prominent' : ''}`}>
            <span className="bp-field-label">{label}：</span>
            <span className="bp-field-value">{value}</span>
          </div>
        ))}
    </div>
  );
}

export interface MoneyColumn {
  label: string;
  value: (line: DocRecord, i: number) => ReactNode;
  num?: boolean;
  /** short codes (货号, 单位) kept on one line: a wrapped code doubles the row's height */
  nowrap?: boolean;
}

const cellClass = (c: MoneyColumn) =>
  [c.num && 'bp-num', c.nowrap && 'bp-nowrap'].filter(Boolean).join(' ') || undefined;

/** Lines with amounts right-aligned, then the totals and the total in Chinese capitals (大写). */
export function MoneyLines(props: {
  lines: DocRecord[];
  columns: MoneyColumn[];
  totals: [label: string, amount: number][];
  wordsFor?: number;
  wordsLabel?: string;
}) {
  return (
    <>
      <table className="bp-lines">
        <thead>
          <tr>
            <th style={{ width: '8mm' }}>序</th>
            {props.columns.map((c) => (
              <th key={c.label} className={cellClass(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.lines.map((l, i) => (
            <tr key={i}>
              <td className="bp-num">{i + 1}</td>
              {props.columns.map((c) => (
                <td key={c.label} className={cellClass(c)}>
                  {c.value(l, i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {props.totals.map(([label, amount]) => (
            <tr key={label}>
              <td colSpan={props.columns.length} className="bp-num">
                {label}
              </td>
              <td className="bp-num">{yuan(amount)}</td>
            </tr>
          ))}
          {props.wordsFor !== undefined ? (
            <tr>
              <td colSpan={props.columns.length + 1}>
                {props.wordsLabel ?? '合计人民币（大写）'}：
                <span className="bp-words">{amountInWords(yuanToFen(props.wordsFor))}</span>
              </td>
            </tr>
          ) : null}
        </tfoot>
      </table>
    </>
  );
}

/** A signature box: its label, and optionally what the system recorded (who took the step) printed small. */
export type SignBox = string | { label: string; value?: ReactNode };

export function Signatures({ boxes, stamp }: { boxes: SignBox[]; stamp?: string }) {
  const cols = boxes.length + (stamp ? 1 : 0);
  return (
    <div className="bp-signs" style={{ gridTemplateColumns: `repeat(${cols}, 1fr)` }}>
      {boxes.map((box) => {
        const b = typeof box === 'string' ? { label: box } : box;
        return (
          <div key={b.label} className="bp-sign">
            <div className="bp-sign-label">{b.label}（签名）</div>
            {b.value ? <div className="bp-sign-value">{b.value}</div> : null}
            <div style={{ position: 'absolute', bottom: '1mm', right: '2mm', fontSize: '8pt' }}>
              {'日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日'}
            </div>
          </div>
        );
      })}
      {stamp ? <div className="bp-stamp">{stamp}</div> : null}
    </div>
  );
}

/** A titled part of a form. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="bp-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A boxed notice (rules printed on the paper); `prominent` for what must catch the eye (validity date). */
export function Notice({ children, prominent }: { children: ReactNode; prominent?: boolean }) {
  return <div className={`bp-notice${prominent ? ' bp-notice-prominent' : ''}`}>{children}</div>;
}

/** A labelled block of the user's long text, line breaks kept (as text, never as HTML). */
export function TextBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="bp-textblock">
      <div className="bp-field-label">{label}：</div>
      <div className="bp-note">{text(value)}</div>
    </div>
  );
}

/** An amount in figures and in Chinese capitals (大写), for forms whose money is not a table of lines. */
export function MoneyWords({ label, amount }: { label: string; amount: unknown }) {
  const has = typeof amount === 'number' && Number.isFinite(amount);
  return (
    <div className="bp-moneywords">
      <span>{label}：</span>
      <span className="bp-num">{has ? yuan(amount) : ''}</span>
      <span>（大写）</span>
      <span className="bp-words">{has ? amountInWords(yuanToFen(amount)) : ''}</span>
    </div>
  );
}

/** A plain bordered table; `num` marks the right-aligned columns (amounts). */
export function Table({
  head,
  rows,
  num = [],
  className,
}: {
  head: string[];
  rows: ReactNode[][];
  num?: number[];
  className?: string;
}) {
  return (
    <table className={`bp-lines${className ? ` ${className}` : ''}`}>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} className={num.includes(i) ? 'bp-num' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i} className={num.includes(i) ? 'bp-num' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const DECISION = { approve: '同意', reject: '退回', other: '办理' } as const;

/**
 * The approvals history of a record (its `approvals`: step, role, byName, at, decision, comment),
 * each step named from the resource's workflow: the status it was in and the action taken.
 */
export function ApprovalsTable({
  record,
  resource,
  title = '审批记录',
}: {
  record: DocRecord;
  resource: string;
  title?: string;
}) {
  const wf = getDefinition(resource)?.workflow;
  const list = (Array.isArray(record.approvals) ? (record.approvals as Approval[]) : []).filter(
    (a) => a && typeof a === 'object',
  );
  const rows = list.map((a, i) => {
    const step = wf?.states[a.step]?.label.zh ?? text(a.step);
    const action =
      wf?.transitions.find((t) => t.action === a.action && t.from.includes(a.step))?.label.zh ?? text(a.action);
    const decision = DECISION[a.decision] ?? '';
    return [
      String(i + 1),
      step,
      isRole(a.role) ? ROLES[a.role].zh : text(a.role),
      text(a.byName),
      decision && decision !== '办理' ? `${decision}（${action}）` : action,
      text(a.comment),
      fmtDateTime(a.at),
    ];
  });
  return (
    <Section title={title}>
      <Table
        className="bp-approvals"
        head={['序', '环节', '岗位', '经办人', '处理', '意见', '时间']}
        rows={rows.length ? rows : [['', '（尚无审批记录）', '', '', '', '', '']]}
      />
    </Section>
  );
}
