/// <reference types="vite/client" />
import { loadHomeDashboard } from '../dashboard';
import { PAGES } from '../resources/pages';
import { loadDomain } from './domain';
import { session } from './session';

/**
 * Chunks fetched ahead of need, so that lazy screens do not wait on one download after another.
 * None of them is in index.html: the login page never waits for them.
 */

/** The route of the hash router ('#/orders/12/show?x' → '/orders/12/show'). */
const route = () => window.location.hash.replace(/^#/, '').split('?')[0] || '/';

const quietly = (p: Promise<unknown>) => void p.catch(() => undefined); // the real use reports failures

/**
 * The screen a route opens, by react-admin's routes (`/<resource>`, `/<resource>/create`,
 * `/<resource>/<id>`, `/<resource>/<id>/show`): the orders' own screens, the generated ones for
 * the rest. Only a hint — a wrong guess costs a download, never a wrong screen.
 */
function screenOf(path: string): (() => Promise<unknown>) | null {
  const [, resource = '', second = '', third = ''] = path.split('/');
  if (!resource) return loadHomeDashboard;
  if (resource === 'print') return PAGES.printView.load;
  if (resource === 'reports' || resource === 'login') return null; // the report pages load their own
  const view = third === 'show' ? 'Show' : second ? 'Form' : 'List';
  return (resource === 'orders' ? PAGES[`order${view}`] : PAGES[`generated${view}`]).load;
}

/**
 * At start-up with a session (main.tsx): the definitions — react-admin waits for them before the
 * layout — together with /auth/me, and the screen the app opens on.
 */
export function prefetchFirstScreen() {
  if (!session.token()) return;
  quietly(loadDomain());
  const screen = screenOf(route());
  if (screen) quietly(screen());
}

/** Once the layout is up, when the browser is idle: the orders list, the most used screen. */
export function prefetchWhenIdle() {
  if (!import.meta.env.PROD) return; // tests and the dev server load what they show
  const run = () => quietly(PAGES.orderList.load());
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1000);
}
