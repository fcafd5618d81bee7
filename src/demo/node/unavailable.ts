/**
 * `node:fs` and `node:path` for the training desk (vite.demo.config.ts aliases them here). The core
 * reaches them only through server/auth/tokens.ts's key files (loadOrCreateSecret, loadIntakeKey),
 * which the training desk never calls — it keeps its secret in IndexedDB (../backend.ts). Calling any
 * of these is a bug, and says so.
 */
function unavailable(name: string) {
  return (): never => {
    throw new Error(`${name} is not available in the training desk (the API runs in the browser)`);
  };
}

export const existsSync = unavailable('fs.existsSync');
export const mkdirSync = unavailable('fs.mkdirSync');
export const readFileSync = unavailable('fs.readFileSync');
export const writeFileSync = unavailable('fs.writeFileSync');
export const join = unavailable('path.join');
