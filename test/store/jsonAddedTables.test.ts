import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADDED_TABLES, loadState } from '../../server/store/json/jsonFileStore';
import { emptyState } from '../../server/store/json/memoryStore';

/** The json store's migration: a db.json of an earlier version lacks the tables added since. */
const dir = mkdtempSync(join(tmpdir(), 'baoyi-json-added-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileWithout = (name: string, table: string) => {
  const state: Record<string, unknown> = { ...emptyState() };
  delete state[table];
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(state));
  return file;
};

describe('json store tables added by a later version', () => {
  it('a file from before the credit follow-ups (issue 21) opens with them empty', () => {
    expect(Object.keys(ADDED_TABLES)).toContain('creditFollowUps');
    expect(loadState(fileWithout('old.json', 'creditFollowUps')).creditFollowUps).toEqual([]);
  });

  it('any other missing table is still damage', () => {
    expect(() => loadState(fileWithout('damaged.json', 'complaints'))).toThrow(/lacks the table\(s\) "complaints"/);
  });
});
