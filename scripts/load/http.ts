/**
 * The instrumented HTTP client of the simulated users: every request is timed (send → whole body
 * read) and recorded with its kind and status. Transport failures (refused, reset, timeout) are
 * recorded with status 0. Loopback only.
 */

export interface Sample {
  kind: string;
  /** ms since the recorder's origin when the request was sent */
  t: number;
  ms: number;
  status: number;
  /** 409 where a race is expected (stale version, already approved/submitted) */
  expected409?: boolean;
}

export interface ErrorNote {
  kind: string;
  status: number;
  method: string;
  path: string;
  message: string;
}

export class Recorder {
  readonly origin = performance.now();
  readonly samples: Sample[] = [];
  /** the first few bodies of each unexpected status per kind, to say what went wrong */
  readonly notes: ErrorNote[] = [];
  private noted = new Map<string, number>();

  add(s: Sample) {
    this.samples.push(s);
  }

  note(n: ErrorNote) {
    const key = `${n.kind} ${n.status}`;
    const seen = this.noted.get(key) ?? 0;
    this.noted.set(key, seen + 1);
    if (seen < 3) this.notes.push(n);
  }
}

export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers | null;
  /** message of a transport failure (status 0) */
  error?: string;
}

const TIMEOUT_MS = 30_000;

export const q = (o: Record<string, unknown>) =>
  '?' +
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');

export class Api {
  constructor(
    readonly base: string,
    private readonly rec: Recorder | null,
    private token?: string,
  ) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) throw new Error(`load runs on loopback only, not ${base}`);
  }

  setToken(token: string) {
    this.token = token;
  }

  /**
   * One request. `expect409` marks a 409 as an expected race (counted apart, not as an error).
   * Status 0 = transport failure.
   */
  async call(
    kind: string,
    method: string,
    path: string,
    body?: unknown,
    opts: { expect409?: boolean } = {},
  ): Promise<Reply> {
    const started = performance.now();
    let status = 0;
    let parsed: unknown = undefined;
    let headers: Headers | null = null;
    let error: string | undefined;
    try {
      const res = await fetch(`${this.base}/api${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          'accept-language': 'en',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      status = res.status;
      headers = res.headers;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
    } catch (e) {
      error =
        e instanceof Error
          ? `${e.name}: ${e.message}${e.cause ? ` (${String((e.cause as Error).message ?? e.cause)})` : ''}`
          : String(e);
    }
    const ms = performance.now() - started;
    if (this.rec) {
      const expected409 = status === 409 && opts.expect409 === true;
      this.rec.add({ kind, t: started - this.rec.origin, ms, status, ...(expected409 ? { expected409 } : {}) });
      if (status === 0 || status >= 500 || (status >= 400 && !expected409)) {
        const message =
          error ??
          (parsed && typeof parsed === 'object' && 'message' in parsed
            ? String((parsed as { message: unknown }).message)
            : String(parsed).slice(0, 300));
        this.rec.note({ kind, status, method, path: path.slice(0, 200), message });
      }
    }
    return { status, body: parsed, headers, ...(error ? { error } : {}) };
  }

  get(kind: string, path: string) {
    return this.call(kind, 'GET', path);
  }
}

/** Log in (recorded as kind `auth.login`); throws unless 200. */
export async function login(base: string, rec: Recorder | null, username: string, password = 'baoyi2026') {
  const api = new Api(base, rec);
  const r = await api.call('auth.login', 'POST', '/auth/login', { username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.error ?? JSON.stringify(r.body)}`);
  api.setToken(r.body.token as string);
  return {
    api,
    user: r.body.user as { id: number; username: string; fullName: string; role: string; group: string | null },
  };
}
