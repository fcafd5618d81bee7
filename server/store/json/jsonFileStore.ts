import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFINITIONS } from '../../../src/domain/documents';
import { lockDataDir, type DataDirLock } from '../pg/dataDirLock';
import { removeStaleTemps, writeDurably } from './durableFile';
import { emptyState, MemoryStore, type JsonState } from './memoryStore';

export { writeDurably } from './durableFile';

/**
 * The json file store (STORE=json): json-server's db.json format (one array per resource, plus
 * `_meta`), so stock json-server can read the same file. Durable: every transaction writes a
 * temporary file whole (durableFile.ts), fsyncs it, renames it over the data file and fsyncs the
 * folder before the request is acknowledged — a crash at any moment leaves the old or the new
 * file, never a torn one. A write error (a full disk) fails the request (503, nothing changed): the
 * old file stays on disk and the served state stays what is on disk.
 *
 * One process per file: `db.json.lock` beside it (the embedded store's lock, dataDirLock.ts), so a
 * second server on the same folder is refused naming the first one's pid; a lock left by a dead
 * process is taken over, and the temporary files it left (`db.json.tmp-<pid>`) are removed.
 */
export class JsonFileStore extends MemoryStore {
  override readonly kind = 'json' as const;

  protected constructor(
    private readonly file: string,
    state: JsonState,
    private readonly lock: DataDirLock,
  ) {
    super(state);
  }

  static open(file: string, log: (msg: string) => void = () => undefined): JsonFileStore {
    const { state, lock } = JsonFileStore.take(file, log);
    return new JsonFileStore(file, state, lock);
  }

  /** the file's lock and state; an empty store when there is no file yet (a damaged file throws, the lock released) */
  protected static take(file: string, log: (msg: string) => void): { state: JsonState; lock: DataDirLock } {
    mkdirSync(dirname(file), { recursive: true });
    const lock = lockDataDir(file);
    try {
      const stale = removeStaleTemps(file);
      if (stale.length)
        log(`removed ${stale.length} temporary file(s) left by an interrupted write: ${stale.join(', ')}`);
      return { state: existsSync(file) ? loadState(file) : emptyState(), lock };
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  protected override async persist(state: JsonState): Promise<void> {
    writeDurably(this.file, JSON.stringify(state));
  }

  override async close() {
    try {
      await super.close();
    } finally {
      this.lock.release();
    }
  }
}

/**
 * Tables added after the json store's first format, with the change that added them: a db.json
 * written before them lacks them and starts them empty (PostgreSQL's migrations create them).
 */
export const ADDED_TABLES: Record<string, string> = {
  creditFollowUps: 'issue 21: credit follow-ups (5.5.2, 5.11.4), migration 015',
};

/** Read and check a data file; a damaged one stops the start with what is wrong and where. */
export function loadState(file: string): JsonState {
  const text = readFileSync(file, 'utf8');
  const keep = 'it will not be replaced by demo data — 不会用演示数据覆盖';
  if (text.trim() === '')
    throw new Error(`${file}: 数据文件为空 — the data file is empty (0 bytes). Restore a backup; ${keep}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? ` near line ${text.slice(0, Number(pos[1])).split('\n').length}` : '';
    throw new Error(`${file}: 不是有效的 JSON — not valid JSON${where}: ${msg}. Fix or restore it; ${keep}.`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${file}: expected a JSON object with one array per resource.`);
  const state = { ...(parsed as Record<string, unknown>) } as JsonState;
  const resources = Object.keys(DEFINITIONS);
  for (const resource of resources) {
    const rows = state[resource];
    if (rows === undefined) continue;
    if (!Array.isArray(rows)) throw new Error(`${file}: "${resource}" must be an array.`);
    rows.forEach((r, i) => {
      if (!r || typeof r !== 'object' || !Number.isInteger((r as { id?: unknown }).id)) {
        throw new Error(`${file}: ${resource}[${i}] has no integer id.`);
      }
    });
  }
  // a table a later version added (ADDED_TABLES) starts empty in a file of an earlier version: the json store's migration
  for (const r of Object.keys(ADDED_TABLES)) if (state[r] === undefined && resources.includes(r)) state[r] = [];
  // any other missing table is damage, not an empty one: starting with it empty would make the loss permanent at the first write
  const missing = resources.filter((r) => state[r] === undefined);
  if (missing.length) {
    const names = missing.map((r) => `"${r}"`).join(', ');
    throw new Error(
      `${file}: 缺少数据表 ${names} — the file lacks the table(s) ${names} (every table is written, even when empty). ` +
        `Restore a backup, or, if a table truly holds no records, add it as an empty list ("${missing[0]}": []) by hand; ${keep}.`,
    );
  }
  const meta: Partial<JsonState['_meta']> = (parsed as { _meta?: Partial<JsonState['_meta']> })._meta ?? {};
  state._meta = { ...emptyState()._meta, ...meta };
  return state;
}
