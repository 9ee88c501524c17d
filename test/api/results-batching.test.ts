import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { ok, waitForJobsIdle } from '../support/cycles.js';
import { demo, gql, login } from '../support/graphql.js';
import { cycleVersion, ratedWardCycle, setPool, step, type WardCycle } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
let ward: WardCycle;
let publishMs = 0;

// What the results screen shows per appraisal: person, cycle, total, grade, pay and the acknowledgement.
const LIST = `query($first: Int!, $c: ID!) {
  appraisals(first: $first, filter: { cycleId: $c }, sort: [{ field: TOTAL, direction: DESC }]) {
    totalCount nodes { id state total grade publishedAt employee { name } cycle { name } pay { total lines { component amount } } acknowledgement { due } }
  }
}`;

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2025-10-02') });
  hr = await login(server.url, demo.hr);
  ward = await ratedWardCycle(server, hr, { code: 'wardBulk', period: '2025-09' });
  // Grow the ward's cycle to 515 appraisals: 500 more nurses, each with a computed result (a copy of a real one).
  const connection = server.orm.em.fork().getConnection();
  await connection.execute(`
    insert into employee (id, version, created_at, updated_at, employee_number, name, department_id, position_id, supervisor_id, hire_date, employment_status, category, performance_pay_base)
    select gen_random_uuid(), 1, now(), now(), 'BULKN' || lpad(g::text, 4, '0'), 'Bulk nurse ' || g, e.department_id, e.position_id, e.supervisor_id, date '2020-01-01', 'REGULAR', 'nursing', 2200
    from generate_series(1, 500) g, (select department_id, position_id, supervisor_id from employee where employee_number = 'NUMED001') e`);
  await connection.execute(
    `insert into appraisal (id, created_at, updated_at, cycle_id, employee_id, group_key, included_manually, state)
     select gen_random_uuid(), now(), now(), ?, e.id, a.group_key, false, 'rating' from employee e, (select group_key from appraisal where cycle_id = ? limit 1) a
     where e.employee_number like 'BULKN%'`,
    [ward.cycleId, ward.cycleId],
  );
  await connection.execute(
    `insert into appraisal_result (id, created_at, updated_at, appraisal_id, number, scheme_version_id, basis, total, engine_grade, record, computed_by)
     select gen_random_uuid(), now(), now(), a.id, 1, r.scheme_version_id, r.basis, r.total, r.engine_grade,
            jsonb_set(jsonb_set(jsonb_set(r.record, '{appraisalId}', to_jsonb(a.id::text)), '{employeeId}', to_jsonb(a.employee_id::text)), '{output,employeeId}', to_jsonb(a.employee_id::text)), 'SUBMISSION'
     from appraisal a join employee e on e.id = a.employee_id,
          (select r.* from appraisal_result r join appraisal x on x.id = r.appraisal_id join employee y on y.id = x.employee_id where y.employee_number = 'NUMED013') r
     where a.cycle_id = ? and e.employee_number like 'BULKN%'`,
    [ward.cycleId],
  );
  await connection.execute(`update appraisal a set result_id = r.id from appraisal_result r where r.appraisal_id = a.id and a.cycle_id = ? and a.result_id is null`, [ward.cycleId]);
  await step(server, hr, ward.cycleId, 'START_CALIBRATION');
  await setPool(server, hr, ward.cycleId, '123456.78');
  const { version } = await cycleVersion(server, hr, ward.cycleId);
  const started = Date.now();
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v, override: { reason: "ward merged this month; quotas apply from next month" }) { state } }', { id: ward.cycleId, v: version }, hr));
  publishMs = Date.now() - started;
  // The publication queued background work (analytics refresh, roll-ups): let it finish before statements are counted.
  await waitForJobsIdle(server);
}, 180_000);
afterAll(() => server?.stop());

async function statementsFor(first: number): Promise<number> {
  server.sql.length = 0;
  const result = await gql<{ appraisals: { totalCount: number; nodes: Array<{ total: string; grade: string; pay: { total: string } }> } }>(server.url, LIST, { first, c: ward.cycleId }, hr);
  expect(result.errors).toBeUndefined();
  expect(result.data?.appraisals.nodes).toHaveLength(first);
  expect(result.data?.appraisals.nodes.every((n) => n.total && n.grade && n.pay.total)).toBe(true);
  return server.sql.filter((line) => /\b(select|insert|update|delete)\b/i.test(line)).length;
}

describe('published results of 515 appraisals', () => {
  it('publish pays the whole pool to the cent over 515 people', async () => {
    const rows = await server.orm.em.fork().getConnection().execute<Array<{ total: string; n: number }>>(`select sum(amount)::text as total, count(*)::int as n from pay_line where cycle_id = ? and component = 'bonus'`, [ward.cycleId]);
    expect(rows[0]).toEqual({ total: '123456.78', n: 515 });
    console.log(`publishCycle of 515 appraisals (calibration check, pay, 515 published results, 1,030 pay lines): ${publishMs} ms`);
  });

  it('lists 10, 100 or 500 results with total, grade, pay and acknowledgement in the same number of statements', async () => {
    const counts = [await statementsFor(10), await statementsFor(100), await statementsFor(500)];
    console.log(`SQL statements for 10 / 100 / 500 published results: ${counts.join(' / ')}`);
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });
});
