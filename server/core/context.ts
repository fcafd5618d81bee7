import type { DocRecord, DocumentDefinition, RuleContext } from '../../src/domain/definition';
import { getDefinition } from '../../src/domain/documents';
import type { Actor } from '../../src/domain/roles';
import { setBranchCalendar } from '../../src/domain/calendar';
import { settingsOf } from '../../src/domain/settings';
import type { Reader } from '../store/types';
import { FACTS } from './facts';

/**
 * Loads what a definition's rules look at: referenced records (customer), the records its
 * lines reference (products) and named facts computed from other records (creditUsed).
 */

/**
 * The branch settings record (one row), with defaults for anything not set. Its calendar entries
 * take effect here, before any rule or report counts working time — so every server (several may
 * share one database) uses what the settings say now.
 */
export async function loadSettings(reader: Reader): Promise<Record<string, unknown>> {
  const { rows } = await reader.list('settings', { filter: {}, sort: { field: 'id', order: 'ASC' }, range: [0, 0] });
  const settings = settingsOf(rows[0]);
  setBranchCalendar(settings.calendarDays);
  return settings as unknown as Record<string, unknown>;
}

export async function loadContext(reader: Reader, def: DocumentDefinition, doc: DocRecord, user: Actor, now: Date): Promise<RuleContext> {
  const refs: RuleContext['refs'] = {};
  const lineRefs: RuleContext['lineRefs'] = {};
  for (const [name, f] of Object.entries(def.fields)) {
    if (f.type === 'ref' && f.ref && typeof doc[name] === 'number' && isStored(f.ref)) refs[name] = await reader.get(f.ref, doc[name] as number);
    if (f.type === 'lines' && Array.isArray(doc[name])) {
      for (const [ln, lf] of Object.entries(f.lineFields ?? {})) {
        if (lf.type !== 'ref' || !lf.ref || !isStored(lf.ref)) continue;
        const ids = [...new Set((doc[name] as DocRecord[]).map((l) => l[ln]).filter((v): v is number => typeof v === 'number'))];
        const rows = await reader.getMany(lf.ref, ids);
        lineRefs[ln] = Object.fromEntries(rows.map((r) => [Number(r.id), r]));
      }
    }
  }
  const facts: RuleContext['facts'] = {};
  for (const name of def.facts ?? []) facts[name] = FACTS[name] ? await FACTS[name](reader, doc, now) : null;
  return { now, user, refs, lineRefs, facts, settings: await loadSettings(reader) };
}

/** refs to resources that have no definition yet (e.g. quotes before issue 3) are not loaded */
const isStored = (r: string) => getDefinition(r) !== undefined;
