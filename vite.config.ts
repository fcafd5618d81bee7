import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Dev: `npm run dev` serves the SPA with Vite and proxies /api to the server (npm run serve).
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      onwarn(warning, warn) {
        // ra-core's util/index.js is a re-export-only barrel: Rollup warns that the modules it
        // re-exports may land in other chunks than it, but the barrel has no code of its own and
        // the built chunks import each other without a cycle (issue 7's split was checked so)
        if (
          warning.code === 'CYCLIC_CROSS_CHUNK_REEXPORT' &&
          /ra-core[\\/]dist[\\/]util[\\/]index\.js$/.test(warning.reexporter ?? '')
        )
          return;
        warn(warning);
      },
    },
  },
  // Component tests opt into jsdom with `// @vitest-environment jsdom` at the top of the file.
  test: {
    globals: true,
    environment: 'node',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['node_modules/**'],
    testTimeout: 30000,
    hookTimeout: 180000,
    setupFiles: ['test/setup.ts'],
    // one PostgreSQL for the run (the embedded one, or TEST_STORE=postgres's server); fresh databases from templates
    globalSetup: ['test/helpers/cluster.ts'],
  },
});
