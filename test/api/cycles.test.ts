import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { CYCLE_FIELDS, departmentId, ok, schemeVersionOf, waitForLaunch } from '../support/cycles.js';
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
