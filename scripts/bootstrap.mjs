#!/usr/bin/env node
// Runs the two README commands on a machine that has only Node 20+ and npm: it finds or fetches pnpm,
// installs the workspace, then starts the product (`start`) or runs every check (`test`).
// Plain Node on purpose: it must work before any dependency is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

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

/** Runs pnpm steps, `concurrency` at a time; prints each step's output when it ends; returns the failed ones. */
async function runAll(steps, concurrency = availableParallelism()) {
  const failed = [];
  const queue = [...steps];
  const worker = async () => {
    for (let step = queue.shift(); step; step = queue.shift()) {
      const [name, args] = step;
      const started = Date.now();
      const output = [];
      const status = await new Promise((resolve) => {
        const child = spawn(pnpm, [...prefix, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('error', (error) => {
          output.push(Buffer.from(String(error)));
          resolve(1);
        });
        child.on('close', (code) => resolve(code ?? 1));
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\n── ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${seconds} s`);
      process.stdout.write(Buffer.concat(output));
      if (status !== 0) failed.push(name);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, steps.length)) }, worker));
  return failed;
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

function warnWithoutChromium() {
  if (existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) return;
  const banner = '!'.repeat(78);
  console.warn(`\n${banner}\n  Chromium was not found at /usr/bin/chromium: the browser tests will be SKIPPED.\n  Install it with: sudo apt-get install -y chromium   (CI installs it and fails without it)\n${banner}\n`);
}

const [pnpm, prefix] = findPnpm();
const p = (...args) => must(pnpm, [...prefix, ...args]);

p('install', '--frozen-lockfile');

if (mode === 'test') {
  // The tests need the builds (the browser tests serve admin/dist, one test starts api/dist/main.js); the type
  // checks and the linter read the sources and nobody waits for them. So: both builds side by side, then the
  // tests, with the checks running one at a time beside them: most of a test's time is waiting, which leaves
  // a core for the checks. Each step's output is printed when it ends; any failure fails the run.
  const failedBuilds = await runAll([
    ['build: console', ['--filter', './admin', 'run', 'build']],
    ['build: domain, migrations, api', ['--filter', './domain', '--filter', './migrations', '--filter', './api', 'run', 'build']],
  ]);
  if (failedBuilds.length) {
    console.error(`\nFailed: ${failedBuilds.join('; ')}`);
    process.exit(1);
  }
  warnWithoutChromium();
  const checks = runAll(
    [
      ['typecheck: domain, api, migrations, tests', ['exec', 'tsc', '-p', 'tsconfig.json', '--noEmit']],
      ['typecheck: console', ['--filter', './admin', 'run', 'typecheck']],
      ['lint', ['run', 'lint']],
    ],
    1,
  );
  const tests = new Promise((resolve) => {
    const child = spawn(pnpm, [...prefix, 'exec', 'vitest', 'run'], { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
  const [failedChecks, testStatus] = await Promise.all([checks, tests]);
  const failed = [...failedChecks, ...(testStatus === 0 ? [] : [`tests (exit ${testStatus})`])];
  if (failed.length) {
    console.error(`\nFailed: ${failed.join('; ')}`);
    process.exit(1);
  }
  process.exit(0);
} else {
  p('run', 'build');
}

if (mode === 'start') {
  // Replace this process so Ctrl-C and SIGTERM reach the server and it stops PostgreSQL cleanly.
  const child = spawnSync(process.execPath, [...API_NODE_FLAGS, 'api/dist/main.js'], { stdio: 'inherit' });
  process.exit(child.status ?? 0);
}

