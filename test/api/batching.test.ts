import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
const tokens = {} as Record<keyof typeof demo, string>;

// What the employee list screen shows: each person with department, position and supervisor.
const LIST = `query($first: Int!) {
  employees(first: $first) { totalCount nodes { name department { name } position { name } supervisor { name } } }
}`;
// Two levels deeper: DataLoader answers repeats from its cache, so deeper lists may cost fewer statements, never more.
const DEEP = `query($first: Int!) {
  employees(first: $first) {
    totalCount
    nodes { name department { name parent { name } } position { name department { code } } supervisor { name position { name } } }
  }
}`;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(demo) as Array<keyof typeof demo>) tokens[role] = await login(server.url, demo[role]);
  hr = tokens.hr;
  // Grow the demo group past 500 people, spread over departments and supervisors.
  await server.orm.em.getConnection().execute(`
    insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status)
    select gen_random_uuid(), 1, now(), now(), 'BULK' || lpad(g::text, 4, '0'), 'Bulk ' || g, e.department_id, e.position_id, e.supervisor_id, date '2020-01-01', 'REGULAR'
    from generate_series(1, 400) g
    join lateral (select department_id, position_id, supervisor_id from employee where supervisor_id is not null order by employee_number offset (g % 100) limit 1) e on true`);
});
afterAll(() => server?.stop());

async function statementsFor(first: number, query = LIST, token = hr): Promise<number> {
  server.sql.length = 0;
  const result = await gql<{ employees: { totalCount: number; nodes: unknown[] } }>(server.url, query, { first }, token);
  expect(result.errors).toBeUndefined();
  expect(result.data?.employees.nodes).toHaveLength(Math.min(first, result.data?.employees.totalCount ?? 0));
  // Only statements issued while answering the query; the sign-in lookup of the token is one of them.
  const statements = server.sql.filter((line) => /\b(select|insert|update|delete)\b/i.test(line));
  if (process.env.SHOW_SQL) console.log(first, statements.map((s) => s.slice(0, 160)).join('\n'));
  return statements.length;
}

describe('related data is loaded in batches', () => {
  it('issues the same small number of SQL statements for 10, 100 and 500 employees', async () => {
    const counts = [await statementsFor(10), await statementsFor(100), await statementsFor(500)];
    if (process.env.SHOW_SQL) console.log(server.sql.join("\n"));
    console.log(`SQL statements for 10 / 100 / 500 employees with department, position and supervisor: ${counts.join(' / ')}`);
    expect(new Set(counts).size).toBe(1);
    // The token's account, then one statement: the page with its total, departments, positions and supervisors joined.
    expect(counts[0]).toBe(2);
  });

  it('stays at 4 statements or fewer for every role, whatever the page size', async () => {
    // The committee may not read supervisors, so its list screen shows names, departments and positions.
    const committeeList = LIST.replace(' supervisor { name }', '');
    for (const role of Object.keys(demo) as Array<keyof typeof demo>) {
      const query = role === 'committee' ? committeeList : LIST;
      const counts = [await statementsFor(10, query, tokens[role]), await statementsFor(100, query, tokens[role]), await statementsFor(500, query, tokens[role])];
      console.log(`SQL statements for 10 / 100 / 500 employees as ${role}: ${counts.join(' / ')}`);
      expect(new Set(counts).size, role).toBe(1);
      expect(counts[0], role).toBeLessThanOrEqual(4);
    }
  });

  it('does not grow with the list when relations nest further', async () => {
    const counts = [await statementsFor(10, DEEP), await statementsFor(100, DEEP), await statementsFor(500, DEEP)];
    console.log(`SQL statements with nested relations for 10 / 100 / 500 employees: ${counts.join(' / ')}`);
    expect(Math.max(...counts)).toBeLessThanOrEqual(10);
    expect(counts[2]).toBeLessThanOrEqual(counts[0] as number);
  });
});
