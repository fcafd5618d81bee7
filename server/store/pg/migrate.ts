import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentDefinition } from '../../../src/domain/definition';
import { BUILT_IN, DEFINITIONS } from '../../../src/domain/documents';
import { definitionsDdl } from './ddl';
import type { SqlDriver } from './driver';
import { tableOf } from './tables';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Versioned migrations (`migrations/NNN_name.sql`), applied in order at start, each in its own
 * transaction, recorded in schema_migrations. An advisory lock keeps two servers starting at
 * once from applying the same migration twice. Then the tables of document types registered
 * beside the built-in ones (`registerDocument`) that no migration made, generated from their
 * definitions (ddl.ts), recorded as `definition:<table>`.
 */
export async function migrate(db: SqlDriver): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(20261127)');
    const done = new Set(
      (await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    for (const f of files) {
      if (done.has(f)) continue;
      const sql = readFileSync(join(MIGRATIONS_DIR, f), 'utf8');
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [f]);
      applied.push(f);
    }
    // a type registered beside the built-in ones (registerDocument) without a migration: its table from its definition
    const missing: DocumentDefinition[] = [];
    for (const def of Object.values(DEFINITIONS).filter((d) => !BUILT_IN.has(d.resource))) {
      if (
        !(await tx.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [tableOf(def.resource)])).rows[0].t
      )
        missing.push(def);
    }
    for (const statement of definitionsDdl(missing)) await tx.query(statement);
    for (const def of missing) {
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [`definition:${tableOf(def.resource)}`]);
      applied.push(`definition:${tableOf(def.resource)}`);
    }
  });
  return applied;
}

/** Split a migration into statements; `$$ … $$` bodies (functions) are kept whole. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    const trimmed = line.trim();
    if (!inDollar && (trimmed.startsWith('--') || trimmed === '')) continue;
    current += line + '\n';
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inDollar = !inDollar;
    if (!inDollar && trimmed.endsWith(';')) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
