import type { DocRecord } from '../../domain/definition';
import { DEFINITIONS } from '../../domain/documents';
import { emptyState, MemoryStore, type JsonState } from '../../../server/store/json/memoryStore';
import type { Tx } from '../../../server/store/types';
import { DemoBuffer, type DemoBytes } from '../node/buffer';
import { DEMO_STATE_FORMAT } from '../config';
import { openDb, readAll, readInfo, write, type DemoInfo } from './idb';
import { CHANNEL, exclusively, type Message } from './tabs';

/**
 * The training desk's store: the in-memory store the json store is made of (server/store/json),
 * kept in IndexedDB as the json store keeps its file — every transaction's changed tables are
 * written before it is acknowledged, and a failed write changes nothing (the API answers 503). So a
 * trainee's work survives a reload.
 *
 * Several tabs of the desk share the data: a write runs under a Web Lock and first takes what
 * another tab wrote (the generation in `_info`); a tab that wrote tells the others (BroadcastChannel),
 * which re-read before their next answer. A tab whose data was reset elsewhere reloads.
 */

export interface BrowserStoreHooks {
  /** the demo branch, written into the (empty) store */
  seed(store: MemoryStore): Promise<unknown>;
  /** another tab reset the data: this tab's pages must start again (reload) */
  onResetElsewhere(): void;
}

const randomId = (bytes: number) =>
  DemoBuffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');

/** The stored state as the store holds it, or null when there is none of this format (or it is damaged). */
function stateOf(entries: Map<string, unknown>): { state: JsonState; info: DemoInfo } | null {
  const info = entries.get('_info') as DemoInfo | undefined;
  if (!info || info.format !== DEMO_STATE_FORMAT) return null;
  const state = emptyState();
  for (const resource of Object.keys(DEFINITIONS)) {
    const rows = entries.get(resource);
    if (rows === undefined) continue; // a document type added since: empty
    if (!Array.isArray(rows) || !rows.every((r: DocRecord) => r && Number.isInteger(r.id))) return null;
    state[resource] = rows;
  }
  state._meta = { ...state._meta, ...(entries.get('_meta') as Partial<JsonState['_meta']> | undefined) };
  return { state, info };
}

export class BrowserStore extends MemoryStore {
  /** while seeding: the seed's transactions run without the lock and are written at its end, at once */
  private bulk = false;
  private stale = false;
  private readonly channel: BroadcastChannel | null;

  private constructor(
    private readonly db: IDBDatabase,
    state: JsonState,
    private info: DemoInfo,
    private readonly hooks: BrowserStoreHooks,
  ) {
    super(state);
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (this.channel) this.channel.onmessage = (e: MessageEvent<Message>) => this.heard(e.data);
  }

  /** The stored desk, or — on a first visit, after a reset, or for data of another format — a newly seeded one, stored before it answers. */
  static async open(hooks: BrowserStoreHooks): Promise<BrowserStore> {
    const db = await openDb();
    return exclusively(async () => {
      const stored = stateOf(await readAll(db));
      if (stored) return new BrowserStore(db, stored.state, stored.info, hooks);
      const info: DemoInfo = {
        format: DEMO_STATE_FORMAT,
        epoch: randomId(12),
        generation: 1,
        seededAt: new Date().toISOString(),
        secret: randomId(32),
      };
      const store = new BrowserStore(db, emptyState(), info, hooks);
      store.bulk = true;
      try {
        await hooks.seed(store);
      } finally {
        store.bulk = false;
      }
      await write(db, [...Object.entries(store.state), ['_info', info]], { clear: true });
      return store;
    });
  }

  /** The bearer tokens' signing secret of this desk's data (kept with it, so a reload keeps the sessions). */
  get secret(): DemoBytes {
    return DemoBuffer.from(this.info.secret, 'base64url');
  }

  override transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.bulk) return super.transaction(fn);
    return exclusively(async () => {
      await this.catchUp();
      return super.transaction(fn);
    });
  }

  protected override async persist(draft: JsonState): Promise<void> {
    if (this.bulk) return;
    // tables a transaction wrote are new arrays (MemoryStore copies a table on its first write)
    const changed = Object.keys(draft).filter((k) => k !== '_meta' && draft[k] !== this.state[k]);
    const info = { ...this.info, generation: this.info.generation + 1 };
    await write(this.db, [
      ...changed.map((k): [string, unknown] => [k, draft[k]]),
      ['_meta', draft._meta],
      ['_info', info],
    ]);
    this.info = info;
    this.channel?.postMessage({ epoch: info.epoch, generation: info.generation } satisfies Message);
  }

  /** Before an answer: what other tabs wrote since (they said so), read back. */
  async fresh(): Promise<void> {
    if (!this.stale) return;
    this.stale = false;
    const stored = stateOf(await readAll(this.db));
    if (!stored || stored.info.epoch !== this.info.epoch) return this.resetElsewhere();
    this.adopt(stored);
  }

  /** Under the lock, before a write: the stored generation is the truth. */
  private async catchUp(): Promise<void> {
    const info = await readInfo(this.db);
    if (!info || info.epoch !== this.info.epoch) return this.resetElsewhere();
    if (info.generation === this.info.generation) return;
    const stored = stateOf(await readAll(this.db));
    if (!stored || stored.info.epoch !== this.info.epoch) return this.resetElsewhere();
    this.adopt(stored);
  }

  private adopt(stored: { state: JsonState; info: DemoInfo }) {
    // a read that finished after a newer write of this tab must not bring back older data
    if (stored.info.generation <= this.info.generation) return;
    this.state = stored.state;
    this.info = stored.info;
  }

  private heard(m: Message) {
    if (m.epoch === '') return this.hooks.onResetElsewhere(); // reset in another tab: start again at once
    // another tab wrote (or seeded anew): fresh() reads it back before the next answer
    if (m.epoch !== this.info.epoch || m.generation > this.info.generation) this.stale = true;
  }

  private resetElsewhere(): never {
    this.hooks.onResetElsewhere();
    throw new Error('The training data was reset in another tab');
  }
}
