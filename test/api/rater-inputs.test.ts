import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { CYCLE_FIELDS, departmentId, employeeIdOf, loginAs, ok, schemeVersionOf, waitForLaunch } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Headquarters (Part 5): self-assessment (SELF, 20%) plus a scale evaluation by the direct supervisor, the
// second-level supervisor and HR. October 2025: self-review and rating from Oct 25 to Nov 5.
let server: TestServer;
let hr: string;
let fin1: string; // HQF001, appraised
let fin2: string; // HQF002, a colleague
let finHead: string; // HQ020, their supervisor
let opsHead: string; // HQ030, a supervisor outside their line
let cycleId = '';
const clock = fixedClock('2025-10-27');

const audits = async (operation: string): Promise<number> =>
  ((await server.orm.em.fork().getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from audit_entry where operation = ?', [operation]))[0]?.n ?? 0);

type Appraisal = { id: string; version: number; state: string; selfReview: Record<string, string> | null; ratings: Array<{ id: string; version: number; section: string; role: string; state: string; rater: { employeeNumber: string } | null }> };
const APPRAISAL = 'id version state selfReview ratings { id version section role state rater { employeeNumber } }';

async function mine(token: string): Promise<Appraisal> {
  const data = ok(await gql<{ myAppraisals: { nodes: Appraisal[] } }>(server.url, `{ myAppraisals { nodes { ${APPRAISAL} } } }`, {}, token));
  return data.myAppraisals.nodes[0] as Appraisal;
}
async function asHr(id: string): Promise<Appraisal> {
  return ok(await gql<{ appraisal: Appraisal }>(server.url, `query($id: ID!) { appraisal(id: $id) { ${APPRAISAL} } }`, { id }, hr)).appraisal;
}

const SAVE = `mutation($id: ID!, $v: Int!, $i: SelfReviewInput!) { saveSelfReview(appraisalId: $id, version: $v, input: $i) { ${APPRAISAL} } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!, $i: SelfReviewInput!) { submitSelfReview(appraisalId: $id, version: $v, input: $i) { ${APPRAISAL} } }`;
const CHANGE = `mutation($id: ID!, $v: Int!, $i: RaterChangeInput!) { changeRater(appraisalId: $id, version: $v, input: $i) { ${APPRAISAL} } }`;
const RETURN = 'mutation($id: ID!, $v: Int!, $r: String!) { returnRating(ratingId: $id, version: $v, reason: $r) { id version state returnReason } }';
const SUBMIT_RATING = 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { id version state returnReason } }';
const selfScores = { self_moral: { points: '90' }, self_ability: { points: '80' }, self_diligence: { points: '85' }, self_performance: { points: '80' } };
const scale = (level: string) => ({ items: { moral: { level }, ability: { level }, diligence: { level }, performance: { level } } });

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  fin1 = await loginAs(server, 'HQF001');
  fin2 = await loginAs(server, 'HQF002');
  finHead = await loginAs(server, 'HQ020', ['EMPLOYEE', 'SUPERVISOR']);
  opsHead = await loginAs(server, 'HQ030', ['EMPLOYEE', 'SUPERVISOR']);
  const { versionId } = await schemeVersionOf(server.url, hr, 'headquarters');
  const fin = await departmentId(server.url, hr, 'HQ-FIN');
  const created = ok(await gql<{ createCycle: { id: string } }>(server.url, `mutation($input: CreateCycleInput!) { createCycle(input: $input) { ${CYCLE_FIELDS} } }`, { input: { schemeVersionId: versionId, name: 'Finance October 2025', period: { kind: 'MONTH', key: '2025-10' }, targetDepartmentIds: [fin] } }, hr));
  cycleId = created.createCycle.id;
  const draft = ok(await gql<{ cycle: { version: number } }>(server.url, 'query($id: ID!) { cycle(id: $id) { version } }', { id: cycleId }, hr));
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { id } }', { id: cycleId, v: draft.cycle.version }, hr));
  const launched = await waitForLaunch(server.url, hr, cycleId);
  expect(launched.state).toBe('OPEN');
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: START_SELF_REVIEW) { state } }', { id: cycleId, v: launched.version }, hr));
});
afterAll(async () => {
  await server?.stop();
});

describe('self-review (Part 5): achievements, problems, plans and self-scores inside the window', () => {
  it('only the appraised person writes it; scores are checked naming the range; a draft keeps text and scores', async () => {
    const a = await mine(fin1);
    expect(a.state).toBe('SELF_REVIEW');
    const foreign = await gql(server.url, SAVE, { id: a.id, v: a.version, i: { achievements: 'not mine' } }, fin2);
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
    const byHr = await gql(server.url, SAVE, { id: a.id, v: a.version, i: { achievements: 'not mine' } }, hr);
    expect(codes(byHr)).toEqual(['FORBIDDEN']);
    const out = await gql(server.url, SAVE, { id: a.id, v: a.version, i: { scores: [{ section: 'self', items: { self_moral: { points: '120' } } }] } }, fin1);
    expect(codes(out)).toEqual(['VALIDATION_FAILED']);
    expect(out.errors?.[0]?.extensions?.details?.[0]).toMatchObject({ field: 'scores.self.items.self_moral', rule: 'item_out_of_range', params: { min: '0', max: '100' } });
    const wrongSection = await gql(server.url, SAVE, { id: a.id, v: a.version, i: { scores: [{ section: 'scale', items: {} }] } }, fin1);
    expect(wrongSection.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('rater_not_in_section');
    const saved = ok(await gql<{ saveSelfReview: Appraisal }>(server.url, SAVE, { id: a.id, v: a.version, i: { achievements: 'Closed the Q3 books two days early.', scores: [{ section: 'self', items: { self_moral: { points: '90' } } }] } }, fin1)).saveSelfReview;
    expect(saved.selfReview).toEqual({ achievements: 'Closed the Q3 books two days early.' });
    expect(saved.ratings.find((r) => r.role === 'SELF')?.state).toBe('DRAFT');
    const stale = await gql(server.url, SAVE, { id: a.id, v: a.version, i: { problems: 'x' } }, fin1);
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(await audits('saveSelfReview')).toBe(1);
  });

  it('submitting needs all three texts and every self-score; then the appraisal moves to rating and nothing more is taken', async () => {
    const a = await mine(fin1);
    const incomplete = await gql(server.url, SUBMIT, { id: a.id, v: a.version, i: { problems: 'Month-end reconciliation is manual.' } }, fin1);
    expect(incomplete.errors?.[0]?.extensions?.details?.map((d) => d.rule).sort()).toEqual(['item_unrated', 'item_unrated', 'item_unrated', 'self_review_text_required']);
    const done = ok(await gql<{ submitSelfReview: Appraisal }>(server.url, SUBMIT, { id: a.id, v: a.version, i: { problems: 'Month-end reconciliation is manual.', plans: 'Automate the reconciliation.', scores: [{ section: 'self', items: selfScores }] } }, fin1)).submitSelfReview;
    expect(done.state).toBe('RATING');
    expect(done.selfReview).toEqual({ achievements: 'Closed the Q3 books two days early.', problems: 'Month-end reconciliation is manual.', plans: 'Automate the reconciliation.' });
    expect(done.ratings.find((r) => r.role === 'SELF')?.state).toBe('SUBMITTED');
    const again = await gql(server.url, SAVE, { id: a.id, v: done.version, i: { plans: 'changed my mind' } }, fin1);
    expect(again.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('self_review_submitted');
    expect(await audits('submitSelfReview')).toBe(1);
  });

  it('the supervisor of the line reads the self-review; a colleague cannot see the appraisal; after the window it is refused', async () => {
    const a = await mine(fin1);
    const bySupervisor = ok(await gql<{ appraisal: { selfReview: Record<string, string> } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { selfReview } }', { id: a.id }, finHead));
    expect(bySupervisor.appraisal.selfReview.plans).toBe('Automate the reconciliation.');
    const byColleague = await gql(server.url, 'query($id: ID!) { appraisal(id: $id) { selfReview } }', { id: a.id }, fin2);
    expect(codes(byColleague)).toEqual(['NOT_FOUND']);
    clock.set('2025-11-20');
    try {
      const late = await mine(fin2);
      const refused = await gql(server.url, SAVE, { id: late.id, v: late.version, i: { achievements: 'late' } }, fin2);
      expect(refused.errors?.[0]?.extensions?.details?.[0]).toMatchObject({ rule: 'phase_closed' });
    } finally {
      clock.set('2025-10-27');
    }
  });
});

describe('changeRater and returnRating (HR; peers also by the supervisor of the line)', () => {
  it('HR replaces the HR rater with a reason: the old rating becomes reassigned, the new rater gets a task (audited)', async () => {
    const a = await asHr((await mine(fin1)).id);
    const hrReviewer = a.ratings.find((r) => r.role === 'HR');
    expect(hrReviewer?.rater?.employeeNumber).toBe('HQ011');
    const [from, to] = await Promise.all([employeeIdOf(server, 'HQ011'), employeeIdOf(server, 'HQ010')]);
    const noReason = await gql(server.url, CHANGE, { id: a.id, v: a.version, i: { section: 'scale', role: 'HR', from, to, reason: ' ' } }, hr);
    expect(noReason.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['rater_change_reason']);
    const self = await gql(server.url, CHANGE, { id: a.id, v: a.version, i: { section: 'self', role: 'SELF', from: await employeeIdOf(server, 'HQF001'), to, reason: 'x' } }, hr);
    expect(self.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toContain('rater_slot_fixed');
    const bySupervisor = await gql(server.url, CHANGE, { id: a.id, v: a.version, i: { section: 'scale', role: 'HR', from, to, reason: 'on leave' } }, finHead);
    expect(codes(bySupervisor)).toEqual(['FORBIDDEN']);
    const stale = await gql(server.url, CHANGE, { id: a.id, v: a.version - 1, i: { section: 'scale', role: 'HR', from, to, reason: 'Chen Jing is on leave' } }, hr);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const changed = ok(await gql<{ changeRater: Appraisal }>(server.url, CHANGE, { id: a.id, v: a.version, i: { section: 'scale', role: 'HR', from, to, reason: 'Chen Jing is on leave' } }, hr)).changeRater;
    expect(changed.ratings.filter((r) => r.role === 'HR').map((r) => [r.rater?.employeeNumber, r.state])).toEqual([['HQ010', 'PENDING']]);
    const rows = await server.orm.em.fork().getConnection().execute<Array<{ state: string; reassign_reason: string | null; replaced_by_id: string | null }>>(
      `select state, reassign_reason, replaced_by_id from rating where appraisal_id = ? and role = 'HR' order by created_at`,
      [a.id],
    );
    expect(rows.map((r) => r.state)).toEqual(['reassigned', 'pending']);
    expect(rows[0]).toMatchObject({ reassign_reason: 'Chen Jing is on leave' });
    expect(rows[0]?.replaced_by_id).not.toBeNull();
    expect(await audits('changeRater')).toBe(1);
    const duplicate = await gql(server.url, CHANGE, { id: a.id, v: changed.version, i: { section: 'scale', role: 'HR', to, reason: 'again' } }, hr);
    expect(duplicate.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['rater_duplicate']);
  });

  it('peers: the supervisor of the line may add them (the scheme decides whether PEER rates); outside the line FORBIDDEN', async () => {
    const a = await mine(fin1);
    const peer = await employeeIdOf(server, 'HQF003');
    const inLine = await gql(server.url, CHANGE, { id: a.id, v: a.version, i: { section: 'scale', role: 'PEER', to: peer, reason: 'works with them daily' } }, finHead);
    expect(inLine.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['rater_role_not_in_section']);
    const outside = await gql(server.url, CHANGE, { id: a.id, v: a.version, i: { section: 'scale', role: 'PEER', to: peer, reason: 'x' } }, opsHead);
    expect(codes(outside)).toEqual(['NOT_FOUND']);
    const employee = await gql(server.url, CHANGE, { id: a.id, v: a.version, i: { section: 'scale', role: 'PEER', to: peer, reason: 'x' } }, fin1);
    expect(codes(employee)).toEqual(['FORBIDDEN']);
  });

  it('HR returns a submitted rating with a reason; the rater sees why, edits and submits again', async () => {
    const task = ok(await gql<{ myRatingTasks: { nodes: Array<{ id: string; version: number; appraisal: { employee: { employeeNumber: string } } }> } }>(server.url, '{ myRatingTasks(first: 50) { nodes { id version appraisal { employee { employeeNumber } } } } }', {}, finHead)).myRatingTasks.nodes.find((t) => t.appraisal.employee.employeeNumber === 'HQF001');
    if (!task) throw new Error('no task');
    const submitted = ok(await gql<{ submitRating: { id: string; version: number; state: string } }>(server.url, SUBMIT_RATING, { id: task.id, v: task.version, i: scale('good') }, finHead)).submitRating;
    expect(submitted.state).toBe('SUBMITTED');
    const pending = await gql(server.url, RETURN, { id: (await asHr((await mine(fin1)).id)).ratings.find((r) => r.role === 'HR')?.id, v: 1, r: 'x' }, hr);
    expect(pending.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('workflow_illegal_transition');
    const noReason = await gql(server.url, RETURN, { id: submitted.id, v: submitted.version, r: '  ' }, hr);
    expect(noReason.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('rating_return_reason');
    const bySupervisor = await gql(server.url, RETURN, { id: submitted.id, v: submitted.version, r: 'x' }, finHead);
    expect(codes(bySupervisor)).toEqual(['FORBIDDEN']);
    const stale = await gql(server.url, RETURN, { id: submitted.id, v: submitted.version - 1, r: 'Ability looks too low' }, hr);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const returned = ok(await gql<{ returnRating: { version: number; state: string; returnReason: string } }>(server.url, RETURN, { id: submitted.id, v: submitted.version, r: 'Please justify the performance level' }, hr)).returnRating;
    expect(returned).toMatchObject({ state: 'RETURNED', returnReason: 'Please justify the performance level' });
    expect(await audits('returnRating')).toBe(1);
    const again = ok(await gql<{ submitRating: { state: string } }>(server.url, SUBMIT_RATING, { id: submitted.id, v: returned.version, i: { ...scale('outstanding'), comment: 'Reconciliation project delivered.' } }, finHead)).submitRating;
    expect(again.state).toBe('SUBMITTED');
  });
});
