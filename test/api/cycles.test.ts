import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { CYCLE_FIELDS, departmentId, loginAs, ok, schemeVersionOf, waitForLaunch } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
let employee: string;
const clock = fixedClock('2025-10-02');

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  employee = await login(server.url, demo.employee);
});
afterAll(async () => {
  await server?.stop();
});

const CREATE = `mutation($input: CreateCycleInput!) { createCycle(input: $input) { ${CYCLE_FIELDS} } }`;

describe('work calendar', () => {
  it('lists the demo years and describes days; HR saves a year, checked by the domain', async () => {
    const data = ok(await gql<{ workCalendarYears: Array<{ year: number }>; calendarDay: { working: boolean; makeUp: { en: string } | null } }>(server.url, '{ workCalendarYears { year } calendarDay(date: "2025-10-11") { working makeUp { en } } }', {}, employee));
    expect(data.workCalendarYears.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect(data.calendarDay).toEqual({ working: true, makeUp: { en: 'National Day' } });
    const bad = await gql(server.url, 'mutation($i: WorkCalendarYearInput!) { saveWorkCalendarYear(input: $i) { year } }', { i: { year: 2028, weekendDays: [0, 6], holidays: [{ from: '2028-10-07', to: '2028-10-01', name: { en: 'x', zh: 'x' } }], makeUpWorkdays: [], accountingMonths: [] } }, hr);
    expect(codes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(bad.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('calendar_range_reversed');
    const denied = await gql(server.url, 'mutation($i: WorkCalendarYearInput!) { saveWorkCalendarYear(input: $i) { year } }', { i: { year: 2028, weekendDays: [0, 6], holidays: [], makeUpWorkdays: [], accountingMonths: [] } }, employee);
    expect(codes(denied)).toEqual(['FORBIDDEN']);
    const saved = ok(await gql<{ saveWorkCalendarYear: { year: number; version: number } }>(server.url, 'mutation($i: WorkCalendarYearInput!) { saveWorkCalendarYear(input: $i) { year version } }', { i: { year: 2028, weekendDays: [0, 6], holidays: [], makeUpWorkdays: [], accountingMonths: [] } }, hr));
    expect(saved.saveWorkCalendarYear).toEqual({ year: 2028, version: 1 });
  });
});

describe('cafeteria cycle: create, population, launch, windows', () => {
  let cycleId = '';
  let version = 0;

  it('creates September 2025 with the rating window postponed past National Day (Oct 1 - Oct 9)', async () => {
    const { versionId } = await schemeVersionOf(server.url, hr, 'cafeteria');
    const canteen = await departmentId(server.url, hr, 'CAFETERIA');
    const data = ok(await gql<{ createCycle: { id: string; version: number; state: string; periodStart: string; periodEnd: string; phases: unknown[] } }>(server.url, CREATE, { input: { schemeVersionId: versionId, name: 'Cafeteria September 2025', period: { kind: 'MONTH', key: '2025-09' }, targetDepartmentIds: [canteen] } }, hr));
    cycleId = data.createCycle.id;
    version = data.createCycle.version;
    expect(data.createCycle).toMatchObject({ state: 'DRAFT', periodStart: '2025-09-01', periodEnd: '2025-09-30' });
    expect(data.createCycle.phases[0]).toEqual({ phase: 'RATING', opens: '2025-10-01', closes: '2025-10-09', nominalCloses: '2025-10-05', postponed: true, overridden: false });
    const again = await gql(server.url, CREATE, { input: { schemeVersionId: versionId, name: 'again', period: { kind: 'MONTH', key: '2025-09' } } }, hr);
    expect(codes(again)).toEqual(['CONFLICT']);
    const quarter = await gql(server.url, CREATE, { input: { schemeVersionId: versionId, name: 'q', period: { kind: 'QUARTER', key: '2025-Q3' } } }, hr);
    expect(quarter.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('cycle_period_kind_not_allowed');
    const missingYear = await gql(server.url, CREATE, { input: { schemeVersionId: versionId, name: 'm', period: { kind: 'MONTH', key: '2024-05' } } }, hr);
    expect(missingYear.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toContain('calendar_year_missing');
  });

  it('previews the population with reasons; HR removes one cook with a reason (audited)', async () => {
    const preview = ok(await gql<{ previewPopulation: { includedCount: number; entries: Array<{ employeeId: string; status: string; reasons: Array<{ code: string }> }> } }>(server.url, 'query($id: ID!) { previewPopulation(cycleId: $id) { includedCount entries { employeeId status reasons { code } } } }', { id: cycleId }, hr));
    expect(preview.previewPopulation.includedCount).toBeGreaterThan(5);
    const first = preview.previewPopulation.entries.find((e) => e.status === 'INCLUDED');
    expect(first?.reasons.map((r) => r.code)).toContain('population_in_target');
    const denied = await gql(server.url, 'query($id: ID!) { previewPopulation(cycleId: $id) { includedCount } }', { id: cycleId }, employee);
    expect(codes(denied)).toEqual(['FORBIDDEN']);
    const noReason = await gql(server.url, 'mutation($id: ID!, $v: Int!, $c: [PopulationChangeInput!]!) { changePopulation(cycleId: $id, version: $v, changes: $c) { includedCount } }', { id: cycleId, v: version, c: [{ employeeId: first?.employeeId, action: 'remove', reason: ' ' }] }, hr);
    expect(noReason.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('population_reason_required');
    const changed = ok(await gql<{ changePopulation: { includedCount: number; entries: Array<{ employeeId: string; status: string; manual: string | null }> } }>(server.url, 'mutation($id: ID!, $v: Int!, $c: [PopulationChangeInput!]!) { changePopulation(cycleId: $id, version: $v, changes: $c) { includedCount entries { employeeId status manual } } }', { id: cycleId, v: version, c: [{ employeeId: first?.employeeId, action: 'remove', reason: 'on long sick leave' }] }, hr));
    expect(changed.changePopulation.includedCount).toBe(preview.previewPopulation.includedCount - 1);
    expect(changed.changePopulation.entries.find((e) => e.employeeId === first?.employeeId)).toMatchObject({ status: 'EXCLUDED', manual: 'remove' });
    const audit = await server.orm.em.fork().getConnection().execute(`select count(*)::int as n from audit_entry where operation = 'changePopulation' and entity_id = ?`, [cycleId]);
    expect(audit[0]?.n).toBe(1);
  });

  it('launches in the background: hidden from employees while a draft, then open with one appraisal per included person', async () => {
    const current = ok(await gql<{ cycle: { version: number } }>(server.url, 'query($id: ID!) { cycle(id: $id) { version } }', { id: cycleId }, hr));
    const launched = ok(await gql<{ launchCycle: { launch: { status: string } } }>(server.url, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { launch { status } } }', { id: cycleId, v: current.cycle.version }, hr));
    expect(['RUNNING', 'DONE']).toContain(launched.launchCycle.launch.status);
    const done = await waitForLaunch(server.url, hr, cycleId);
    expect(done.state).toBe('OPEN');
    expect(done.launch.status).toBe('DONE');
    const counts = await server.orm.em.fork().getConnection().execute(`select (select count(*)::int from appraisal where cycle_id = ?) as a, (select count(*)::int from rating r join appraisal a on a.id = r.appraisal_id where a.cycle_id = ?) as r`, [cycleId, cycleId]);
    expect(counts[0]?.a).toBe(done.launch.progress.total);
    expect(counts[0]?.r).toBe(counts[0]?.a);
    version = done.version;
  });

  it('moves through the workflow: no self-review in the cafeteria scheme, so straight to rating', async () => {
    const refused = await gql(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: START_CALIBRATION) { state } }', { id: cycleId, v: version }, hr);
    expect(codes(refused)).toEqual(['VALIDATION_FAILED']);
    const stale = await gql(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: SKIP_SELF_REVIEW) { state } }', { id: cycleId, v: version - 1 }, hr);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const rating = ok(await gql<{ transitionCycle: { state: string } }>(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: SKIP_SELF_REVIEW) { state } }', { id: cycleId, v: version }, hr));
    expect(rating.transitionCycle.state).toBe('RATING');
  });
});

describe('cafeteria ratings: the seed\'s 85 / 75 / 65 / 59 cooks, windows, results', () => {
  const points: Record<string, [string, string, string, string, string]> = {
    CFC001: ['22', '23', '18', '12', '10'],
    CFC002: ['20', '20', '15', '10', '10'],
    CFC003: ['18', '17', '12', '9', '9'],
    CFC004: ['15', '15', '12', '9', '8'],
  };
  const ids = ['hygiene', 'foodQuality', 'service', 'discipline', 'safety'];
  const form = (n: string) => ({ items: Object.fromEntries(ids.map((id, i) => [id, { points: points[n]?.[i] }])), comment: 'monthly rating' });
  let headCook = '';
  let cook = '';
  type Task = { id: string; version: number; state: string; appraisal: { employee: { employeeNumber: string } } };
  const tasks = async (): Promise<Task[]> =>
    ok(await gql<{ myRatingTasks: { nodes: Task[] } }>(server.url, '{ myRatingTasks(first: 100) { nodes { id version state appraisal { employee { employeeNumber } } } } }', {}, headCook)).myRatingTasks.nodes;

  beforeAll(async () => {
    headCook = await loginAs(server, 'CF002', ['EMPLOYEE', 'SUPERVISOR']);
    cook = await loginAs(server, 'CFC001');
  });

  it('the head cook sees a task per person they rate; the live preview scores as they type', async () => {
    const mine = await tasks();
    expect(mine.length).toBeGreaterThanOrEqual(4);
    const t = mine.find((x) => x.appraisal.employee.employeeNumber === 'CFC001') as Task;
    const preview = ok(await gql<{ previewRating: { missing: string[]; sectionScore: string | null; issues: Array<{ code: string }> } }>(server.url, 'query($id: ID!, $items: JSON!) { previewRating(ratingId: $id, items: $items) { missing sectionScore issues } }', { id: t.id, items: { hygiene: { points: '26' } } }, headCook));
    expect((preview.previewRating.issues as unknown as Array<{ code: string }>).map((i) => i.code)).toEqual(['item_out_of_range']);
    const full = ok(await gql<{ previewRating: { sectionScore: string | null } }>(server.url, 'query($id: ID!, $items: JSON!) { previewRating(ratingId: $id, items: $items) { sectionScore } }', { id: t.id, items: form('CFC001').items }, headCook));
    expect(full.previewRating.sectionScore).toBe('85');
  });

  it('refuses invalid and foreign ratings, takes a draft, then submits and computes 85 A / 75 B / 65 C / 59 D', async () => {
    const mine = await tasks();
    const byNumber = new Map(mine.map((t) => [t.appraisal.employee.employeeNumber, t]));
    const t1 = byNumber.get('CFC001') as Task;
    const bad = await gql(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }', { id: t1.id, v: t1.version, i: { items: { hygiene: { points: '26' } } } }, headCook);
    expect(codes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(bad.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toContain('item_out_of_range');
    const foreign = await gql(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { saveRating(ratingId: $id, version: $v, input: $i) { state } }', { id: t1.id, v: t1.version, i: form('CFC001') }, cook);
    expect(codes(foreign)).toEqual(['FORBIDDEN']);
    const draft = ok(await gql<{ saveRating: { state: string; version: number } }>(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { saveRating(ratingId: $id, version: $v, input: $i) { state version } }', { id: t1.id, v: t1.version, i: form('CFC001') }, headCook));
    expect(draft.saveRating.state).toBe('DRAFT');
    const stale = await gql(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }', { id: t1.id, v: t1.version, i: form('CFC001') }, headCook);
    expect(codes(stale)).toEqual(['CONFLICT']);
    byNumber.set('CFC001', { ...t1, version: draft.saveRating.version });
    for (const n of Object.keys(points)) {
      const t = byNumber.get(n) as Task;
      const r = ok(await gql<{ submitRating: { state: string } }>(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }', { id: t.id, v: t.version, i: form(n) }, headCook));
      expect(r.submitRating.state).toBe('SUBMITTED');
    }
    const list = ok(await gql<{ appraisals: { nodes: Array<{ employee: { employeeNumber: string }; total: string | null; grade: string | null; ratingProgress: { expected: number; submitted: number } }> } }>(server.url, '{ appraisals(first: 100, sort: [{ field: TOTAL, direction: DESC }]) { nodes { employee { employeeNumber } total grade ratingProgress { expected submitted } } } }', {}, hr));
    const scored = list.appraisals.nodes.filter((n) => n.total !== null).map((n) => [n.employee.employeeNumber, n.total, n.grade]);
    expect(scored).toEqual([
      ['CFC001', '85', 'A'],
      ['CFC002', '75', 'B'],
      ['CFC003', '65', 'C'],
      ['CFC004', '59', 'D'],
    ]);
    const results = await server.orm.em.fork().getConnection().execute(`select count(*)::int as n from appraisal_result`);
    expect(results[0]?.n).toBe(4);
  });

  it('the cook sees their appraisal but not its total before publication (FORBIDDEN, not null); HR sees the explanation', async () => {
    const own = await gql<{ myAppraisals: { nodes: Array<{ state: string; total: string | null }> } }>(server.url, '{ myAppraisals { nodes { state total } } }', {}, cook);
    expect(own.data?.myAppraisals.nodes[0]?.total ?? null).toBeNull();
    expect(codes(own)).toEqual(['FORBIDDEN']);
    const state = ok(await gql<{ myAppraisals: { nodes: Array<{ state: string }> } }>(server.url, '{ myAppraisals { nodes { state } } }', {}, cook));
    expect(state.myAppraisals.nodes).toEqual([{ state: 'RATING' }]);
    const sorted = await gql(server.url, '{ myAppraisals(sort: [{ field: TOTAL }]) { nodes { state } } }', {}, cook);
    expect(codes(sorted)).toEqual(['FORBIDDEN']);
    const explained = ok(await gql<{ appraisals: { nodes: Array<{ explanation: string[] }> } }>(server.url, '{ appraisals(first: 1, sort: [{ field: TOTAL, direction: DESC }]) { nodes { explanation } } }', {}, hr));
    expect(explained.appraisals.nodes[0]?.explanation.join('\n')).toContain('85');
  });

  it('refuses a late rating after the window closed (Oct 9), and takes it once HR reopens it (audited)', async () => {
    clock.set('2025-10-10');
    const t = (await tasks()).find((x) => x.appraisal.employee.employeeNumber === 'CFC005') as Task;
    const late = await gql(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }', { id: t.id, v: t.version, i: form('CFC002') }, headCook);
    expect(late.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('phase_closed');
    const cycleId = ok(await gql<{ cycles: { nodes: Array<{ id: string }> } }>(server.url, '{ cycles { nodes { id } } }', {}, hr)).cycles.nodes[0]?.id;
    const reopened = ok(await gql<{ reopenWindow: { reopenings: Array<{ until: string }> } }>(server.url, 'mutation($c: ID!, $i: ReopenWindowInput!) { reopenWindow(cycleId: $c, input: $i) { reopenings { until } } }', { c: cycleId, i: { window: 'RATING', scope: 'RATING', ratingId: t.id, until: '2025-10-12', reason: 'head cook was on leave' } }, hr));
    expect(reopened.reopenWindow.reopenings).toEqual([{ until: '2025-10-12' }]);
    const taken = ok(await gql<{ submitRating: { state: string } }>(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }', { id: t.id, v: t.version, i: form('CFC002') }, headCook));
    expect(taken.submitRating.state).toBe('SUBMITTED');
    const audit = await server.orm.em.fork().getConnection().execute(`select count(*)::int as n from audit_entry where operation = 'reopenWindow'`);
    expect(audit[0]?.n).toBe(1);
    clock.set('2025-10-02');
  });
});

describe('appraisals list: statements constant in page size', () => {
  it('reads 1 or every appraisal with employee, cycle, total and grade in the same number of statements', async () => {
    const query = 'query($n: Int!) { appraisals(first: $n) { totalCount nodes { id state total grade employee { name } cycle { name } ratingProgress { submitted } } } }';
    const count = async (n: number) => {
      server.sql.length = 0;
      const data = ok(await gql<{ appraisals: { nodes: unknown[] } }>(server.url, query, { n }, hr));
      return { rows: data.appraisals.nodes.length, statements: server.sql.length };
    };
    const one = await count(1);
    const all = await count(500);
    expect(all.rows).toBeGreaterThan(10);
    expect(all.statements).toBe(one.statements);
  });
});
