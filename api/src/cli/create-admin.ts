import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openOrm } from '../db/orm.js';
import { checkAdminCredentials, createInitialAdmin } from '../seed/initial-admin.js';
import { connectForCli } from './database.js';

/**
 * `pnpm create-admin --email ops@example.com [--name "Ops"]`: creates an ADMIN account. The password comes
 * from ADMIN_PASSWORD or, when that is unset, from the first line of standard input (never an argument,
 * which would land in the shell history and the process list).
 */
async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password for the new ADMIN (input is not hidden; prefer ADMIN_PASSWORD or a pipe): ');
  let input = '';
  for await (const chunk of process.stdin) {
    input += String(chunk);
    if (input.includes('\n')) break;
  }
  return input.split(/\r?\n/)[0] ?? '';
}

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
if (!values.email) {
  console.error('usage: pnpm create-admin --email <address> [--name <display name>]   (password from ADMIN_PASSWORD or stdin)');
  process.exit(2);
}
const password = await readPassword();
try {
  checkAdminCredentials(values.email.trim().toLowerCase(), password);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const config = loadConfig();
const db = await connectForCli(config);
const orm = await openOrm({ url: db.url });
let exitCode = 0;
try {
  await createInitialAdmin(orm.em, values.email, password, { onlyIfEmpty: false, displayName: values.name ?? 'Administrator' });
  console.log(`created ADMIN ${values.email.trim().toLowerCase()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  exitCode = 1;
} finally {
  await orm.close(true);
  await db.stop();
}
process.exit(exitCode);
