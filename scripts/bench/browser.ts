import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { expectStatus, request } from './http';
import { summarize, type Stats } from './measure';

/**
 * Time to the first rendered orders list in headless Chromium (Debian's, driven by playwright-core
 * as in test/e2e/browser.ts; nothing is downloaded), for our SPA and for the floor app (a bare
 * react-admin app, scripts/bench/floor/), both served by our server from one folder: ours at `/`,
 * the floor at `/floor/` — same origin, same static handler, same API and data.
 *
 * Each run is cold: a new browser context (empty HTTP cache, empty storage) whose localStorage
 * holds a token for the user, where our authProvider keeps it (src/app/session.ts: baoyi.token,
 * baoyi.user) — the floor app reads the same key. The page is opened at `/#/orders`; a script
 * that runs before the page's own notes when the first data row of the list (a Datagrid /
 * DataTable row with text) enters the DOM, and the next animation frame (the frame that paints
 * it). The figure is that frame's time from the navigation start (performance.now() in the page).
 * Runs alternate ours / floor after one warm-up of each (not counted).
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** the data rows of react-admin's <Datagrid> (ours) and <DataTable> (ListGuesser) */
export const ROW_SELECTOR = '.RaDatagrid-row, .RaDataTable-row';
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // no host name resolves: the pages reach 127.0.0.1 and nothing else (no telemetry, no fonts from a CDN)
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** plain JS (no transpiler helpers): runs in the page before its scripts */
const WATCH = `(() => {
  const sel = ${JSON.stringify(ROW_SELECTOR)};
  const obs = new MutationObserver(() => {
    if (window.__benchFirstRow) return;
    for (const row of document.querySelectorAll(sel)) {
      if ((row.textContent || '').trim()) {
        const done = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
        const mark = { dom: performance.now(), paint: 0, js: done.filter((p) => p.endsWith('.js')), api: done.filter((p) => p.startsWith('/api/')).length, resources: done.length };
        window.__benchFirstRow = mark;
        requestAnimationFrame(() => { mark.paint = performance.now(); });
        obs.disconnect();
        return;
      }
    }
  });
  obs.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

export interface RenderRun {
  /** navigation start → the frame that paints the first data row, ms */
  ms: number;
  /** navigation start → the row in the DOM, ms */
  domMs: number;
  /** this process: goto() → the mark seen (includes the polling), ms */
  wallMs: number;
  /** the page's completed fetches when the row entered the DOM (Resource Timing; the document itself not counted): all, to /api, and the .js files */
  requests: number;
  apiRequests: number;
  js: string[];
}

export interface FirstRender {
  app: 'ours' | 'floor';
  url: string;
  runs: RenderRun[];
  stats: Stats;
  /** the JS the page had loaded when the first row rendered (first measured run), sized from the served folder (gzip level 6) */
  jsBeforeRow?: { files: number; bytes: number; gzip: number };
  errors: string[];
}

export interface BrowserResult {
  chromium: string;
  version?: string;
  user: string;
  warmup: number;
  runs: number;
  ours?: FirstRender;
  floor?: FirstRender;
  /** why nothing was measured (no Chromium, launch failed, login failed) */
  failure?: string;
}

type Log = (s: string) => void;
/** what the page script notes, performance.now() in the page */
interface Mark {
  dom: number;
  paint: number;
  js: string[];
  api: number;
  resources: number;
}

async function renderOnce(
  browser: Browser,
  url: string,
  origin: string,
  storage: { name: string; value: string }[],
  timeoutMs: number,
): Promise<RenderRun> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    serviceWorkers: 'block',
    storageState: { cookies: [], origins: [{ origin, localStorage: storage }] },
  });
  try {
    await context.addInitScript({ content: WATCH });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    // wait in Playwright's own world (a string predicate would be eval'd in the page, which our CSP forbids)
    try {
      await page
        .locator(ROW_SELECTOR)
        .filter({ hasText: /\S/ })
        .first()
        .waitFor({ state: 'visible', timeout: timeoutMs });
    } catch (e) {
      const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
      throw new Error(
        `${url}: no data row in ${timeoutMs} ms (${msg})${problems.length ? ` — ${problems.slice(0, 3).join(' | ').slice(0, 600)}` : ''}`,
      );
    }
    const wallMs = performance.now() - t0;
    const readMark = async () =>
      (await page.evaluate(
        'window.__benchFirstRow ? JSON.parse(JSON.stringify(window.__benchFirstRow)) : null',
      )) as Mark | null;
    let mark = await readMark();
    for (let i = 0; i < 100 && !(mark && mark.paint > 0); i++) {
      await new Promise((r) => setTimeout(r, 20));
      mark = await readMark();
    }
    if (!mark || !(mark.paint > 0))
      throw new Error(`${url}: the row is visible but the page script saw no painted frame (${JSON.stringify(mark)})`);
    return { ms: mark.paint, domMs: mark.dom, wallMs, requests: mark.resources, apiRequests: mark.api, js: mark.js };
  } finally {
    await context.close();
  }
}

function statsOf(samples: number[], errors: string[]): Stats {
  return summarize(samples, samples.length ? [samples] : [], {
    errors: errors.length,
    firstError: errors[0],
    concurrency: 1,
    throughput: NaN,
    truncated: errors.length > 0,
    stoppedBecause: errors.length ? `${errors.length} failed runs` : undefined,
  });
}

/**
 * `base`: our server, serving our SPA at / and the floor app at /floor/. `runs` cold runs of each
 * app, alternating, after `warmup` of each.
 */
/** raw and gzip size of the served .js files a page loaded */
function jsSize(siteDir: string, paths: string[]): FirstRender['jsBeforeRow'] {
  let bytes = 0;
  let gzip = 0;
  for (const p of new Set(paths)) {
    const file = join(siteDir, decodeURIComponent(p).replace(/^\/+/, ''));
    if (!file.startsWith(siteDir) || !existsSync(file)) continue;
    const buf = readFileSync(file);
    bytes += buf.length;
    gzip += gzipSync(buf).length;
  }
  return { files: new Set(paths).size, bytes, gzip };
}

export async function benchFirstRender(
  base: string,
  opts: { user: string; runs: number; warmup: number; timeoutMs?: number; siteDir?: string },
  log: Log,
): Promise<BrowserResult> {
  const out: BrowserResult = { chromium: CHROMIUM, user: opts.user, warmup: opts.warmup, runs: opts.runs };
  if (!existsSync(CHROMIUM))
    return { ...out, failure: `no Chromium at ${CHROMIUM} (apt-get install chromium, or CHROMIUM_PATH)` };
  const login = expectStatus(
    await request(base, 'POST', '/api/auth/login', { username: opts.user, password: 'baoyi2026' }),
    [200],
    `login ${opts.user}`,
  ).json();
  const storage = [
    { name: 'baoyi.token', value: String(login.token) },
    { name: 'baoyi.user', value: JSON.stringify(login.user) },
  ];
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  } catch (e) {
    return { ...out, failure: `Chromium did not start: ${(e instanceof Error ? e.message : String(e)).slice(0, 500)}` };
  }
  try {
    out.version = browser.version();
    const origin = new URL(base).origin;
    const apps = [
      { app: 'ours' as const, url: `${origin}/#/orders` },
      { app: 'floor' as const, url: `${origin}/floor/#/orders` },
    ];
    const runs = new Map(apps.map((a) => [a.app, { runs: [] as RenderRun[], errors: [] as string[] }]));
    const timeoutMs = opts.timeoutMs ?? 60_000;
    for (let i = 0; i < opts.warmup + opts.runs; i++) {
      for (const a of apps) {
        const into = runs.get(a.app)!;
        try {
          const r = await renderOnce(browser, a.url, origin, storage, timeoutMs);
          if (i >= opts.warmup) into.runs.push(r);
          log(
            `    ${a.app.padEnd(5)} first orders row ${i < opts.warmup ? '(warm-up) ' : ''}${r.ms.toFixed(0)} ms (in the DOM ${r.domMs.toFixed(0)} ms; loaded by then: ${r.js.length} .js, ${r.apiRequests} /api, ${r.requests} in all)`,
          );
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          if (i >= opts.warmup) into.errors.push(msg);
          log(`    ${a.app.padEnd(5)} first orders row: FAILED — ${msg.slice(0, 300)}`);
        }
      }
    }
    for (const a of apps) {
      const r = runs.get(a.app)!;
      out[a.app] = {
        app: a.app,
        url: a.url,
        runs: r.runs,
        stats: statsOf(
          r.runs.map((x) => x.ms),
          r.errors,
        ),
        jsBeforeRow: opts.siteDir && r.runs[0] ? jsSize(opts.siteDir, r.runs[0].js) : undefined,
        errors: r.errors,
      };
    }
    return out;
  } finally {
    await browser.close();
  }
}
