/** The training desk's settings (demo build only). */

/**
 * The demo users' password hashes: scrypt with N = 2^10 instead of the server's 2^15 — in a
 * browser's JavaScript, 2^15 takes seconds per hash, and the seed makes 23 of them. DEMO ONLY: the
 * training desk's data never leaves the browser, and its one password is printed on its login page.
 * Logging in is the server's code all the same: verifyPassword reads N from the stored hash.
 * Passwords set in the desk (users screen) are hashed as on the server, with 2^15.
 */
export const DEMO_SCRYPT_N = 2 ** 10;

/**
 * The demo branch in the browser: the server's seed (server/seed) with its default seed number —
 * the same branch for the same day — five weeks of orders (the 30-day trends have their month), a
 * somewhat smaller branch than a server's first start (120 customers, ~25 orders a working day:
 * ~650 orders, ~1.7 MB in IndexedDB), so that a first visit is ready in about a second or two.
 */
export const DEMO_SEED = { customers: 120, days: 35, perWorkingDay: 25 } as const;

/** The stored data's format; data of another format is seeded anew (raise it when a change of the store would misread older data). */
export const DEMO_STATE_FORMAT = 1;
