/**
 * Command-line options of `npm run load` (see scripts/load/README.md).
 *   --seconds N      how long the users run (default 60)
 *   --users N        simulated users (default 50): ~40 % clerks, ~10 % managers, the rest readers
 *   --store KIND     embedded (default: the embedded PostgreSQL in a temp DATA_DIR) | json (STORE=json) | postgres (a fresh
 *                    database on --database-url / LOAD_DATABASE_URL / TEST_DATABASE_URL, dropped after)
 *   --think MS       mean think time between a user's steps (default 250; 0 = flat out)
 *   --ramp S         users start spread over the first S seconds (default min(5, seconds / 6))
 *   --customers N --days N --per-day N   the seed (default 120 / 14 / 30)
 *   --seed N         the users' random choices (default 1)
 *   --keep           keep the temp DATA_DIR (and the postgres database)
 *   --login-flood    instead: N bad logins in flight (--flood, default 300) while --users signed-in users work;
 *                    fails unless their p95 stays under 1 s (flood.ts)
 */

export type StoreKind = 'embedded' | 'json' | 'postgres';

export interface LoadOptions {
  seconds: number;
  users: number;
  store: StoreKind;
  databaseUrl: string;
  thinkMs: number;
  rampS: number;
  customers: number;
  days: number;
  perDay: number;
  seed: number;
  keep: boolean;
  /** the login-flood run (flood.ts) instead of the simulated users */
  loginFlood: boolean;
  /** bad logins in flight during it */
  flood: number;
}

const USAGE = `usage: npm run load -- [--seconds 60] [--users 50] [--store embedded|json|postgres] [--think 250] [--ramp 5]
                        [--customers 120] [--days 14] [--per-day 30] [--seed 1] [--database-url URL] [--keep]
       npm run load -- --login-flood [--flood 300] [--seconds 15] [--users 10] [--store …]`;

export function parseOptions(argv: string[]): LoadOptions {
  const o: LoadOptions = {
    seconds: 60,
    users: 50,
    store: 'embedded',
    databaseUrl:
      process.env.LOAD_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    thinkMs: 250,
    rampS: -1,
    customers: 120,
    days: 14,
    perDay: 30,
    seed: 1,
    keep: false,
    loginFlood: false,
    flood: 300,
  };
  const int = (name: string, v: string | undefined, min: number, max: number) => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} needs a whole number from ${min} to ${max}\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--seconds':
        o.seconds = int('seconds', value(), 1, 3600);
        break;
      case '--users':
        o.users = int('users', value(), 1, 1000);
        break;
      case '--think':
        o.thinkMs = int('think', value(), 0, 60_000);
        break;
      case '--ramp':
        o.rampS = int('ramp', value(), 0, 3600);
        break;
      case '--customers':
        o.customers = int('customers', value(), 10, 100_000);
        break;
      case '--days':
        o.days = int('days', value(), 1, 400);
        break;
      case '--per-day':
        o.perDay = int('per-day', value(), 1, 10_000);
        break;
      case '--seed':
        o.seed = int('seed', value(), 0, 2 ** 31 - 1);
        break;
      case '--store': {
        const v = value();
        if (v !== 'embedded' && v !== 'json' && v !== 'postgres')
          throw new Error(`--store is embedded, json or postgres\n${USAGE}`);
        o.store = v;
        break;
      }
      case '--database-url': {
        const v = value();
        if (!v) throw new Error(`--database-url needs a URL\n${USAGE}`);
        o.databaseUrl = v;
        break;
      }
      case '--keep':
        o.keep = true;
        break;
      case '--login-flood':
        o.loginFlood = true;
        break;
      case '--flood':
        o.flood = int('flood', value(), 1, 2000);
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
    }
  }
  if (o.rampS < 0) o.rampS = Math.min(5, Math.floor(o.seconds / 6));
  if (o.rampS >= o.seconds) throw new Error(`--ramp must be shorter than --seconds\n${USAGE}`);
  return o;
}

/** How the users split into the three kinds: ~40 % clerks, ~10 % managers (at least one each). */
export function splitUsers(n: number): { clerks: number; managers: number; readers: number } {
  if (n === 1) return { clerks: 1, managers: 0, readers: 0 };
  if (n === 2) return { clerks: 1, managers: 1, readers: 0 };
  const clerks = Math.max(1, Math.round(n * 0.4));
  const managers = Math.max(1, Math.round(n * 0.1));
  return { clerks, managers, readers: Math.max(0, n - clerks - managers) };
}
