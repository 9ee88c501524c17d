import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { createRequestContext } from '../../api/src/core/context.js';
import { createReadDb } from '../../api/src/core/db.js';
import { createLogger } from '../../api/src/core/logger.js';
import { applyDueProbationDecisions } from '../../api/src/modules/probation/probation.service.js';
import { employeeIdOf, loginAs, ok, schemeVersionOf, waitForLaunch } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
let supervisor: string;
let employee: string;
const clock = fixedClock('2026-11-18');

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  supervisor = await login(server.url, demo.supervisor);
  employee = await login(server.url, demo.employee);
});
afterAll(async () => {
  await server?.stop();
});

const REVIEW = 'id version state probationStart probationEndDate dueInDays outcome newEndDate effectiveOn decisionReason employee { employeeNumber }';
type Review = { id: string; version: number; state: string; probationStart: string; probationEndDate: string; dueInDays: number; outcome: string | null; newEndDate: string | null; effectiveOn: string | null; decisionReason: string | null; employee: { employeeNumber: string } };
type Due = { employee: { employeeNumber: string }; probationEndDate: string; daysLeft: number; overdue: boolean; reviewOpen: boolean; review: { id: string; state: string } | null };

const due = async (token: string, days = 30) => gql<{ probationsDue: Due[] }>(server.url, `query($d: Int!) { probationsDue(withinDays: $d) { employee { employeeNumber } probationEndDate daysLeft overdue reviewOpen review { id state } } }`, { d: days }, token);
const start = (token: string, employeeId: string, schemeVersionId: string) =>
  gql<{ startProbationReview: Review }>(server.url, `mutation($i: StartProbationReviewInput!) { startProbationReview(input: $i) { ${REVIEW} } }`, { i: { employeeId, schemeVersionId } }, token);
const decide = (token: string, id: string, version: number, input: Record<string, unknown>) =>
  gql<{ decideProbation: Review }>(server.url, `mutation($id: ID!, $v: Int!, $i: DecideProbationInput!) { decideProbation(id: $id, version: $v, input: $i) { ${REVIEW} } }`, { id, v: version, i: input }, token);
const employeeRecord = async (number: string) =>
  (await server.orm.em.fork().getConnection().execute<Array<{ employment_status: string; probation_end_date: string | null; active: boolean }>>(
    `select employment_status, probation_end_date::text as probation_end_date, active from employee where employee_number = ?`,
    [number],
  ))[0];

/** The review's cycle (the appraisal, and with it the cycle field, exists once the launch job has run). */
const cycleOfReview = async (reviewId: string) =>
  (await server.orm.em.fork().getConnection().execute<Array<{ cycle_id: string }>>('select cycle_id from probation_review where id = ?', [reviewId]))[0]?.cycle_id as string;

/** A job's context, as the job runner builds it (no actor), on the test's clock. */
const jobContext = () => createRequestContext({ requestId: 'test-job', actor: null, em: server.orm.em.fork(), db: createReadDb(server.orm), log: createLogger('warn'), clock });

/** Launches the probation cycle's rating: HR moves it to rating, the head nurse submits the cafeteria form (85 points). */
async function rateProbation(reviewId: string, headNurse: string): Promise<void> {
  const cycleId = await cycleOfReview(reviewId);
  const cycle = await waitForLaunch(server.url, hr, cycleId);
  const review = ok(await gql<{ probationReview: { appraisal: { id: string } | null } }>(server.url, 'query($id: ID!) { probationReview(id: $id) { appraisal { id } } }', { id: reviewId }, hr));
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: SKIP_SELF_REVIEW) { state } }', { id: cycleId, v: cycle.version }, hr));
  const rater = await loginAs(server, headNurse, ['EMPLOYEE', 'SUPERVISOR']);
  const tasks = ok(await gql<{ myRatingTasks: { nodes: Array<{ id: string; version: number; appraisal: { id: string } }> } }>(server.url, '{ myRatingTasks(first: 50) { nodes { id version appraisal { id } } } }', {}, rater));
  const task = tasks.myRatingTasks.nodes.find((t) => t.appraisal.id === review.probationReview.appraisal?.id);
  expect(task, 'the head nurse rates the probation').toBeDefined();
  const items = { hygiene: { points: '22' }, foodQuality: { points: '23' }, service: { points: '18' }, discipline: { points: '12' }, safety: { points: '10' } };
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }', { id: task?.id, v: task?.version, i: { items, comment: 'probation' } }, rater));
}

describe('probation', () => {
  let cafeteria = '';
  let medReview: Review;

  beforeAll(async () => {
    cafeteria = (await schemeVersionOf(server.url, hr, 'cafeteria')).versionId;
  });

  it('lists for HR everyone whose probation ends within 30 days, from the employee records', async () => {
    const list = ok(await due(hr)).probationsDue;
    const med = list.find((d) => d.employee.employeeNumber === 'NUMED009');
    expect(med).toEqual({ employee: { employeeNumber: 'NUMED009' }, probationEndDate: '2026-12-01', daysLeft: 13, overdue: false, reviewOpen: false, review: null });
    expect(list.every((d) => d.daysLeft <= 30)).toBe(true);
    expect(list.map((d) => d.employee.employeeNumber)).not.toContain('NUMED001');
    expect(ok(await due(hr, 5)).probationsDue).toEqual([]);
    expect(codes(await due(hr, 200))).toEqual(['VALIDATION_FAILED']);
    expect(codes(await due(supervisor))).toEqual(['FORBIDDEN']);
    expect(codes(await due(employee))).toEqual(['FORBIDDEN']);
  });

  it('starts a review as a PROBATION cycle with the person alone in it; refuses twice, people not on probation and non-HR', async () => {
    const med = await employeeIdOf(server, 'NUMED009');
    expect(codes(await start(employee, med, cafeteria))).toEqual(['FORBIDDEN']);
    const notOnProbation = await start(hr, await employeeIdOf(server, 'NUMED001'), cafeteria);
    expect(notOnProbation.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('probation_not_on_probation');
    medReview = ok(await start(hr, med, cafeteria)).startProbationReview;
    expect(medReview).toMatchObject({ state: 'RATING', probationStart: '2026-09-01', probationEndDate: '2026-12-01', dueInDays: 13, outcome: null, employee: { employeeNumber: 'NUMED009' } });
    const again = await start(hr, med, cafeteria);
    expect(codes(again)).toEqual(['CONFLICT']);
    const cycleId = await cycleOfReview(medReview.id);
    const launched = await waitForLaunch(server.url, hr, cycleId);
    expect(launched.state).toBe('OPEN');
    const view = ok(await gql<{ probationReview: { appraisal: { cycle: { id: string; periodKey: string } } | null } }>(server.url, 'query($id: ID!) { probationReview(id: $id) { appraisal { cycle { id periodKey } } } }', { id: medReview.id }, hr));
    expect(view.probationReview.appraisal?.cycle).toEqual({ id: cycleId, periodKey: 'P2026-09-01..2026-12-01' });
    const people = await server.orm.em.fork().getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from appraisal where cycle_id = ?', [cycleId]);
    expect(people[0]?.n).toBe(1);
    const listed = ok(await due(hr)).probationsDue.find((d) => d.employee.employeeNumber === 'NUMED009');
    expect(listed).toMatchObject({ reviewOpen: true, review: { id: medReview.id, state: 'RATING' } });
    const audit = await server.orm.em.fork().getConnection().execute<Array<{ n: number }>>(`select count(*)::int as n from audit_entry where operation = 'startProbationReview' and entity_id = ?`, [medReview.id]);
    expect(audit[0]?.n).toBe(1);
  });

  it('shows the review to HR, the line and the person; not to others', async () => {
    const q = 'query($id: ID!) { probationReview(id: $id) { state recommendation } }';
    expect(ok(await gql(server.url, q, { id: medReview.id }, supervisor))).toEqual({ probationReview: { state: 'RATING', recommendation: null } });
    const subject = await loginAs(server, 'NUMED009');
    const own = await gql<{ probationReview: { state: string } }>(server.url, 'query($id: ID!) { probationReview(id: $id) { state outcome } }', { id: medReview.id }, subject);
    expect(own.data?.probationReview.state).toBe('RATING');
    const hidden = await gql(server.url, 'query($id: ID!) { probationReview(id: $id) { recommendation } }', { id: medReview.id }, subject);
    expect(codes(hidden)).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, q, { id: medReview.id }, employee))).toEqual(['NOT_FOUND']);
  });

  it('refuses a confirmation before the appraisal has a result, then rates it like any appraisal', async () => {
    const early = await decide(hr, medReview.id, medReview.version, { outcome: 'CONFIRM' });
    expect(early.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('workflow_illegal_transition');
    await rateProbation(medReview.id, 'NUMED00');
    const rated = ok(await gql<{ probationReview: { appraisal: { total: string | null } } }>(server.url, 'query($id: ID!) { probationReview(id: $id) { appraisal { total } } }', { id: medReview.id }, hr));
    expect(rated.probationReview.appraisal.total).toBe('85');
  });

  it('extends within the six-month limit with a reason; the employee record changes at once (audited)', async () => {
    const stale = await decide(hr, medReview.id, medReview.version - 1, { outcome: 'EXTEND', newEndDate: '2027-01-31', reason: 'needs the IV certificate' });
    expect(codes(stale)).toEqual(['CONFLICT']);
    const earlier = await decide(hr, medReview.id, medReview.version, { outcome: 'EXTEND', newEndDate: '2026-11-30', reason: 'x' });
    expect(earlier.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['probation_extend_not_later']);
    const tooLong = await decide(hr, medReview.id, medReview.version, { outcome: 'EXTEND', newEndDate: '2027-06-01', reason: 'x' });
    expect(tooLong.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['probation_too_long']);
    const noReason = await decide(hr, medReview.id, medReview.version, { outcome: 'EXTEND', newEndDate: '2027-01-31', reason: ' ' });
    expect(noReason.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['probation_reason_required']);
    expect(codes(await decide(supervisor, medReview.id, medReview.version, { outcome: 'CONFIRM' }))).toEqual(['FORBIDDEN']);
    const extended = ok(await decide(hr, medReview.id, medReview.version, { outcome: 'EXTEND', newEndDate: '2027-01-31', reason: 'needs the IV certificate' })).decideProbation;
    expect(extended).toMatchObject({ state: 'EXTENDED', outcome: 'EXTEND', newEndDate: '2027-01-31', effectiveOn: '2026-11-18', decisionReason: 'needs the IV certificate' });
    expect(await employeeRecord('NUMED009')).toEqual({ employment_status: 'PROBATION', probation_end_date: '2027-01-31', active: true });
    const audit = await server.orm.em.fork().getConnection().execute<Array<{ operation: string }>>(
      `select operation from audit_entry where operation in ('decideProbation', 'applyProbationDecision') and (entity_id = ? or entity_id = ?) order by id`,
      [medReview.id, await employeeIdOf(server, 'NUMED009')],
    );
    expect(audit.map((a) => a.operation)).toEqual(['decideProbation', 'applyProbationDecision']);
    // The new end date is beyond the horizon: no longer due.
    expect(ok(await due(hr)).probationsDue.map((d) => d.employee.employeeNumber)).not.toContain('NUMED009');
    // The person reads the decision once made.
    const subject = await loginAs(server, 'NUMED009');
    expect(ok(await gql(server.url, 'query($id: ID!) { probationReview(id: $id) { outcome newEndDate } }', { id: medReview.id }, subject))).toEqual({ probationReview: { outcome: 'EXTEND', newEndDate: '2027-01-31' } });
  });

  it('confirms after the result; the person becomes REGULAR the day after the probation ends (the daily job)', async () => {
    const review = ok(await start(hr, await employeeIdOf(server, 'NUSUR009'), cafeteria)).startProbationReview;
    await rateProbation(review.id, 'NUSUR00');
    const current = ok(await gql<{ probationReview: { version: number; state: string } }>(server.url, 'query($id: ID!) { probationReview(id: $id) { version state } }', { id: review.id }, hr)).probationReview;
    const confirmed = ok(await decide(hr, review.id, current.version, { outcome: 'CONFIRM' })).decideProbation;
    expect(confirmed).toMatchObject({ state: 'CONFIRMED', outcome: 'CONFIRM', effectiveOn: '2026-12-02' });
    expect((await employeeRecord('NUSUR009'))?.employment_status).toBe('PROBATION');
    expect(await applyDueProbationDecisions(jobContext())).toBe(0);
    clock.set('2026-12-02');
    try {
      expect(await applyDueProbationDecisions(jobContext())).toBe(1);
      expect(await applyDueProbationDecisions(jobContext()), 'a rerun applies nothing twice').toBe(0);
    } finally {
      clock.set('2026-11-18');
    }
    expect(await employeeRecord('NUSUR009')).toEqual({ employment_status: 'REGULAR', probation_end_date: '2026-12-01', active: true });
  });

  it('terminates without waiting for the appraisal, with a reason and a last working day inside the probation', async () => {
    const review = ok(await start(hr, await employeeIdOf(server, 'NUPED009'), cafeteria)).startProbationReview;
    const late = await decide(hr, review.id, review.version, { outcome: 'TERMINATE', lastWorkingDay: '2026-12-15', reason: 'serious breach' });
    expect(late.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['probation_terminate_after_end']);
    const ended = ok(await decide(hr, review.id, review.version, { outcome: 'TERMINATE', lastWorkingDay: '2026-11-18', reason: 'serious breach of the medication protocol' })).decideProbation;
    expect(ended).toMatchObject({ state: 'TERMINATED', outcome: 'TERMINATE', effectiveOn: '2026-11-19' });
    clock.set('2026-11-19');
    try {
      expect(await applyDueProbationDecisions(jobContext())).toBe(1);
    } finally {
      clock.set('2026-11-18');
    }
    expect(await employeeRecord('NUPED009')).toEqual({ employment_status: 'LEFT', probation_end_date: '2026-12-01', active: false });
  });
});
