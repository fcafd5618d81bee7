import type { DocRecord, DocumentDefinition, RuleContext } from '../../src/domain/definition';
import { getDefinition } from '../../src/domain/documents';
import type { Actor } from '../../src/domain/roles';
import { settingsOf, type BranchSettings } from '../../src/domain/settings';
import type { Reader, Tx } from '../store/types';
import { factLoader } from './facts';
import type { RowRef } from './facts/types';

/**
 * Loads what a definition's rules look at: referenced records (customer), the records its
 * lines reference (products) and named facts computed from other records (creditUsed).
 */

/**
 * The branch settings record (one row), with defaults for anything not set. Working time is
 * counted on the calendar of these settings (calendarOfSettings), handed to the rules with them
 * in the context — so every server (several may share one database) uses what the settings say now.
 */
export async function loadSettings(reader: Reader): Promise<BranchSettings> {
  const { rows } = await reader.list('settings', { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 0] });
  return settingsOf(rows[0]);
}

/**
 * `settings`: read already (with the document, see actionsFor) — then the facts go together with
 * the references, their calendar being set; without, the facts follow the settings.
 */
export async function loadContext(
  reader: Reader,
  def: DocumentDefinition,
  doc: DocRecord,
  user: Actor,
  now: Date,
  settings?: BranchSettings,
): Promise<RuleContext> {
  const names = def.facts ?? [];
  // in a write: the rows that decide its facts are locked first, so what follows reads them as the last writer left them
  if (isTx(reader)) await lockDecidingRows(reader, names, doc);
  // asked together (the PostgreSQL store sends what is asked in one tick as one statement): the
  // referenced records, the records the lines reference, and the settings — or, when they were
  // read already, the facts
  const refReads: [field: string, read: Promise<DocRecord | undefined>][] = [];
  const lineReads: [lineField: string, read: Promise<DocRecord[]>][] = [];
  for (const [name, f] of Object.entries(def.fields)) {
    if (f.type === 'ref' && f.ref && typeof doc[name] === 'number' && isStored(f.ref))
      refReads.push([name, reader.get(f.ref, doc[name] as number)]);
    if (f.type === 'lines' && Array.isArray(doc[name])) {
      for (const [ln, lf] of Object.entries(f.lineFields ?? {})) {
        if (lf.type !== 'ref' || !lf.ref || !isStored(lf.ref)) continue;
        const ids = [
          ...new Set((doc[name] as DocRecord[]).map((l) => l[ln]).filter((v): v is number => typeof v === 'number')),
        ];
        lineReads.push([ln, reader.getMany(lf.ref, ids)]);
      }
    }
  }
  // an unknown name throws (facts/index.ts): a fact that reads as 0 would switch its one-per-X rule off
  const readFacts = () => Promise.all(names.map((name) => factLoader(name)(reader, doc, now)));
  // with the settings read already, the facts go together with the references
  const factsWithRefs = settings ? readFacts() : null;
  const [loaded, refRows, lineRows] = await Promise.all([
    settings ?? loadSettings(reader),
    Promise.all(refReads.map(([, read]) => read)),
    Promise.all(lineReads.map(([, read]) => read)),
  ]);
  const refs: RuleContext['refs'] = Object.fromEntries(refReads.map(([name], i) => [name, refRows[i]]));
  const lineRefs: RuleContext['lineRefs'] = Object.fromEntries(
    lineReads.map(([ln], i) => [ln, Object.fromEntries(lineRows[i].map((r) => [Number(r.id), r]))]),
  );
  const values = await (factsWithRefs ?? readFacts());
  const facts: RuleContext['facts'] = Object.fromEntries(names.map((name, i) => [name, values[i]]));
  // rules read the settings as a record of named values (RuleContext is shared with the SPA)
  return { now, user, refs, lineRefs, facts, settings: loaded as unknown as Record<string, unknown> };
}

const isTx = (r: Reader): r is Tx =>
  typeof (r as Partial<Tx>).lock === 'function' && typeof (r as Partial<Tx>).insert === 'function';

/**
 * `SELECT … FOR UPDATE` of each row a fact of this write is decided by (facts/types.ts decidedBy),
 * in one order (resource, id) so that two writes locking the same rows never wait on each other
 * in a circle. A row that does not exist locks nothing; the rules refuse the reference.
 */
async function lockDecidingRows(tx: Tx, names: readonly string[], doc: DocRecord) {
  const rows = new Map<string, RowRef>();
  for (const name of names) {
    const row = factLoader(name).lockRow?.(doc);
    if (row) rows.set(`${row.resource}:${String(row.id).padStart(12, '0')}`, row);
  }
  for (const key of [...rows.keys()].sort()) {
    const row = rows.get(key)!;
    await tx.lock(row.resource, row.id);
  }
}

/** refs to resources that have no definition yet (e.g. quotes before issue 3) are not loaded */
const isStored = (r: string) => getDefinition(r) !== undefined;
