/** What the training desk's tabs share: one lock for writes, one channel for news of them. */

export const CHANNEL = 'baoyi-training-desk';
const LOCK = 'baoyi-training-desk';

/** a tab wrote generation `generation` of the data seeded as `epoch` ('' : the data was reset) */
export type Message = { epoch: string; generation: number };

/** Runs `fn` alone among the desk's tabs (Web Locks; where a browser has none, in this tab's order only). */
export function exclusively<T>(fn: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request(LOCK, fn) as Promise<T>) : fn();
}
