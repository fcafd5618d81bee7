import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, q } from '../helpers/server';
import { pageAs, shotOnFailure, startE2E, type E2E } from './browser';

/** Journey 6 of issue 6: the UI in English and back, with no untranslated key on journey 1's screens. */

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

/** A message key that reached the screen instead of its text. */
const KEY = /\b(ra|app|resources)\.[a-zA-Z_.]+/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/**
 * The app's own labels (not data: customer and product names are Chinese in both languages): menu
 * items and sections, column headers, buttons, form and field labels, tabs, the page title. The
 * user menu's button shows the user's (Chinese) name and the printed form is a Chinese document by
 * design, so both are left out.
 */
async function chromeTexts(page: Page): Promise<string[]> {
  return page
    .locator(
      '.RaMenuItemLink-root, .MuiListSubheader-root, th, button, label, .RaLabeled-label, [role="tab"], #react-admin-title',
    )
    .evaluateAll((els) =>
      els
        .filter((e) => !e.closest('[data-testid="print-sheet"]') && !e.closest('.RaUserMenu-userButton'))
        .map((e) => ((e as HTMLElement).innerText || e.getAttribute('aria-label') || '').trim())
        .filter(Boolean),
    );
}

interface Screen {
  name: string;
  path: string;
  /** waits for what shows the screen is fully there */
  ready: (page: Page) => Promise<void>;
}

async function visit(page: Page, e2e: E2E, screen: Screen): Promise<void> {
  await page.goto(`${e2e.server.url}/#${screen.path}`);
  await screen.ready(page);
  await page.waitForLoadState('networkidle');
  // react-admin's loading indicator gone: every query of the screen answered
  await page
    .locator('.RaLoadingIndicator-loader, [role="progressbar"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

async function switchTo(page: Page, name: 'English' | '中文'): Promise<void> {
  await page
    .locator('header')
    .getByRole('button', { name: /^(中文|English)$/i })
    .click();
  await page.getByRole('menuitem', { name }).click();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 })
    .toBe(name === 'English' ? 'en' : 'zh-CN');
}

describe('journey 6: the UI in English and back to Chinese', () => {
  it('shows no untranslated key on any screen of journey 1, and no Chinese chrome in English', async () => {
    const api = await loginAs(e2e.server.url, 'admin');
    const orders = (
      await api.get(
        '/orders' + q({ filter: { status: ['picked', 'shipped', 'delivered'] }, sort: ['id', 'ASC'], range: [0, 0] }),
      )
    ).body;
    expect(orders.length, 'an order that has a delivery note').toBe(1);
    const order = orders[0];

    const rows = (page: Page) => page.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
    const screens: Screen[] = [
      { name: 'orders-list', path: '/orders', ready: rows },
      {
        name: 'order-show',
        path: `/orders/${order.id}/show`,
        ready: (p) => p.getByTestId('order-totals').waitFor({ timeout: 20_000 }),
      },
      {
        name: 'order-create',
        path: '/orders/create',
        ready: (p) => p.locator('input[name="customerId"]').waitFor({ timeout: 20_000 }),
      },
      { name: 'customers-list', path: '/customers', ready: rows },
      {
        name: 'print-view',
        path: `/print/deliveryNote/${order.id}`,
        ready: (p) => p.getByTestId('print-sheet').waitFor({ timeout: 20_000 }),
      },
    ];

    const clerk = await pageAs(e2e, 'assistant');
    const walk = async (lang: 'zh' | 'en') => {
      for (const screen of screens) {
        await shotOnFailure(clerk, `j6-${lang}-${screen.name}`, async () => {
          await visit(clerk, e2e, screen);
          const body = await clerk.evaluate(() => document.body.innerText);
          expect(body.match(KEY) ?? [], `untranslated keys on ${screen.name} (${lang})`).toEqual([]);
          const chrome = await chromeTexts(clerk);
          expect(chrome.length, `chrome of ${screen.name}`).toBeGreaterThan(0);
          if (lang === 'en')
            expect(
              chrome.filter((t) => CJK.test(t)),
              `Chinese chrome on ${screen.name} in English`,
            ).toEqual([]);
          // the app is in the language chosen: some of its labels say so
          else if (screen.name !== 'print-view')
            expect(
              chrome.some((t) => CJK.test(t)),
              `Chinese chrome on ${screen.name}`,
            ).toBe(true);
        });
      }
    };

    // Chinese (the default) first, then English, then back to Chinese — switched with the app bar's language menu
    await shotOnFailure(clerk, 'j6-zh', async () => {
      await clerk.goto(`${e2e.server.url}/#/orders`);
      await clerk.getByRole('menuitem', { name: '销售订单' }).first().waitFor();
    });
    await walk('zh');

    await shotOnFailure(clerk, 'j6-switch-en', async () => {
      await clerk.goto(`${e2e.server.url}/#/orders`);
      await switchTo(clerk, 'English');
      await clerk.getByRole('menuitem', { name: 'Sales orders' }).first().waitFor();
    });
    await walk('en');
    // the print view has no app bar: it followed the chosen language
    expect(await clerk.locator('.bp-noprint button').innerText()).toMatch(/^Print/i);

    // logging out keeps the desk's language, also after a reload: the next clerk signs in in English
    await shotOnFailure(clerk, 'j6-logout-en', async () => {
      await clerk.goto(`${e2e.server.url}/#/orders`);
      await clerk.getByRole('button', { name: 'Profile' }).click();
      await clerk.getByRole('menuitem', { name: 'Logout' }).click();
      await clerk.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
      await clerk.reload();
      await clerk.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
      await clerk.locator('input[name="username"]').fill('assistant');
      await clerk.locator('input[name="password"]').fill('baoyi2026');
      await clerk.getByRole('button', { name: 'Sign in' }).click();
      await clerk.getByRole('menuitem', { name: 'Sales orders' }).first().waitFor({ timeout: 20_000 });
    });

    await shotOnFailure(clerk, 'j6-switch-zh', async () => {
      await clerk.goto(`${e2e.server.url}/#/orders`);
      await switchTo(clerk, '中文');
      await clerk.getByRole('menuitem', { name: '销售订单' }).first().waitFor();
    });
    await walk('zh');
  });
});
