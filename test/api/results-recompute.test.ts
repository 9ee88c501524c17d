import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { CYCLE_FIELDS, departmentId, loginAs, ok, schemeVersionOf, waitForLaunch } from '../support/cycles.js';
import { demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Recomputing a result: a rating returned by HR and submitted again with the same scores keeps the current result
// (the stored engine input is jsonb, whose key order differs from the engine's, so the comparison is canonical);
// different scores write the next result number. The result writes go through executeBound (bound parameters),
// which the SQL counters see like any other statement.
let server: TestServer;
let hr: string;
let headCook: string;
let cycleId = '';

type Task = { id: string; version: number; state: string; appraisal: { id: string; employee: { employeeNumber: string } } };
const ids = ['hygiene', 'foodQuality', 'service', 'discipline', 'safety'];
const form = (p: readonly string[]) => ({ items: Object.fromEntries(ids.map((id, i) => [id, { points: p[i] }])), comment: 'steady month' });
const SUBMIT = 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state version } }';
const RETURN = 'mutation($id: ID!, $v: Int!, $r: String!) { returnRating(ratingId: $id, version: $v, reason: $r) { state version } }';
const sqlRows = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);

async function task(employeeNumber: string): Promise<Task> {
  const nodes = ok(await gql<{ myRatingTasks: { nodes: Task[] } }>(server.url, '{ myRatingTasks(first: 100) { nodes { id version state appraisal { id employee { employeeNumber } } } } }', {}, headCook)).myRatingTasks.nodes;
  const found = nodes.find((t) => t.appraisal.employee.employeeNumber === employeeNumber);
  if (!found) throw new Error(`no rating task for ${employeeNumber}`);
  return found;
}

/** The appraisal's result numbers, oldest first, and which one is current. */
async function results(appraisalId: string): Promise<{ numbers: number[]; current: number | null }> {
  const rows = await sqlRows<{ number: number; current: boolean }>('select r.number, r.id = a.result_id as current from appraisal_result r join appraisal a on a.id = r.appraisal_id where a.id = ? order by r.number', [appraisalId]);
  return { numbers: rows.map((r) => r.number), current: rows.find((r) => r.current)?.number ?? null };
}

async function returnAndSubmit(employeeNumber: string, points: readonly string[]): Promise<void> {
  const submitted = await task(employeeNumber);
  const returned = ok(await gql<{ returnRating: { state: string; version: number } }>(server.url, RETURN, { id: submitted.id, v: submitted.version, r: 'please check the hygiene score' }, hr)).returnRating;
  expect(returned.state).toBe('RETURNED');
  expect(ok(await gql<{ submitRating: { state: string } }>(server.url, SUBMIT, { id: submitted.id, v: returned.version, i: form(points) }, headCook)).submitRating.state).toBe('SUBMITTED');
}

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2025-10-03') });
  hr = await login(server.url, demo.hr);
  headCook = await loginAs(server, 'CF002', ['EMPLOYEE', 'SUPERVISOR']);
  const { versionId } = await schemeVersionOf(server.url, hr, 'cafeteria');
  const canteen = await departmentId(server.url, hr, 'CAFETERIA');
  const created = ok(await gql<{ createCycle: { id: string; version: number } }>(server.url, `mutation($input: CreateCycleInput!) { createCycle(input: $input) { ${CYCLE_FIELDS} } }`, { input: { schemeVersionId: versionId, name: 'Cafeteria September 2025', period: { kind: 'MONTH', key: '2025-09' }, targetDepartmentIds: [canteen] } }, hr)).createCycle;
  cycleId = created.id;
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { id } }', { id: cycleId, v: created.version }, hr));
  const launched = await waitForLaunch(server.url, hr, cycleId);
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: SKIP_SELF_REVIEW) { state } }', { id: cycleId, v: launched.version }, hr));
});
afterAll(async () => {
  await server?.stop();
});

describe('recomputing a result', () => {
  const scores = ['22', '23', '18', '12', '10'] as const;

  it('the first submission writes result 1; its bound writes (result, pointer, audit) reach the SQL counters', async () => {
    const t = await task('CFC001');
    server.sql.length = 0;
    expect(ok(await gql<{ submitRating: { state: string } }>(server.url, SUBMIT, { id: t.id, v: t.version, i: form(scores) }, headCook)).submitRating.state).toBe('SUBMITTED');
    expect(await results(t.appraisal.id)).toEqual({ numbers: [1], current: 1 });
    const seen = (pattern: RegExp) => server.sql.filter((line) => pattern.test(line)).length;
    expect(seen(/insert into appraisal_result\b.*jsonb_to_recordset/s)).toBe(1);
    expect(seen(/update appraisal a set result_id = t\.r/)).toBe(1);
    expect(seen(/insert into audit_entry\b/)).toBeGreaterThanOrEqual(1);
  });

  it('the same scores submitted again keep result 1 (the stored jsonb input compares equal whatever its key order)', async () => {
    const t = await task('CFC001');
    const stored = await sqlRows<{ keys: string[] }>(`select array(select jsonb_object_keys(r.record->'input')) as keys from appraisal_result r join appraisal a on a.result_id = r.id where a.id = ?`, [t.appraisal.id]);
    // PostgreSQL keeps jsonb keys shortest first, not in the engine's order: a textual comparison would differ.
    expect(stored[0]?.keys).toEqual([...(stored[0]?.keys ?? [])].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)));
    await returnAndSubmit('CFC001', scores);
    expect(await results(t.appraisal.id)).toEqual({ numbers: [1], current: 1 });
  });

  it('different scores write result 2, which becomes current', async () => {
    const t = await task('CFC001');
    await returnAndSubmit('CFC001', ['20', '23', '18', '12', '10']);
    expect(await results(t.appraisal.id)).toEqual({ numbers: [1, 2], current: 2 });
    const total = await sqlRows<{ total: string }>('select trim_scale(r.total)::text as total from appraisal a join appraisal_result r on r.id = a.result_id where a.id = ?', [t.appraisal.id]);
    expect(total[0]?.total).toBe('83');
  });
});
