import { DEFINITIONS, getDefinition } from '../src/domain/documents';
import { migrationSql } from '../server/store/pg/ddl';

/**
 * Prints the SQL of a migration for document types, generated from their definitions (deferrable
 * foreign keys, search bigrams with a GIN index without a pending list, the row count): review it and
 * commit it as server/store/pg/migrations/NNN_<name>.sql.
 *
 *   npx tsx scripts/ddl.ts <resource> [<resource> …]
 */
const names = process.argv.slice(2);
if (names.length === 0) {
  console.error(`usage: npx tsx scripts/ddl.ts <resource> …  (one of: ${Object.keys(DEFINITIONS).join(', ')})`);
  process.exit(2);
}
const defs = names.map((n) => {
  const def = getDefinition(n);
  if (!def) {
    console.error(`no document type ${n}`);
    process.exit(2);
  }
  return def;
});
process.stdout.write(migrationSql(defs));
