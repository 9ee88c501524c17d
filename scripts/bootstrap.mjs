#!/usr/bin/env node
// Runs the two README commands on a machine that has only Node 20+ and npm: it finds or fetches pnpm,
// installs the workspace, then starts the product (`start`) or runs every check (`test`).
// Plain Node on purpose: it must work before any dependency is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PNPM_VERSION = '10.34.9';
// Keep in step with package.json `start` and the Dockerfile: a bounded old generation keeps the API near
// 250 MB under load instead of letting V8 grow it lazily to ~500 MB (test/bench/api-http.ts measures it).
// Raise it with NODE_OPTIONS for very large groups.
const API_NODE_FLAGS = ['--max-old-space-size=384'];
const mode = process.argv[2];
if (mode !== 'start' && mode !== 'test') {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(command, args) {
  const status = run(command, args);
  if (status !== 0) process.exit(status);
}

function findPnpm() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm', []];
  // corepack cannot fetch pnpm on every machine; npx fetches the pinned version from the npm registry.
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
}

const [pnpm, prefix] = findPnpm();
const p = (...args) => must(pnpm, [...prefix, ...args]);

p('install', '--frozen-lockfile');
p('run', 'build');

if (mode === 'start') {
  // Replace this process so Ctrl-C and SIGTERM reach the server and it stops PostgreSQL cleanly.
  const child = spawnSync(process.execPath, [...API_NODE_FLAGS, 'api/dist/main.js'], { stdio: 'inherit' });
  process.exit(child.status ?? 0);
}

p('run', 'typecheck');
p('run', 'lint');
if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  const banner = '!'.repeat(78);
  console.warn(`\n${banner}\n  Chromium was not found at /usr/bin/chromium: the browser tests will be SKIPPED.\n  Install it with: sudo apt-get install -y chromium   (CI installs it and fails without it)\n${banner}\n`);
}
p('exec', 'vitest', 'run');
