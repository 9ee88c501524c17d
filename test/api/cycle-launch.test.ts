import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { createRequestContext, type RequestContext } from '../../api/src/core/context.js';
import { createReadDb } from '../../api/src/core/db.js';
import { createLogger } from '../../api/src/core/logger.js';
import { runLaunch } from '../../api/src/modules/cycles/cycle.service.js';
import { CYCLE_FIELDS, departmentId, ok, schemeVersionOf, waitForLaunch } from '../support/cycles.js';
import { demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
let employee: string;

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-06-01') });
  hr = await login(server.url, demo.hr);
  employee = await login(server.url, demo.employee);
});
afterAll(async () => {
  await server?.stop();
});

/** A job context on the test server's database, as the job runner builds one. */
const jobContext = (): RequestContext =>
  createRequestContext({ requestId: 'test-job', actor: null, em: server.orm.em.fork() as RequestContext['em'], db: createReadDb(server.orm), log: createLogger('silent') });

const counts = async (cycleId: string) =>
  (
    await server.orm.em.fork().getConnection().execute<Array<{ a: number; r: number; state: string; status: string }>>(
      `select (select count(*)::int from appraisal where cycle_id = ?) as a,
              (select count(*)::int from rating r join appraisal a on a.id = r.appraisal_id where a.cycle_id = ?) as r,
              (select state from cycle where id = ?) as state, (select launch_status from cycle where id = ?) as status`,
      [cycleId, cycleId, cycleId, cycleId],
    )
  )[0] as { a: number; r: number; state: string; status: string };

describe('launch job: resumable after a crash between batches, idempotent when run twice', () => {
  it('a crash after the first batch leaves a draft (invisible to employees); the rerun completes without duplicates', async () => {
    const { versionId } = await schemeVersionOf(server.url, hr, 'nursing');
    const nursing = await departmentId(server.url, hr, 'NURSING');
    // The demo group's nurse has demo appraisals already: count from what she sees now.
    const before = ok(await gql<{ myAppraisals: { totalCount: number }; cycles: { totalCount: number } }>(server.url, '{ myAppraisals { totalCount } cycles { totalCount } }', {}, employee));
    const created = ok(await gql<{ createCycle: { id: string; version: number } }>(server.url, `mutation($i: CreateCycleInput!) { createCycle(input: $i) { ${CYCLE_FIELDS} } }`, { i: { schemeVersionId: versionId, name: 'Nursing May 2026', period: { kind: 'MONTH', key: '2026-05' }, targetDepartmentIds: [nursing] } }, hr));
    const cycleId = created.createCycle.id;
    // Mark it running as launchCycle does, but run the job here with a fault injected after batch 1.
    await server.orm.em.fork().getConnection().execute(`update cycle set launch_status = 'RUNNING' where id = ?`, [cycleId]);
    await expect(runLaunch(jobContext(), cycleId, { batchSize: 10, afterBatch: (n) => { if (n === 1) throw new Error('killed'); } })).rejects.toThrow('killed');
    const half = await counts(cycleId);
    expect(half).toMatchObject({ a: 10, state: 'draft', status: 'RUNNING' });
    const hidden = ok(await gql<{ myAppraisals: { totalCount: number }; cycles: { totalCount: number } }>(server.url, '{ myAppraisals { totalCount } cycles { totalCount } }', {}, employee));
    expect(hidden).toEqual(before);

    await runLaunch(jobContext(), cycleId, { batchSize: 10 });
    const done = await counts(cycleId);
    expect(done.state).toBe('open');
    expect(done.status).toBe('DONE');
    expect(done.a).toBeGreaterThan(10);
    const distinct = await server.orm.em.fork().getConnection().execute<Array<{ dupA: number; dupR: number }>>(
      `select (select count(*)::int from (select employee_id from appraisal where cycle_id = ? group by employee_id having count(*) > 1) x) as "dupA",
              (select count(*)::int from (select r.appraisal_id, r.slot_key from rating r join appraisal a on a.id = r.appraisal_id where a.cycle_id = ? group by 1, 2 having count(*) > 1) y) as "dupR"`,
      [cycleId, cycleId],
    );
    expect(distinct[0]).toEqual({ dupA: 0, dupR: 0 });

    // Running the job again changes nothing.
    await runLaunch(jobContext(), cycleId, { batchSize: 10 });
    expect(await counts(cycleId)).toEqual(done);
    const visible = ok(await gql<{ myAppraisals: { totalCount: number } }>(server.url, '{ myAppraisals { totalCount } }', {}, employee));
    expect(visible.myAppraisals.totalCount).toBe(before.myAppraisals.totalCount + 1);
  });

  it('launching twice through the API queues one job and creates each appraisal once', async () => {
    const { versionId } = await schemeVersionOf(server.url, hr, 'nursing');
    const nursing = await departmentId(server.url, hr, 'NURSING');
    const created = ok(await gql<{ createCycle: { id: string; version: number } }>(server.url, `mutation($i: CreateCycleInput!) { createCycle(input: $i) { ${CYCLE_FIELDS} } }`, { i: { schemeVersionId: versionId, name: 'Nursing April 2026', period: { kind: 'MONTH', key: '2026-04' }, targetDepartmentIds: [nursing] } }, hr));
    const id = created.createCycle.id;
    const first = ok(await gql<{ launchCycle: { version: number } }>(server.url, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { version } }', { id, v: created.createCycle.version }, hr));
    const second = await gql<{ launchCycle: { version: number } }>(server.url, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { version } }', { id, v: first.launchCycle.version }, hr);
    expect(second.errors?.[0]?.extensions?.code ?? 'ok').toMatch(/ok|VALIDATION_FAILED|CONFLICT/);
    const done = await waitForLaunch(server.url, hr, id);
    expect(done.state).toBe('OPEN');
    const c = await counts(id);
    expect(c.a).toBe(done.launch.progress.total);
  });
});
