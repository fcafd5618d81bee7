import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { addDays, shanghaiDate } from '../../src/domain/calendar';
import type { loginAs } from '../helpers/server';
import type { E2E } from './browser';

/** Shared steps of the browser journeys: API look-ups and polls, and the few widgets every form uses. */

export type Api = Awaited<ReturnType<typeof loginAs>>;

/** The server runs on the real clock; business days are Shanghai days. */
export const today = () => shanghaiDate(new Date());
export { addDays };

/** A record read back through the API (fails loudly on anything but 200). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function record(api: Api, resource: string, id: number | string): Promise<Record<string, any>> {
  const r = await api.get(`/${resource}/${id}`);
  if (r.status !== 200) throw new Error(`GET /${resource}/${id}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Polls the record's status through the API until it is `status`. */
export async function expectStatus(
  api: Api,
  resource: string,
  id: number | string,
  status: string,
  timeout = 15_000,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<Record<string, any>> {
  await expect.poll(async () => (await record(api, resource, id)).status, { timeout, interval: 250 }).toBe(status);
  return record(api, resource, id);
}

/** The show page of a record, once react-admin has loaded it. */
export async function openShow(
  page: Page,
  e2e: E2E,
  resource: string,
  id: number | string,
  code?: string,
): Promise<void> {
  await page.goto(`${e2e.server.url}/#/${resource}/${id}/show`);
  if (code) await page.getByText(code, { exact: true }).first().waitFor({ timeout: 20_000 });
}

/** A workflow button of the show page (labelled in the UI language); waits until it is enabled. */
export function workflowButton(page: Page, name: string | RegExp): Locator {
  return page.getByTestId('workflow-buttons').getByRole('button', { name });
}

export async function clickWorkflow(page: Page, name: string | RegExp): Promise<void> {
  const button = workflowButton(page, name);
  await button.waitFor({ timeout: 20_000 });
  await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
  const approves = (await button.getAttribute('data-decision')) === 'approve';
  await button.click();
  // an approval opens the dialog with the facts the rules used: confirm it
  if (approves) await confirmStep(page);
}

/** The step dialog (an approval: facts, optional comment): confirm it. */
export async function confirmStep(page: Page): Promise<void> {
  const dialog = page.getByTestId('step-dialog');
  await dialog.waitFor();
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The reason dialog of an action that needs a comment (reject, resolve…): type it and confirm. */
export async function confirmComment(page: Page, comment: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.locator('textarea').first().fill(comment);
  await dialog.getByRole('button').last().click();
  await dialog.waitFor({ state: 'hidden' });
}

/** react-admin AutocompleteInput: type into it and pick the first option matching `option`. */
export async function pickAutocomplete(
  page: Page,
  source: string,
  typed: string,
  option: string | RegExp,
): Promise<void> {
  const input = page.locator(`input[name="${source}"]`);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
  if (typeof option === 'string') await expect.poll(() => input.inputValue(), { timeout: 10_000 }).toContain(option);
  else await expect.poll(() => input.inputValue(), { timeout: 10_000 }).toMatch(option);
}

/** react-admin SelectInput (MUI select): open it and pick the option by its label. */
export async function pickSelect(page: Page, source: string, option: string | RegExp): Promise<void> {
  await page
    .locator(`.ra-input-${cssEscape(source)} [role="combobox"]`)
    .first()
    .click();
  await page.getByRole('listbox').getByRole('option', { name: option }).click();
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
}

/** The show page react-admin redirects to after a create: its id from the URL. */
export async function createdId(page: Page, resource: string): Promise<number> {
  const idOf = (hash: string) => {
    const [, res, id, show] = hash.split('/');
    return res === resource && show === 'show' && /^\d+$/.test(id ?? '') ? Number(id) : null;
  };
  await page.waitForURL((u) => idOf(u.hash) !== null, { timeout: 20_000 });
  return idOf(new URL(page.url()).hash)!;
}

/** The form's save button (the toolbar's only one); waits until the form lets it be pressed. */
export async function save(page: Page): Promise<void> {
  const button = page.locator('form button[type="submit"]').last();
  await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
  await button.click();
}

const cssEscape = (s: string) => s.replace(/\./g, '\\.');
