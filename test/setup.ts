import '@testing-library/jest-dom/vitest';
import { afterAll, vi } from 'vitest';

// A component file's last test can leave react-admin's debounced timers pending (useReferenceParams
// sets its filter state 500 ms later); if the file ended first, that setState met a torn-down
// jsdom ("window is not defined", an unhandled error that fails the run). Let them fire while the
// DOM still exists — after every other afterAll of the file (hooks run last-registered first).
if (typeof window !== 'undefined') {
  afterAll(async () => {
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  });
}
