import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/**
 * A minimal HTTP client for the bench: node:http with keep-alive (what a browser does), the
 * whole body read before the clock stops. Only 127.0.0.1 targets are accepted.
 */

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: () => any;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function request(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Reply> {
  const url = new URL(path, base);
  if (url.hostname !== '127.0.0.1')
    return Promise.reject(new Error(`bench targets 127.0.0.1 only, not ${url.hostname}`));
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const once = () =>
    new Promise<Reply>((resolve, reject) => {
      const req = httpRequest(
        url,
        {
          method,
          agent,
          headers: {
            accept: 'application/json',
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
            ...headers,
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            let done = false;
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              json: () => {
                if (!done) {
                  parsed = text ? JSON.parse(text) : undefined;
                  done = true;
                }
                return parsed;
              },
            });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`)));
      req.on('error', (e: NodeJS.ErrnoException) => {
        // a kept-alive socket the server closed just as we reused it: nothing reached the server
        // (what a browser retries too) — see the Node docs on request.reusedSocket
        if (req.reusedSocket && e.code === 'ECONNRESET') reject(Object.assign(e, { retry: true }));
        else reject(e);
      });
      if (payload) req.write(payload);
      req.end();
    });
  return once().catch((e: { retry?: boolean }) => (e.retry ? once() : Promise.reject(e)));
}

/** `?sort=…&range=…&filter=…` in the ra-data-simple-rest dialect (JSON values, URL-encoded) */
export const q = (o: Record<string, unknown>) =>
  '?' +
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');

export interface Api {
  base: string;
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown): Promise<Reply>;
}

/** our API as one user (Bearer token from /api/auth/login) */
export async function loginAs(base: string, username: string, password = 'baoyi2026'): Promise<Api> {
  const r = await request(base, 'POST', '/api/auth/login', { username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text.slice(0, 200)}`);
  const token = r.json().token as string;
  const h = { authorization: `Bearer ${token}` };
  return {
    base,
    get: (p) => request(base, 'GET', `/api${p}`, undefined, h),
    post: (p, b) => request(base, 'POST', `/api${p}`, b ?? {}, h),
  };
}

/** stock json-server: no auth, no prefix */
export function stockApi(base: string, timeoutMs = 300_000): Api {
  return {
    base,
    get: (p) => request(base, 'GET', p, undefined, {}, timeoutMs),
    post: (p, b) => request(base, 'POST', p, b ?? {}, {}, timeoutMs),
  };
}

export function expectStatus(r: Reply, ok: number[], what: string): Reply {
  if (!ok.includes(r.status)) throw new Error(`${what}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
  return r;
}
