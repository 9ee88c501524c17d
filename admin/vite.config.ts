import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.API_URL ?? 'http://localhost:4000';

/** The package a module belongs to, `@scope/name` or `name`; undefined for the console's own sources. */
const packageOf = (id: string): string | undefined => id.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/)?.[1];

const REACT = new Set(['react', 'react-dom', 'scheduler', 'react-router', 'react-router-dom']);

/**
 * Long-lived vendor chunks (their hash changes only when the dependency does). Only libraries the sign-in
 * page needs whole go here: a manual chunk is loaded up front, whatever uses it. ra-core stays in one
 * chunk because its modules re-export each other in cycles that Rollup cannot split safely.
 */
const manualChunks = (id: string): string | undefined => {
  const pkg = packageOf(id);
  if (pkg === undefined) return undefined;
  if (REACT.has(pkg)) return 'react';
  return undefined;
};

export default defineConfig({
  base: '/',
  plugins: [react()],
  // Workspace packages expose their TypeScript sources under "source": the console bundles the domain's
  // message catalog from source (and reads its types), so it can never lag behind a built copy.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: apiTarget, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Production builds ship no source maps (they would expose the sources and weigh megabytes).
    sourcemap: false,
    // The entry holds what the sign-in page needs (React, react-admin's core, MUI); its gzip size has a
    // budget checked by test/e2e/delivery.test.ts, which matters more than this raw-size warning.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: { manualChunks },
      onwarn(warning, warn) {
        // ra-core's util/index.js re-exports FieldTitle, which imports util/index.js back. Rollup keeps both in
        // the entry chunk (the lazy chunks import them from there), so no chunk cycle is produced; the
        // delivery test checks that the built chunks import each other without cycles.
        if (warning.code === 'CYCLIC_CROSS_CHUNK_REEXPORT' && warning.exporter?.includes('/ra-core/')) return;
        warn(warning);
      },
    },
  },
});
