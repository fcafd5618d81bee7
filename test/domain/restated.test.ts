import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDIT_USING_STATUSES, orders } from '../../src/domain/documents/orders';

/**
 * Grep-level: the sets of records (status lists, filters) live once in src/domain; no consumer
 * outside it writes them again (issue 22). Each check names what used to be restated where.
 */

const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    const p = join(abs, name);
    if (statSync(p).isDirectory()) return filesUnder(relative(ROOT, p));
    return /\.(ts|tsx)$/.test(name) ? [relative(ROOT, p)] : [];
  });
}

/** every source file of the consumers: screens, reports, the server (not the domain, not tests) */
const CONSUMERS = ['src', 'reports', 'server', 'mock-api']
  .flatMap(filesUnder)
  .filter((f) => !f.startsWith(join('src', 'domain')));
const text = new Map(CONSUMERS.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

/** the consumer files (under `within`) where `pattern` occurs */
const where = (pattern: RegExp, within: string[] = ['']) =>
  [...text].filter(([f, s]) => within.some((w) => f.startsWith(w)) && pattern.test(s)).map(([f]) => f);

describe('no set of records restated outside src/domain', () => {
  it('overdue loans: only sampleLoans.views.overdue (strictly after the due moment) — no dueAt_lte filter', () => {
    expect(where(/dueAt_lte|dueAt_lt\b/)).toEqual([]);
  });

  it('the five queues: the dashboard links and the report count queueViews, no filter of their own', () => {
    const queueFilters =
      /confirmDeadline_lte|confirmDeadline_lt\b|reviewDueAt_lte|validUntil_lte|status: \['sent', 'accepted'\]|status: 'pendingConfirmation'/;
    expect(where(queueFilters, ['src', 'reports', 'server/core'])).toEqual([]);
  });

  it('open complaints and the other "not final" sets: no filter over a workflow’s final states in screens or reports', () => {
    expect(where(/\.final\)|final' in|\.final\b.*filter|filter\(.*\.final/, ['src', 'reports'])).toEqual([]);
    expect(
      where(/COMPLAINT_STATUSES|MEMBERSHIP_OPEN_STATUSES|OPEN_CREDIT_APPLICATION_STATUSES|RETURN_RELEASED_STATUSES/, [
        'src',
        'reports',
        'server/core',
      ]),
    ).toEqual([]);
  });

  it('work orders (reports, trends, the meeting): orders.views.work / notYetWork, not WORK_ORDER_STATUSES', () => {
    expect(where(/WORK_ORDER_STATUSES|ORDER_STATUSES\)\.filter/, ['src', 'reports', 'server/core'])).toEqual([]);
  });

  it('server facts and intake: declared set facts and the domain’s intake rules, no status lists', () => {
    expect(where(/_STATUSES/, ['server/core'])).toEqual([]);
    expect(where(/tier: 'smb'|'toOffer'|'invited'|100000/, ['server/core'])).toEqual([]);
  });

  it('the state → deadline mapping (orders’ stateDeadlines) is not hard-coded in the order screens or the home page', () => {
    expect(
      where(/'pendingConfirmation'|confirmDeadline|'working'/, [
        'src/resources/orders/ConfirmCountdown.tsx',
        'src/resources/orders/OrderShow.tsx',
        'src/app/Dashboard.tsx',
      ]),
    ).toEqual([]);
  });

  it('quote expiry (isQuoteExpired) and key accounts (isKeyAccount) are asked, not restated', () => {
    expect(where(/validUntil\s*[<>]=?|[<>]=?\s*r\.validUntil/, ['src', 'server/core', 'reports'])).toEqual([]);
    expect(
      where(/tier\s*===?\s*'keyAccount'|'keyAccount'\s*===?\s*\w+\.tier/, ['src', 'server/core', 'reports']),
    ).toEqual([]);
  });

  it('screens import nothing of reports/, reports nothing of server/store', () => {
    expect(where(/from '(\.\.\/)+reports\//, ['src'])).toEqual([]);
    const reports = filesUnder('reports').filter((f) =>
      /from '\.\.\/server\//.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(reports).toEqual([]);
  });
});

describe('refusals in the domain carry a kind, not an HTTP status', () => {
  it('no status codes and no Error class in src/domain; the HTTP layer maps kinds (server/core/refusal.ts)', () => {
    const domain = filesUnder('src/domain').map((f) => [f, readFileSync(join(ROOT, f), 'utf8')] as const);
    expect(
      domain.filter(([, s]) => /extends Error|status: [1-5]\d\d|refusal\([1-5]\d\d/.test(s)).map(([f]) => f),
    ).toEqual([]);
  });
});

describe('what a reviewed migration repeats is held to the domain', () => {
  it('migration 007’s partial index for the credit in use (5.10.4) covers exactly orders.views.usingCredit', () => {
    // old migrations are never edited: when CREDIT_USING_STATUSES changes, this fails and a new
    // migration replaces the index (generated from the constant, not typed again)
    const sql = readFileSync(join(ROOT, 'server/store/pg/migrations/007_row_counts.sql'), 'utf8');
    const m = /orders_credit_in_use[\s\S]*?WHERE payment_method = 'credit' AND status IN \(([^)]*)\)/.exec(sql);
    expect(m).not.toBeNull();
    const statuses = [...m![1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
    expect(statuses).toEqual([...CREDIT_USING_STATUSES]);
    expect(orders.views.usingCredit.where).toEqual({ paymentMethod: 'credit', status: statuses });
  });
});
