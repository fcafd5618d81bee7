import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../helpers/process';

/**
 * Browser journeys: Debian's Chromium driven by playwright-core (no browser download), against
 * a freshly seeded server (the built SPA + API) on a free port.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = 'test-results/e2e';

export interface E2E {
  server: ServerProcess;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * `E2E_STATIC_DIR` serves another build than `dist` (e.g. one built with `vite build --outDir`, so a
 * concurrent build does not swap the SPA under a running journey). `E2E_URL` points the journeys
 * at an already running, seeded server instead of starting one (for iterating on a journey; the
 * journeys change its data).
 */
export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  const external = process.env.E2E_URL;
  const dataDir = external ? '' : mkdtempSync(join(tmpdir(), 'baoyi-e2e-'));
  const server = external
    ? externalServer(external)
    : await startServerProcess(
        {
          DATA_DIR: dataDir,
          STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
          SEED_CUSTOMERS: '30',
          SEED_DAYS: '3',
          SEED_PER_DAY: '6',
          ...env,
        },
        120_000,
      );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function externalServer(url: string): ServerProcess {
  const none = async () => undefined;
  return {
    url: url.replace(/\/$/, ''),
    child: undefined as unknown as ServerProcess['child'],
    output: () => '',
    kill9: none,
    stop: none,
  };
}

/** A logged-in page for a demo user (through the real login screen). */
export async function pageAs(e2e: E2E, username: string, locale: 'zh' | 'en' = 'zh'): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale: locale === 'zh' ? 'zh-CN' : 'en-US',
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill('baoyi2026');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.hash.startsWith('#/login'), { timeout: 20_000 });
  return page;
}

/** Screenshot on failure, kept out of git (test-results/ is ignored). */
export async function shotOnFailure<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }).catch(() => undefined);
    throw e;
  }
}
