import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/sequencer.js';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Workspace packages expose their TypeScript sources under the "source" condition.
    conditions: ['source', ...defaultClientConditions],
    // One graphql realm: type-graphql, graphql-shield and Apollo must see the same module instance.
    alias: {
      graphql: require.resolve('graphql', { paths: [new URL('./api', import.meta.url).pathname] }),
      // Global setup resolves outside the "source" condition; point it at the sources too, never at a stale dist.
      '@appraisal/domain': new URL('./domain/src/index.ts', import.meta.url).pathname,
      '@appraisal/migrations': new URL('./migrations/src/index.ts', import.meta.url).pathname,
      // The domain's subpath import (package.json "imports"): the aliased sources above are outside Vite's package lookup.
      '#mathjs-factories': new URL('./domain/src/formula/mathjs-factories.node.ts', import.meta.url).pathname,
    },
  },
  // Tests run in Vite's server environment, which resolves with its own condition list.
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: {
    // Most of a test file's time is waiting (on PostgreSQL, on the API, on Chromium), not computing: a full run
    // used about a quarter of a 2-core machine with one worker (Vitest's default there, cores - 1). Three
    // workers keep both cores busy; VITEST_MAX_WORKERS overrides. All projects share this number: Vitest runs
    // projects with different worker counts one after the other instead of side by side.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    // The long browser files first, the short domain files last (test/support/sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        // Pure functions: the files share their workers' loaded modules instead of starting a process each
        // (60 processes cost more than the 500 tests they run).
        // Property tests compute for seconds; on a loaded machine Vitest's 5 s default measures the machine, not the rule.
        test: { name: 'domain', include: ['domain/src/**/*.spec.ts'], isolate: false, testTimeout: 20_000 },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts', 'test/permissions/**/*.test.ts', 'test/probe/**/*.test.ts', 'api/src/**/*.spec.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // The files share one worker and its loaded modules: each file still gets its own database and server
          // (startTestServer), but the API's module graph (type-graphql, MikroORM, Apollo, the domain) is loaded
          // once instead of once per file, which was the larger part of a short file's time.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/e2e/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Each browser file has its own database, API and Chromium, so files run side by side like the api
          // files; as for those, a worker loads the API's modules once for all the files it runs.
          isolate: false,
        },
      },
    ],
  },
});
