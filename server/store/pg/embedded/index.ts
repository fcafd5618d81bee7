import { join } from 'node:path';
import { openPostgres, type SqlDriver } from '../driver';
import { startCluster, type ClusterOptions } from './cluster';

/** the embedded PostgreSQL's folder in DATA_DIR */
export const clusterDirOf = (dataDir: string) => join(dataDir, 'postgres');

/** DATA_DIR's embedded PostgreSQL, started (initialised on first use), and a driver to its database; closing stops it */
export async function openEmbedded(
  dataDir: string,
  opts: ClusterOptions = {},
): Promise<SqlDriver & { clusterDir: string }> {
  const cluster = await startCluster(clusterDirOf(dataDir), opts);
  try {
    const driver = await openPostgres(cluster.url(), 'embedded', () => cluster.stop());
    return { ...driver, clusterDir: cluster.dir };
  } catch (e) {
    await cluster.stop();
    throw e;
  }
}
