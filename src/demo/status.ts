import { useSyncExternalStore } from 'react';

/** Where the desk's in-browser API stands: its data loading (or being seeded), ready, or failed. */
export type DemoStatus = 'loading' | 'ready' | 'failed';

let status: DemoStatus = 'loading';
const listeners = new Set<() => void>();

export function setDemoStatus(next: DemoStatus) {
  status = next;
  listeners.forEach((l) => l());
}

export function useDemoStatus(): DemoStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
  );
}
