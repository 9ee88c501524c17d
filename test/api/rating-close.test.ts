import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { CYCLE_FIELDS, departmentId, loginAs, ok, schemeVersionOf, waitForLaunch } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// The cafeteria's September 2025 (rating window Oct 1 - Oct 9): the head cook rates some cooks, HR closes the
// rating phase early, the close job scores what it can with the missing-rater policy, later ratings need a reopening.
let server: TestServer;
let hr: string;
let headCook: string;
let cycleId = '';
const clock = fixedClock('2025-10-03');

type Task = { id: string; version: number; state: string; appraisal: { employee: { employeeNumber: string } } };
const ids = ['hygiene', 'foodQuality', 'service', 'discipline', 'safety'];
const form = (p: string[]) => ({ items: Object.fromEntries(ids.map((id, i) => [id, { points: p[i] }])) });
const SUBMIT = 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }';
const CLOSE_FIELDS = 'id version state ratingClose { status progress closedAt } progress { appraisals scored }';
const sqlRows = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);

async function tasks(): Promise<Task[]> {
  return ok(await gql<{ myRatingTasks: { nodes: Task[] } }>(server.url, '{ myRatingTasks(first: 100) { nodes { id version state appraisal { employee { employeeNumber } } } } }', {}, headCook)).myRatingTasks.nodes;
}
async function cycle(): Promise<{ id: string; version: number; state: string; ratingClose: { status: string; progress: Record<string, unknown>; closedAt: string } | null; progress: { appraisals: number; scored: number } }> {
  return ok(await gql<{ cycle: Awaited<ReturnType<typeof cycle>> }>(server.url, `query($id: ID!) { cycle(id: $id) { ${CLOSE_FIELDS} } }`, { id: cycleId }, hr)).cycle;
}
async function waitForClose() {
  const until = Date.now() + 60_000;
  for (;;) {
    const c = await cycle();
    if (c.ratingClose?.status === 'DONE') return c;
    if (Date.now() > until) throw new Error(`close did not finish: ${JSON.stringify(c.ratingClose)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  headCook = await loginAs(server, 'CF002', ['EMPLOYEE', 'SUPERVISOR']);
  const { versionId } = await schemeVersionOf(server.url, hr, 'cafeteria');
  const canteen = await departmentId(server.url, hr, 'CAFETERIA');
  cycleId = ok(await gql<{ createCycle: { id: string } }>(server.url, `mutation($input: CreateCycleInput!) { createCycle(input: $input) { ${CYCLE_FIELDS} } }`, { input: { schemeVersionId: versionId, name: 'Cafeteria September 2025', period: { kind: 'MONTH', key: '2025-09' }, targetDepartmentIds: [canteen] } }, hr)).createCycle.id;
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { id } }', { id: cycleId, v: (await cycle()).version }, hr));
  const launched = await waitForLaunch(server.url, hr, cycleId);
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: SKIP_SELF_REVIEW) { state } }', { id: cycleId, v: launched.version }, hr));
});
afterAll(async () => {
  await server?.stop();
});

describe('closing the rating phase (job cycle.closeRatingPhase)', () => {
  it('only HR closes, only a cycle in rating, with its current version', async () => {
    const c = await cycle();
    expect(codes(await gql(server.url, 'mutation($id: ID!, $v: Int!) { closeRatingPhase(cycleId: $id, version: $v) { id } }', { id: cycleId, v: c.version }, headCook))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, 'mutation($id: ID!, $v: Int!) { closeRatingPhase(cycleId: $id, version: $v) { id } }', { id: cycleId, v: c.version - 1 }, hr))).toEqual(['CONFLICT']);
    expect(c.ratingClose).toBeNull();
  });

  it('computes the results still missing with the missing-rater policy; unrated appraisals are listed as blocked; idempotent', async () => {
    const mine = await tasks();
    const byNumber = new Map(mine.map((t) => [t.appraisal.employee.employeeNumber, t]));
    for (const [n, p] of [['CFC001', ['22', '23', '18', '12', '10']], ['CFC002', ['20', '20', '15', '10', '10']]] as const) {
      const t = byNumber.get(n) as Task;
      expect(ok(await gql<{ submitRating: { state: string } }>(server.url, SUBMIT, { id: t.id, v: t.version, i: form([...p]) }, headCook)).submitRating.state).toBe('SUBMITTED');
    }
    const before = await cycle();
    expect(before.progress.scored).toBe(2);
    const closed = ok(await gql<{ closeRatingPhase: { ratingClose: { status: string } | null } }>(server.url, `mutation($id: ID!, $v: Int!) { closeRatingPhase(cycleId: $id, version: $v) { ${CLOSE_FIELDS} } }`, { id: cycleId, v: before.version }, hr)).closeRatingPhase;
    expect(['RUNNING', 'DONE']).toContain(closed.ratingClose?.status);
    const done = await waitForClose();
    const p = done.ratingClose?.progress as { total: number; done: number; computed: number; blocked: number; blockedAppraisals: Array<{ issues: Array<{ code: string }> }> };
    // The cafeteria's one section is rated by the direct supervisor only: nobody rated it, nothing to score.
    expect(p.total).toBe(before.progress.appraisals - 2);
    expect(p.done).toBe(p.total);
    expect(p.computed + p.blocked).toBe(p.total);
    expect(p.blockedAppraisals.length).toBe(p.blocked);
    expect(p.blockedAppraisals[0]?.issues.map((i) => i.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^(rater_missing|section_unrated)$/)]));
    const results = await sqlRows<{ n: number }>('select count(*)::int as n from appraisal_result r join appraisal a on a.id = r.appraisal_id where a.cycle_id = ?', [cycleId]);
    expect(results[0]?.n).toBe(2 + p.computed);
    // The batched close writes one computeResult audit row per result, naming the result, like a submission does.
    const computedAudit = await sqlRows<{ n: number; named: number }>(
      `select count(*)::int as n, count(*) filter (where e.after->>'resultId' = a.result_id::text and e.after->>'computedBy' = 'CLOSE_JOB')::int as named
       from audit_entry e join appraisal a on a.id::text = e.entity_id where e.operation = 'computeResult' and a.cycle_id = ?`,
      [cycleId],
    );
    expect(computedAudit[0]).toEqual({ n: 2 + p.computed, named: p.computed });
    const audit = await sqlRows<{ operation: string }>(`select operation from audit_entry where entity_id = ? and operation like 'closeRatingPhase%' order by operation`, [cycleId]);
    expect(audit.map((a) => a.operation)).toEqual(['closeRatingPhase', 'closeRatingPhaseDone']);
    // Closing again runs the job again: it only looks at what has no result and writes no second result.
    ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { closeRatingPhase(cycleId: $id, version: $v) { id } }', { id: cycleId, v: done.version }, hr));
    await new Promise((r) => setTimeout(r, 300));
    const again = await waitForClose();
    expect((again.ratingClose?.progress as { computed: number }).computed).toBe(0);
    const after = await sqlRows<{ n: number }>('select count(*)::int as n from appraisal_result r join appraisal a on a.id = r.appraisal_id where a.cycle_id = ?', [cycleId]);
    expect(after[0]?.n).toBe(results[0]?.n);
  });

  it('refuses a rating after the phase was closed, inside its dates, until HR reopens it for that rating', async () => {
    const t = (await tasks()).find((x) => x.appraisal.employee.employeeNumber === 'CFC003') as Task;
    const late = await gql(server.url, SUBMIT, { id: t.id, v: t.version, i: form(['18', '17', '12', '9', '9']) }, headCook);
    expect(codes(late)).toEqual(['VALIDATION_FAILED']);
    expect(late.errors?.[0]?.extensions?.details?.[0]).toMatchObject({ field: 'ratingId', rule: 'rating_phase_closed' });
    ok(await gql(server.url, 'mutation($c: ID!, $i: ReopenWindowInput!) { reopenWindow(cycleId: $c, input: $i) { id } }', { c: cycleId, i: { window: 'RATING', scope: 'RATING', ratingId: t.id, until: '2025-10-12', reason: 'CFC003 was rated on paper' } }, hr));
    const taken = ok(await gql<{ submitRating: { state: string } }>(server.url, SUBMIT, { id: t.id, v: t.version, i: form(['18', '17', '12', '9', '9']) }, headCook));
    expect(taken.submitRating.state).toBe('SUBMITTED');
    const total = await sqlRows<{ total: string }>(`select trim_scale(r.total)::text as total from appraisal a join appraisal_result r on r.id = a.result_id join employee e on e.id = a.employee_id where e.employee_number = 'CFC003' and a.cycle_id = ?`, [cycleId]);
    expect(total[0]?.total).toBe('65');
  });
});
