import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ApiHandler } from './core/api';

/** Express adapter: security headers, body limits, /api → the core, the built SPA at /. */

export const BODY_LIMIT = '2mb';

export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  next();
}

export function createHttpApp(api: ApiHandler, opts: { staticDir?: string } = {}) {
  const app = express();
  app.disable('x-powered-by');
  // API answers are no-store (below), so an ETag would only cost a hash of every body; the SPA's
  // files get theirs from express.static
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use(securityHeaders);
  app.use('/api', express.json({ limit: BODY_LIMIT, strict: false, type: () => true }));
  app.use('/api', async (req: Request, res: Response) => {
    const url = new URL(req.originalUrl, 'http://x');
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(',') : v;
    const out = await api({ method: req.method, path: url.pathname.replace(/^\/api/, '') || '/', query: url.searchParams, headers, body: req.body, ip: req.socket.remoteAddress ?? '' });
    res.status(out.status);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range, X-Total-Exact');
    for (const [k, v] of Object.entries(out.headers ?? {})) res.setHeader(k, v);
    if (out.body === undefined) res.end();
    else res.json(out.body);
  });
  const dir = opts.staticDir ? resolve(opts.staticDir) : undefined;
  if (dir && existsSync(join(dir, 'index.html'))) {
    app.use(express.static(dir, { index: 'index.html', dotfiles: 'deny' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(dir, 'index.html')));
  }
  // malformed JSON, too large bodies: a clear 4xx, never a stack trace
  app.use((err: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.type === 'entity.too.large' ? 413 : err.status && err.status < 500 ? 400 : 500;
    const message =
      status === 413 ? { zh: '请求内容过大', en: 'Request body too large' } : status === 400 ? { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' } : { zh: '服务器错误', en: 'Server error' };
    res.status(status).json({ message: message.zh, messages: message });
  });
  return app;
}
