import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import type { ApiHandler } from './core/api';
import { refusal } from './core/refusal';
import { apiListener, isApiRequest, SECURITY_HEADERS, sendRefusal, SERVER_ERROR } from './apiHttp';

/** The HTTP front: /api → the core over Node's HTTP (apiHttp.ts), the built SPA's files at / by Express. */

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const BAD_FILE_REQUEST = refusal(400, '请求无效', 'Bad request');

export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  next();
}

export interface HttpApp {
  /** a request listener, or middleware in another app (the mock API mounts it in json-server's) */
  (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void): void;
  listen(port: number, host: string, ready?: () => void): Server;
}

export function createHttpApp(api: ApiHandler, opts: { staticDir?: string } = {}): HttpApp {
  const serveApi = apiListener(api);
  const spa = express();
  spa.disable('x-powered-by');
  spa.set('trust proxy', false);
  spa.use(securityHeaders);
  const dir = opts.staticDir ? resolve(opts.staticDir) : undefined;
  if (dir && existsSync(join(dir, 'index.html'))) {
    // Vite names what it puts in assets/ by content hash: a browser keeps those for good and asks
    // for nothing on the next start; index.html (which names them) is asked again every time
    const assets = join(dir, 'assets') + sep;
    const cacheControl = (file: string) => (file.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    spa.use(
      express.static(dir, {
        index: 'index.html',
        dotfiles: 'deny',
        cacheControl: false,
        setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControl(file)),
      }),
    );
    spa.get(/^\/(?!api\/).*/, (_req, res) =>
      res.sendFile(join(dir, 'index.html'), { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } }),
    );
  }
  // a file that cannot be served (a bad path: 400, 403 …) keeps its status; never a stack trace
  spa.use((err: { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    sendRefusal(res, status === 500 ? SERVER_ERROR : BAD_FILE_REQUEST, req, status);
  });
  const app = ((req, res, next) => {
    if (isApiRequest(req.url)) void serveApi(req, res);
    else spa(req as Request, res as Response, next as NextFunction);
  }) as HttpApp;
  app.listen = (port, host, ready) => createServer(app).listen(port, host, ready);
  return app;
}
