import { expect } from 'vitest';
import { gql, type GqlResult } from './graphql.js';

/** Fails the test with the errors when a GraphQL call did not succeed. */
export function ok<T>(result: GqlResult<T>): T {
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors, null, 1));
  return result.data;
}

/** The published version id and department of a seed scheme by code. */
export async function schemeVersionOf(url: string, token: string, code: string): Promise<{ versionId: string; schemeId: string }> {
  const data = ok(await gql<{ schemes: { nodes: Array<{ id: string; code: string; latestVersion: { id: string } | null }> } }>(url, '{ schemes(first: 50) { nodes { id code latestVersion { id } } } }', {}, token));
  const s = data.schemes.nodes.find((n) => n.code === code);
  if (!s?.latestVersion) throw new Error(`no published scheme ${code}`);
  return { versionId: s.latestVersion.id, schemeId: s.id };
}

export async function departmentId(url: string, token: string, code: string): Promise<string> {
  const data = ok(await gql<{ departments: { nodes: Array<{ id: string; code: string }> } }>(url, '{ departments(first: 100) { nodes { id code } } }', {}, token));
  const d = data.departments.nodes.find((n) => n.code === code);
  if (!d) throw new Error(`no department ${code}`);
  return d.id;
}

export const CYCLE_FIELDS = 'id version name state periodKey periodStart periodEnd phases { phase opens closes nominalCloses postponed overridden } launch { status progress }';

/** Polls a cycle until its launch is done (or failed), returning the cycle. */
export async function waitForLaunch(url: string, token: string, id: string, timeoutMs = 30_000): Promise<{ id: string; version: number; state: string; launch: { status: string; progress: Record<string, unknown> } }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const data = ok(await gql<{ cycle: { id: string; version: number; state: string; launch: { status: string; progress: Record<string, unknown> } } }>(url, `query($id: ID!) { cycle(id: $id) { ${CYCLE_FIELDS} } }`, { id }, token));
    if (data.cycle.launch.status === 'DONE' || data.cycle.launch.status === 'FAILED') return data.cycle;
    if (Date.now() > until) throw new Error(`launch of ${id} did not finish: ${JSON.stringify(data.cycle.launch)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  expect.unreachable();
}

export { waitForJobsIdle } from './server.js';

/** Signs in as an employee of the demo group by number: creates an account for them when there is none. */
export async function loginAs(server: { url: string; orm: import('@mikro-orm/postgresql').MikroORM }, employeeNumber: string, roles: string[] = ['EMPLOYEE']): Promise<string> {
  const { hashPassword } = await import('../../api/src/core/passwords.js');
  const { login, DEMO_PASSWORD } = await import('./graphql.js');
  const email = `${employeeNumber.toLowerCase()}@test.local`;
  const connection = server.orm.em.fork().getConnection();
  const found = await connection.execute('select 1 from app_user where email = ?', [email]);
  if (!found.length)
    await connection.execute(
      `insert into app_user (id, created_at, updated_at, email, password_hash, display_name, roles, employee_id, locale, active)
       select gen_random_uuid(), now(), now(), ?, ?, e.name, ?::text[], e.id, 'en', true from employee e where e.employee_number = ?`,
      [email, await hashPassword(DEMO_PASSWORD), `{${roles.join(',')}}`, employeeNumber],
    );
  return login(server.url, email);
}

/** Employee id by number. */
export async function employeeIdOf(server: { orm: import('@mikro-orm/postgresql').MikroORM }, employeeNumber: string): Promise<string> {
  const rows = await server.orm.em.fork().getConnection().execute<Array<{ id: string }>>('select id from employee where employee_number = ?', [employeeNumber]);
  if (!rows[0]) throw new Error(`no employee ${employeeNumber}`);
  return rows[0].id;
}
