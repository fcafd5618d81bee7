import { notifyManager } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchFirstScreen } from './prefetch';

/** Renders the app into #root: the server build's entry (src/main.tsx) and the training desk's (src/demo/main.tsx). */
export function startApp(app: ReactNode) {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');

  // Query results reach the screens in one batch per task: TanStack Query's default hands each
  // query's news to its own setTimeout(0), so the ~30 menu entries' access checks answered at start
  // became ~30 separate React renders before the orders list's rows (~75 ms on a cold start).
  notifyManager.setScheduler(queueMicrotask);

  // a logged-in start: the definitions download while React renders and /auth/me answers
  prefetchFirstScreen();

  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
