import { clearAll, openDb } from './idb';
import { CHANNEL, exclusively, type Message } from './tabs';

/**
 * "Reset the demo": the stored desk is emptied — the next start seeds the demo branch anew, as on a
 * first visit — and the desk's other tabs are told (they reload). Small on purpose: the banner
 * offers it before the API core has loaded.
 */
export async function resetStoredDesk(): Promise<void> {
  const db = await openDb();
  try {
    await exclusively(() => clearAll(db));
  } finally {
    db.close();
  }
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ epoch: '', generation: 0 } satisfies Message);
    channel.close();
  }
}
