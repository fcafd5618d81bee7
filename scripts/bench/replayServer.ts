import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { ReplayPages } from './replay';

/**
 * The no-work server (a child process, as ours is): answers each recorded path with the answer
 * our server gave it — the same status, headers and bytes — and does nothing else. What the bench
 * times against it is the round trip alone: the client, loopback HTTP and sending the page.
 * Usage: replayServer.ts <pages.json>; prints `LISTENING <port>`.
 */
const pages = JSON.parse(readFileSync(process.argv[2], 'utf8')) as ReplayPages;
const answers = new Map(
  Object.values(pages).map((p) => {
    const body = Buffer.from(p.body, 'utf8');
    return [p.path, { status: p.status, body, headers: { ...p.headers, 'Content-Length': body.length } }];
  }),
);
const server = createServer((req, res) => {
  req.resume();
  const a = answers.get(req.url ?? '');
  if (a) res.writeHead(a.status, a.headers).end(a.body);
  else res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => console.log(`LISTENING ${(server.address() as { port: number }).port}`));
