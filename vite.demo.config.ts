import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import base from './vite.config';

/**
 * The training desk (`npm run build:demo` → dist-demo/): the same SPA with its /api answered in the
 * browser by MSW over the API core (src/demo). Only this build carries the demo's entry, worker,
 * seed and core — the server build (vite.config.ts) does not change.
 *
 * - index.html loads src/demo/main.tsx instead of src/main.tsx;
 * - mockServiceWorker.js is the installed msw's own file, copied at build time (never a stale copy);
 * - the core's Node imports get browser implementations (src/demo/node): node:crypto's HMAC, hashes,
 *   scrypt and random bytes, and node:fs / node:path for the key-file helpers the desk never calls;
 * - relative asset paths (base './'), so the folder can be served from any path of any static host.
 */

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const workerFile = () => readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'));

function trainingDesk(): Plugin {
  return {
    name: 'baoyi-training-desk',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => {
        if (!html.includes('/src/main.tsx'))
          throw new Error('index.html no longer loads /src/main.tsx: update vite.demo.config.ts');
        return html.replace('/src/main.tsx', '/src/demo/main.tsx');
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: workerFile() });
    },
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(workerFile());
      });
    },
  };
}

// the server build's settings without its dev proxy (nothing listens on /api here) and its test setup
const { server: _server, test: _test, ...shared } = base as typeof base & { test?: unknown };

export default mergeConfig(
  shared,
  defineConfig({
    base: './',
    plugins: [trainingDesk()],
    resolve: {
      alias: {
        'node:crypto': here('src/demo/node/crypto.ts'),
        'node:fs': here('src/demo/node/unavailable.ts'),
        'node:path': here('src/demo/node/unavailable.ts'),
      },
    },
    build: { outDir: 'dist-demo', emptyOutDir: true },
    // the desk's API worker (src/demo/apiWorker.ts) is an ES module worker, as the page asks for it
    worker: { format: 'es' },
  }),
);
