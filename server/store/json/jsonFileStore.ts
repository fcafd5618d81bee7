import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFINITIONS } from '../../../src/domain/documents';
import { emptyState, MemoryStore, type JsonState } from './memoryStore';

/**
 * The json file store (STORE=json): json-server's db.json format (one array per resource, plus
 * `_meta`), so stock json-server can read the same file. Durable: every transaction writes a
 * temporary file, fsyncs it, renames it over the data file and fsyncs the folder before the
 * request is acknowledged — a crash at any moment leaves the old or the new file, never a torn
 * one. A write error fails the request (503) and the served state stays what is on disk.
 */
export class JsonFileStore extends MemoryStore {
  override readonly kind = 'json' as const;

  protected constructor(
    private readonly file: string,
    state: JsonState,
  ) {
    super(state);
  }

  static open(file: string): JsonFileStore {
    return new JsonFileStore(file, JsonFileStore.initialState(file));
  }

  /** the file's state; an empty store when there is no file yet (a damaged file throws) */
  protected static initialState(file: string): JsonState {
    mkdirSync(dirname(file), { recursive: true });
    return existsSync(file) ? loadState(file) : emptyState();
  }

  protected override async persist(state: JsonState): Promise<void> {
    writeDurably(this.file, JSON.stringify(state));
  }
}

/** Read and check a data file; a damaged one stops the start with what is wrong and where. */
export function loadState(file: string): JsonState {
  const text = readFileSync(file, 'utf8');
  if (text.trim() === '') throw new Error(`${file}: the data file is empty (0 bytes). Restore a backup; it will not be replaced by demo data.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? ` near line ${text.slice(0, Number(pos[1])).split('\n').length}` : '';
    throw new Error(`${file}: not valid JSON${where}: ${msg}. Fix or restore it; it will not be replaced by demo data.`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file}: expected a JSON object with one array per resource.`);
  const state = { ...emptyState(), ...(parsed as Record<string, unknown>) } as JsonState;
  for (const resource of Object.keys(DEFINITIONS)) {
    const rows = state[resource];
    if (!Array.isArray(rows)) throw new Error(`${file}: "${resource}" must be an array.`);
    rows.forEach((r, i) => {
      if (!r || typeof r !== 'object' || !Number.isInteger((r as { id?: unknown }).id)) {
        throw new Error(`${file}: ${resource}[${i}] has no integer id.`);
      }
    });
  }
  const meta: Partial<JsonState['_meta']> = (parsed as { _meta?: Partial<JsonState['_meta']> })._meta ?? {};
  state._meta = { ...emptyState()._meta, ...meta };
  return state;
}

export function writeDurably(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  const dirFd = openSync(dirname(file), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
