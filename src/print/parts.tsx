import type { ReactNode } from 'react';
import { shanghaiDate, shanghaiTime } from '../domain/calendar';
import type { DocRecord } from '../domain/definition';
import { amountInWords, formatYuan, yuanToFen } from '../domain/money';
import type { PrintData } from './types';

/** Shared pieces of every printed form, written once: page, header, fields, money table, signatures. */

export const fmtDateTime = (iso: unknown) => (typeof iso === 'string' && iso ? `${shanghaiDate(new Date(iso))} ${shanghaiTime(new Date(iso))}` : '');
export const fmtDate = (iso: unknown) => (typeof iso === 'string' && iso ? (iso.length === 10 ? iso : shanghaiDate(new Date(iso))) : '');
export const yuan = (v: unknown) => (typeof v === 'number' ? formatYuan(yuanToFen(v)) : '');
export const text = (v: unknown) => (v == null ? '' : String(v));

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

export function PrintPage(props: { title: string; data: PrintData; code?: unknown; mark?: string; children: ReactNode }) {
  const { data } = props;
  return (
    <section className="bp-page">
      {props.mark ? <div className="bp-mark">{props.mark}</div> : null}
      <header className="bp-head">
        <Logo />
        <div className="bp-title">
          <div className="bp-company">宝亿办公用品商贸公司</div>
          <h1>{props.title}</h1>
        </div>
        <div className="bp-meta">
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

export function Fields({ items }: { items: [label: string, value: ReactNode, opts?: { wide?: boolean; prominent?: boolean }][] }) {
  return (
    <div className="bp-fields">
      {items.map(([label, value, o]) => (
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
}

/** Lines with amounts right-aligned, then the totals and the total in Chinese capitals (大写). */
export function MoneyLines(props: { lines: DocRecord[]; columns: MoneyColumn[]; totals: [label: string, amount: number][]; wordsFor?: number }) {
  return (
    <>
      <table className="bp-lines">
        <thead>
          <tr>
            <th style={{ width: '8mm' }}>序</th>
            {props.columns.map((c) => (
              <th key={c.label} className={c.num ? 'bp-num' : undefined}>
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
                <td key={c.label} className={c.num ? 'bp-num' : undefined}>
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
                合计人民币（大写）：<span className="bp-words">{amountInWords(yuanToFen(props.wordsFor))}</span>
              </td>
            </tr>
          ) : null}
        </tfoot>
      </table>
    </>
  );
}

export function Signatures({ boxes, stamp }: { boxes: string[]; stamp?: string }) {
  const cols = boxes.length + (stamp ? 1 : 0);
  return (
    <div className="bp-signs" style={{ gridTemplateColumns: `repeat(${cols}, 1fr)` }}>
      {boxes.map((b) => (
        <div key={b} className="bp-sign">
          <div className="bp-sign-label">{b}（签名）</div>
          <div style={{ position: 'absolute', bottom: '1mm', right: '2mm', fontSize: '8pt' }}>{'日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日'}</div>
        </div>
      ))}
      {stamp ? <div className="bp-stamp">{stamp}</div> : null}
    </div>
  );
}
