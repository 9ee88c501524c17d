import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../api/src/config.js';
import { freePort } from '../support/ports.js';

/**
 * The built server as an operator runs it (`node api/dist/main.js`, embedded PostgreSQL in its own data
 * directory), killed the hard way. `npm test` builds first; run `pnpm build` before running this file alone.
 */
const MAIN = path.join(repoRoot, 'api/dist/main.js');
let dataDir: string;
let port: number;
let pgPort: number;
const children: ChildProcess[] = [];

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startBuilt(): Running {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), APPRAISAL_DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function ready(running: Running, ms = 150_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (running.child.exitCode !== null) throw new Error(`server exited (${running.child.exitCode}):\n${running.output().slice(-3000)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not ready in ${ms} ms:\n${running.output().slice(-3000)}`);
}

/** Alive and not a zombie (an orphan's exit may be reaped late by whatever adopted it). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !existsSync(`/proc/${pid}/stat`) || !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
};
const postmasterPid = async () => Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`pnpm build\` first (npm test does)`);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'appraisal-kill-'));
  await chmod(dataDir, 0o755);
  [port, pgPort] = await Promise.all([freePort(), freePort()]);
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  const pid = await postmasterPid().catch(() => 0);
  if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await rm(dataDir, { recursive: true, force: true });
});

describe('the embedded database after kill -9', () => {
  it('comes back up on the next start, stopping the orphaned PostgreSQL and saying so', async () => {
    const first = startBuilt();
    await ready(first);
    const orphan = await postmasterPid();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // PostgreSQL outlives the API: the situation to recover from

    const second = startBuilt();
    await ready(second);
    expect(second.output()).toMatch(/still running on this data directory/);
    expect(second.output()).toMatch(/stopped the orphaned PostgreSQL/);
    expect(alive(orphan)).toBe(false);

    const started = Date.now();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 360_000);

  it('exits promptly on SIGTERM when its PostgreSQL is already gone', async () => {
    const running = startBuilt();
    await ready(running);
    process.kill(await postmasterPid(), 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    running.child.kill('SIGTERM');
    await running.exited;
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 240_000);
});
