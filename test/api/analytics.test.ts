import {
  type AppealFactRow,
  appealStats as appealStatsRef,
  type AppraisalFactRow,
  completion as completionRef,
  gradeDistribution as gradeDistributionRef,
  payByDepartment,
  type PayFactRow,
  type PayRow,
  raterLeniency as raterLeniencyRef,
  type RatingFactRow,
  scoreHistogram as scoreHistogramRef,
  scoreTrend as scoreTrendRef,
  suppressSmallPayGroups,
  type TaskFactRow,
} from '@appraisal/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { analyticsDataSql, refreshAnalytics } from '../support/analytics-data.js';
import { ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

const TODAY = '2026-06-12';
let server: TestServer;
const tokens = {} as Record<keyof typeof demo, string>;
let supervisorId: string;
let nursingId: string;
let schemes: Record<string, { bands: Array<{ grade: string; label: { en: string; zh: string } }>; distribution?: unknown }>;
let facts: Array<AppraisalFactRow & { path: string[] }>;
let parents: Map<string, string | null>;

async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.database.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Refreshes the analytics read models and rebuilds the counters, on a connection of its own. */
async function refresh(): Promise<void> {
  const client = new pg.Client({ connectionString: server.database.url });
  await client.connect();
  try {
    await refreshAnalytics(client);
  } finally {
    await client.end();
  }
}

const lineage = (d: string): string[] => {
  const out: string[] = [];
  for (let at: string | null | undefined = d; at; at = parents.get(at)) out.push(at);
  return out;
};

beforeAll(async () => {
  // Stale reads queue refreshes debounced per second (not per minute): the tests wait for them.
  server = await startTestServer({ clock: fixedClock(TODAY), config: { analyticsRefreshDebounceSeconds: 1 } });
  for (const role of Object.keys(demo) as Array<keyof typeof demo>) tokens[role] = await login(server.url, demo[role]);
  supervisorId = ok(await gql<{ me: { employee: { id: string } } }>(server.url, '{ me { employee { id } } }', {}, tokens.supervisor)).me.employee.id;
  const [scheme] = await query<{ id: string; version_id: string; document: { grades: { bands: Array<{ grade: string; label: { en: string; zh: string } }> }; distribution?: unknown } }>(
    `select s.id, v.id as version_id, v.document from scheme s join scheme_version v on v.scheme_id = s.id where s.code = 'nursing' order by v.number desc limit 1`,
  );
  if (!scheme) throw new Error('no nursing scheme');
  schemes = { [scheme.id]: { bands: scheme.document.grades.bands, distribution: scheme.document.distribution } };
  // A ward of 3 in the supervisor's line: its pay is withheld from the supervisor (small-group rule).
  const [tiny] = await query<{ id: string }>(
    `insert into department (id, version, created_at, updated_at, code, name, parent_id, active) select gen_random_uuid(), 1, now(), now(), 'NURSING-TINY', 'Tiny ward', id, true from department where code = 'NURSING' returning id`,
  );
  await query(`update employee set department_id = $1 where id in (select id from employee where supervisor_path @> array[$2]::uuid[] and active order by employee_number desc limit 3)`, [tiny?.id, supervisorId]);
  const client = new pg.Client({ connectionString: server.database.url });
  await client.connect();
  try {
    await client.query('begin');
    for (const statement of analyticsDataSql({ schemeId: scheme.id, schemeVersionId: scheme.version_id, grades: scheme.document.grades.bands.map((b) => b.grade), cycles: 6, lastMonth: '2026-06-01' }))
      await client.query(statement);
    await client.query('commit');
    await refreshAnalytics(client);
  } finally {
    await client.end();
  }
  const departments = await query<{ id: string; parent_id: string | null; code: string }>('select id, parent_id, code from department');
  parents = new Map(departments.map((d) => [d.id, d.parent_id]));
  nursingId = departments.find((d) => d.code === 'NURSING')?.id as string;
  const rows = await query<{ appraisal_id: string; cycle_id: string; scheme_id: string; period_end: string; employee_id: string; department_id: string; total: string; grade: string | null; path: string[] }>(
    `select a.id as appraisal_id, a.cycle_id, c.scheme_id, c.period_end::text, a.employee_id, e.department_id, pr.total::text, pr.grade, e.supervisor_path::text[] as path
     from appraisal a join published_result pr on pr.appraisal_id = a.id and pr.result_id = a.result_id join cycle c on c.id = a.cycle_id join employee e on e.id = a.employee_id
     where a.published_at is not null`,
  );
  facts = rows.map((r) => ({
    appraisalId: r.appraisal_id,
    cycleId: r.cycle_id,
    schemeId: r.scheme_id,
    periodEnd: r.period_end,
    employeeId: r.employee_id,
    departmentId: r.department_id,
    departmentLineage: lineage(r.department_id),
    total: r.total,
    grade: r.grade,
    path: r.path,
  }));
}, 240_000);
afterAll(() => server?.stop());

const AGGREGATES = `query($f: AnalyticsFilter) { analytics(filter: $f) {
  gradeDistribution { departmentId schemeId size grades { grade count percent } quotas { grade bound percent grades limit actual within } }
  scoreHistogram(min: "0", max: "100", buckets: 10) { buckets { from to count } outside }
  scoreTrend { cycleId periodEnd departmentId n average }
  completion { phase departmentId total done percent overdue late }
} }`;
type Aggregates = { analytics: { gradeDistribution: unknown[]; scoreHistogram: unknown; scoreTrend: unknown[]; completion: unknown[] } };
const PAY = `query($f: AnalyticsFilter) { analytics(filter: $f) { pay { departmentId periodKey people pay rewards penalties net suppressed { reason minimum } } } }`;
type Pay = { analytics: { pay: Array<{ departmentId: string; periodKey: string; people: number; pay: string | null; suppressed: { reason: string } | null }> } };

async function tasks(where: (r: { department_id: string; path: string[] }) => boolean): Promise<TaskFactRow[]> {
  // The tasks the product counts: ratings by people (not reassigned), self-reviews of appraisals not excluded, and
  // acknowledgements due, of launched cycles that are not cancelled.
  const rows = await query<{ phase: TaskFactRow['phase']; department_id: string; due: string; done_on: string | null; path: string[] }>(
    `select 'rating' as phase, e.department_id, ph.closes::text as due, case when r.state = 'submitted' then ((r.submitted_at at time zone 'Asia/Shanghai')::date)::text end as done_on, e.supervisor_path::text[] as path
       from rating r join appraisal a on a.id = r.appraisal_id join employee e on e.id = a.employee_id join cycle_phase ph on ph.cycle_id = a.cycle_id and ph.phase = 'rating' join cycle c on c.id = a.cycle_id
      where r.state <> 'reassigned' and r.source = 'PERSON' and a.state <> 'excluded' and c.state not in ('draft', 'cancelled')
     union all
     select 'selfReview', e.department_id, ph.closes::text, case when a.self_review_state = 'SUBMITTED' then ((a.self_review_submitted_at at time zone 'Asia/Shanghai')::date)::text end, e.supervisor_path::text[]
       from appraisal a join employee e on e.id = a.employee_id join cycle_phase ph on ph.cycle_id = a.cycle_id and ph.phase = 'selfReview' join cycle c on c.id = a.cycle_id
      where a.state <> 'excluded' and c.state not in ('draft', 'cancelled')
     union all
     select 'acknowledgement', e.department_id, a.acknowledgement_due::text, ((coalesce(a.acknowledged_at, a.refused_at) at time zone 'Asia/Shanghai')::date)::text, e.supervisor_path::text[]
       from appraisal a join employee e on e.id = a.employee_id join cycle c on c.id = a.cycle_id where a.acknowledgement_due is not null and c.state not in ('draft', 'cancelled')`,
  );
  return rows.filter(where).map((r) => ({ phase: r.phase, departmentId: r.department_id, due: r.due, doneOn: r.done_on }));
}

/** Pay facts in scope; `range`: pay of cycles ending in it, ledger entries occurring in it (the filter's period range). */
async function payFacts(where: (r: { department_id: string; path: string[] }) => boolean, range: { from?: string; to?: string } = {}): Promise<PayFactRow[]> {
  const within = (day: string) => (!range.from || day >= range.from) && (!range.to || day <= range.to);
  const rows = await query<{ employee_id: string; department_id: string; period_key: string; amount: string; day: string; path: string[] }>(
    `select pl.employee_id, e.department_id, c.period_key, pl.amount::text, c.period_end::text as day, e.supervisor_path::text[] as path from pay_line pl join cycle c on c.id = pl.cycle_id join employee e on e.id = pl.employee_id`,
  );
  // Ledger entries outside the appraisal, every status (the reference decides which count), by the person's department.
  const ledger = await query<{ employee_id: string; department_id: string; period_key: string; money: string | null; status: PayFactRow['status']; kind: PayFactRow['kind']; day: string; path: string[] }>(
    `select le.employee_id, e.department_id, le.period_key, le.money::text, le.status, le.kind, le.occurred_on::text as day, e.supervisor_path::text[] as path
     from ledger_entry le join employee e on e.id = le.employee_id where not le.pay_from_appraisal`,
  );
  return [
    ...rows.filter((r) => where(r) && within(r.day)).map((r) => ({ employeeId: r.employee_id, departmentId: r.department_id, periodKey: r.period_key, status: 'approved' as const, money: r.amount, payFromAppraisal: true, kind: 'reward' as const })),
    ...ledger.filter((r) => where(r) && within(r.day)).map((r) => ({ employeeId: r.employee_id, departmentId: r.department_id, periodKey: r.period_key, status: r.status, money: r.money, payFromAppraisal: false, kind: r.kind })),
  ];
}

async function ratingFacts(where: (r: { path: string[] }) => boolean, departmentId?: string): Promise<RatingFactRow[]> {
  const rows = await query<{ rater: string; department_id: string; score: string; max: string; path: string[] }>(
    `select r.rater_employee_id as rater, e.department_id, r.section_score::text as score, r.section_max::text as max, e.supervisor_path::text[] as path
     from rating r join appraisal a on a.id = r.appraisal_id join employee e on e.id = a.employee_id
     where r.state = 'submitted' and r.section_max is not null and r.rater_employee_id is not null and a.published_at is not null`,
  );
  return rows.filter((r) => where(r) && (!departmentId || lineage(r.department_id).includes(departmentId))).map((r) => ({ raterId: r.rater, departmentId: r.department_id, score: r.score, max: r.max }));
}

const expected = (rows: AppraisalFactRow[], taskRows: TaskFactRow[]) => ({
  gradeDistribution: gradeDistributionRef(rows, schemes as never),
  scoreHistogram: scoreHistogramRef(rows, { min: '0', max: '100', buckets: 10 }),
  scoreTrend: scoreTrendRef(rows),
  completion: completionRef(taskRows, TODAY),
});

describe('analytics aggregates equal the domain reference on generated data', () => {
  it('HR: every aggregate over everything', async () => {
    expect(facts.length).toBeGreaterThan(500);
    const r = ok(await gql<Aggregates>(server.url, AGGREGATES, {}, tokens.hr));
    expect(r.analytics).toEqual(expected(facts, await tasks(() => true)));
  });

  it('HR: filtered by a department subtree and a period range', async () => {
    const f = { departmentId: nursingId, periodFrom: '2026-02-01', periodTo: '2026-04-30' };
    const rows = facts.filter((x) => x.departmentLineage.includes(nursingId) && x.periodEnd >= f.periodFrom && x.periodEnd <= f.periodTo);
    expect(rows.length).toBeGreaterThan(0);
    const r = ok(await gql<Aggregates>(server.url, AGGREGATES, { f }, tokens.hr));
    expect(r.analytics.gradeDistribution).toEqual(gradeDistributionRef(rows, schemes as never));
    expect(r.analytics.scoreTrend).toEqual(scoreTrendRef(rows));
    expect(r.analytics.scoreHistogram).toEqual(scoreHistogramRef(rows, { min: '0', max: '100', buckets: 10 }));
    const all = ok(await gql<Aggregates>(server.url, AGGREGATES, {}, tokens.hr));
    expect(r.analytics.gradeDistribution).not.toEqual(all.analytics.gradeDistribution);
  });

  it('a supervisor: only their line (themself excluded)', async () => {
    const inLine = (r: { path: string[] }) => r.path.includes(supervisorId);
    const rows = facts.filter(inLine);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(facts.length);
    const r = ok(await gql<Aggregates>(server.url, AGGREGATES, {}, tokens.supervisor));
    expect(r.analytics).toEqual(expected(rows, await tasks((t) => t.path.includes(supervisorId))));
  });

  it('pre-aggregated cohorts: a move since the refresh falls back to the live org, the refresh brings the cohorts back; other histograms run live', async () => {
    const before = ok(await gql<Aggregates>(server.url, AGGREGATES, {}, tokens.hr)).analytics;
    // Someone with published results moves to another department (their results move with them: org facts are live).
    const mover = facts.find((x) => x.departmentId !== nursingId && x.grade !== null) as (typeof facts)[number];
    const moved = facts.map((x) => (x.employeeId === mover.employeeId ? { ...x, departmentId: nursingId, departmentLineage: lineage(nursingId) } : x));
    await query('update employee set department_id = $1 where id = $2', [nursingId, mover.employeeId]);
    try {
      const live = ok(await gql<Aggregates>(server.url, AGGREGATES, {}, tokens.hr)).analytics;
      expect(live.gradeDistribution).toEqual(gradeDistributionRef(moved, schemes as never));
      expect(live.scoreTrend).toEqual(scoreTrendRef(moved));
      expect(live.gradeDistribution).not.toEqual(before.gradeDistribution);
      await refresh();
      const cohorts = ok(await gql<Aggregates>(server.url, AGGREGATES, {}, tokens.hr)).analytics;
      expect(cohorts.gradeDistribution).toEqual(live.gradeDistribution);
      expect(cohorts.scoreTrend).toEqual(live.scoreTrend);
      expect(cohorts.scoreHistogram).toEqual(live.scoreHistogram);
    } finally {
      await query('update employee set department_id = $1 where id = $2', [mover.departmentId, mover.employeeId]);
      await refresh();
    }
    expect(ok(await gql<Aggregates>(server.url, AGGREGATES, {}, tokens.hr)).analytics).toEqual(before);
    // Ends or widths off the cohorts' 5-point grid are counted on the per-appraisal read model.
    const odd = ok(await gql<{ analytics: { scoreHistogram: unknown } }>(server.url, '{ analytics { scoreHistogram(min: "42.5", max: "97", buckets: 7) { buckets { from to count } outside } } }', {}, tokens.hr));
    expect(odd.analytics.scoreHistogram).toEqual(scoreHistogramRef(facts, { min: '42.5', max: '97', buckets: 7 }));
  });

  it('names each grade as its scheme does, in English and Chinese', async () => {
    type Named = { analytics: { gradeDistribution: Array<{ schemeId: string; grades: Array<{ grade: string; label: string | null; labelZh: string | null }> }> } };
    const r = ok(await gql<Named>(server.url, '{ analytics { gradeDistribution { schemeId grades { grade label labelZh } } } }', {}, tokens.hr));
    const named = r.analytics.gradeDistribution.filter((d) => schemes[d.schemeId]);
    expect(named.length).toBeGreaterThan(0);
    for (const d of named)
      for (const g of d.grades) {
        const band = schemes[d.schemeId]?.bands.find((b) => b.grade === g.grade);
        expect({ label: g.label, labelZh: g.labelZh }).toEqual({ label: band?.label.en, labelZh: band?.label.zh });
      }
  });

  it('an employee and the committee may not run analytics', async () => {
    for (const role of ['employee', 'committee', 'admin'] as const)
      for (const field of ['scoreTrend { n }', 'raterLeniency { raterId }', 'appeals { appeals }', 'pay { people }'])
        expect(codes(await gql(server.url, `{ analytics { ${field} } }`, {}, tokens[role])), `${role} ${field}`).toEqual(['FORBIDDEN']);
  });
});

describe('rater leniency', () => {
  const LENIENCY = `query($f: AnalyticsFilter, $min: Int) { analytics(filter: $f) { raterLeniency(minRatings: $min) { raterId departmentId ratings raterAverage departmentAverage difference rater { id } } } }`;
  type Leniency = { analytics: { raterLeniency: Array<{ raterId: string; departmentId: string; ratings: number; raterAverage: string; departmentAverage: string; difference: string; rater: { id: string } | null }> } };
  const strip = (rows: Leniency['analytics']['raterLeniency']) => rows.map(({ rater, ...r }) => {
    expect(rater?.id).toBe(r.raterId);
    return r;
  });

  it('HR: every rater against their department, as the domain computes it; raters lean both ways', async () => {
    const r = ok(await gql<Leniency>(server.url, LENIENCY, { min: 3 }, tokens.hr));
    const ref = raterLeniencyRef(await ratingFacts(() => true), 3);
    expect(ref.length).toBeGreaterThan(2);
    expect(strip(r.analytics.raterLeniency)).toEqual(ref);
    expect(ref.some((x) => x.difference.startsWith('-'))).toBe(true);
    expect(ref.some((x) => Number(x.difference) > 0)).toBe(true);
    const sub = ok(await gql<Leniency>(server.url, LENIENCY, { f: { departmentId: nursingId }, min: 10 }, tokens.hr));
    expect(strip(sub.analytics.raterLeniency)).toEqual(raterLeniencyRef(await ratingFacts(() => true, nursingId), 10));
  });

  it('a supervisor: ratings of their line only', async () => {
    const r = ok(await gql<Leniency>(server.url, LENIENCY, {}, tokens.supervisor));
    const ref = raterLeniencyRef(await ratingFacts((x) => x.path.includes(supervisorId)), 3);
    expect(ref.length).toBeGreaterThan(0);
    expect(strip(r.analytics.raterLeniency)).toEqual(ref);
    expect(codes(await gql(server.url, '{ analytics { raterLeniency { raterId } } }', {}, tokens.employee))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, '{ analytics { raterLeniency(minRatings: 0) { raterId } } }', {}, tokens.hr))).toEqual(['VALIDATION_FAILED']);
  });
});

describe('appeals', () => {
  const APPEALS = `query($f: AnalyticsFilter) { analytics(filter: $f) { appeals { departmentId appraisals appeals rate upheld rejected withdrawn open decided onTime onTimePercent } } }`;
  async function reference(inScope: (r: { path: readonly string[]; departmentLineage: readonly string[] }) => boolean, rows = facts) {
    const appeals = await query<{ department_id: string; state: AppealFactRow['state']; outcome: AppealFactRow['outcome']; due_on: string; decided_on: string | null; path: string[] }>(
      `select e.department_id, ap.state, ap.outcome, ap.due_on::text, ((ap.decided_at at time zone 'Asia/Shanghai')::date)::text as decided_on, e.supervisor_path::text[] as path
       from appeal ap join employee e on e.id = ap.appellant_employee_id join appraisal a on a.id = ap.appraisal_id where ap.target_kind = 'result' and a.cycle_id = any($1::uuid[])`,
      [[...new Set(rows.map((r) => r.cycleId))]],
    );
    const counts = new Map<string, number>();
    for (const r of rows.filter(inScope)) counts.set(r.departmentId, (counts.get(r.departmentId) ?? 0) + 1);
    return appealStatsRef(
      appeals.filter((a) => inScope({ path: a.path, departmentLineage: lineage(a.department_id) })).map((a) => ({ departmentId: a.department_id, state: a.state, outcome: a.outcome, dueOn: a.due_on, decidedOn: a.decided_on })),
      counts,
    );
  }

  it('HR and a supervisor: rate, outcomes and on-time share as the domain computes them', async () => {
    const hr = ok(await gql<{ analytics: { appeals: Array<{ departmentId: string | null; appeals: number; decided: number; onTime: number }> } }>(server.url, APPEALS, {}, tokens.hr));
    expect(hr.analytics.appeals).toEqual(await reference(() => true));
    const total = hr.analytics.appeals[0];
    expect(total?.departmentId).toBeNull();
    expect(total?.appeals).toBeGreaterThan(10);
    expect(total && total.onTime > 0 && total.onTime < total.decided).toBe(true);
    const line = ok(await gql(server.url, APPEALS, {}, tokens.supervisor));
    expect(line).toEqual({ analytics: { appeals: await reference((r) => r.path.includes(supervisorId)) } });
    const f = { departmentId: nursingId, periodFrom: '2026-03-01' };
    const sub = ok(await gql(server.url, APPEALS, { f }, tokens.hr));
    const rows = facts.filter((x) => x.periodEnd >= f.periodFrom);
    expect(sub).toEqual({ analytics: { appeals: await reference((r) => r.departmentLineage.includes(nursingId), rows) } });
  });
});

describe('pay aggregates and the small-group rule', () => {
  it('HR sees every group, summed to the cent', async () => {
    const r = ok(await gql<Pay>(server.url, PAY, {}, tokens.hr));
    const ref = payByDepartment(await payFacts(() => true));
    expect(ref.some((p) => p.rewards !== '0.00') && ref.some((p) => p.penalties !== '0.00')).toBe(true);
    expect(r.analytics.pay.map(({ suppressed, ...p }) => ({ ...p, suppressed }))).toEqual(ref.map((p) => ({ departmentId: p.departmentId, periodKey: p.periodKey, people: p.people, pay: p.pay, rewards: p.rewards, penalties: p.penalties, net: p.net, suppressed: null })));
  });

  it('a supervisor gets small groups withheld with the reason (and one complementary group when only one is small)', async () => {
    const inLine = (r: { path: string[] }) => r.path.includes(supervisorId);
    const ref = suppressSmallPayGroups(payByDepartment(await payFacts(inLine)), { userId: 'x', employeeId: supervisorId, roles: ['SUPERVISOR'] }, { size: (p) => p.people, payFields: ['pay', 'rewards', 'penalties', 'net'] });
    expect(ref.some((p) => p.suppressed)).toBe(true);
    const r = ok(await gql<Pay>(server.url, PAY, {}, tokens.supervisor));
    expect(r.analytics.pay).toEqual(ref.map((p) => ({ departmentId: p.departmentId, periodKey: p.periodKey, people: p.people, pay: p.pay, rewards: p.rewards, penalties: p.penalties, net: p.net, suppressed: p.suppressed ? { reason: p.suppressed.reason, minimum: 5 } : null })));
    for (const p of r.analytics.pay) if (p.people < 5) expect(p.pay).toBeNull();
  });
});

describe('a service token with an Analytics grant', () => {
  it('runs analytics over everything; pay money only with PayAggregate pay granted', async () => {
    const input = (scopes: unknown[]) => ({ input: { name: 'BI', ownerEmployeeId: supervisorId, scopes, expiresAt: new Date(Date.now() + 86_400_000).toISOString() } });
    const M = 'mutation($input: ServiceAccountInput!) { createServiceAccount(input: $input) { token } }';
    const noPay = ok(await gql<{ createServiceAccount: { token: string } }>(server.url, M, input([{ type: 'Analytics' }, { type: 'PayAggregate', fields: ['departmentId', 'periodKey', 'people'] }]), tokens.admin)).createServiceAccount.token;
    const hr = ok(await gql<Aggregates>(server.url, AGGREGATES, {}, tokens.hr));
    expect(ok(await gql<Aggregates>(server.url, AGGREGATES, {}, noPay))).toEqual(hr);
    const pay = await gql(server.url, '{ analytics { pay { people pay } } }', {}, noPay);
    expect(new Set(codes(pay))).toEqual(new Set(['FORBIDDEN']));
    const withPay = ok(await gql<{ createServiceAccount: { token: string } }>(server.url, M, input([{ type: 'Analytics' }, { type: 'PayAggregate', pay: true }]), tokens.admin)).createServiceAccount.token;
    expect((await gql(server.url, '{ analytics { pay { people pay } } }', {}, withPay)).errors).toBeUndefined();
  });
});

describe('completion and pay stay exact after task changes, ledger approvals and reversals, and org moves', () => {
  const BOTH = `query($f: AnalyticsFilter) { analytics(filter: $f) {
    completion { phase departmentId total done percent overdue late }
    pay { departmentId periodKey people pay rewards penalties net suppressed { reason minimum } }
  } }`;
  type Both = { analytics: { completion: unknown[]; pay: unknown[] } };
  const inLine = (r: { path: string[] }) => r.path.includes(supervisorId);
  const shown = (rows: ReturnType<typeof suppressSmallPayGroups<PayRow>>) =>
    rows.map((p) => ({ departmentId: p.departmentId, periodKey: p.periodKey, people: p.people, pay: p.pay, rewards: p.rewards, penalties: p.penalties, net: p.net, suppressed: p.suppressed ? { reason: p.suppressed.reason, minimum: 5 } : null }));
  const hrPay = (rows: PayRow[]) => shown(suppressSmallPayGroups(rows, { userId: 'x', employeeId: null, roles: ['HR'] }, { size: (p) => p.people, payFields: ['pay', 'rewards', 'penalties', 'net'] }));
  const linePay = (rows: PayRow[]) => shown(suppressSmallPayGroups(rows, { userId: 'x', employeeId: supervisorId, roles: ['SUPERVISOR'] }, { size: (p) => p.people, payFields: ['pay', 'rewards', 'penalties', 'net'] }));
  /** The counters are read (not the live queries) while no org change happened since the last refresh. */
  const countersRead = async () =>
    (await query<{ fresh: boolean }>(`select s.org_version = (select case when is_called then last_value else 0 end from analytics_org_version) as fresh from analytics_org_state s`))[0]?.fresh;

  // The task counters against the tasks counted afresh from the rows (as rebuild_tasks would, by cohort of today).
  const taskKey = `t.cycle_id::text || '|' || e.department_id::text || '|' || e.supervisor_path::text || '|' || t.phase || '|' || coalesce(t.due::text, '-') || '|' || coalesce(t.done_on::text, '-')`;
  const countedTasks = () =>
    query<{ k: string; n: number }>(
      `select t.cycle_id::text || '|' || t.department_id::text || '|' || t.supervisor_path::text || '|' || t.phase || '|' || coalesce(t.due::text, '-') || '|' || coalesce(t.done_on::text, '-') as k, sum(t.n)::int as n
       from analytics.task_count t group by 1 having sum(t.n) <> 0 order by 1`,
    );
  const directTasks = () =>
    query<{ k: string; n: number }>(
      `with t as (
         select a.cycle_id, a.employee_id, 'selfReview' as phase, null::date as due, case when a.self_review_state = 'SUBMITTED' then (a.self_review_submitted_at at time zone 'Asia/Shanghai')::date end as done_on
         from appraisal a where a.state <> 'excluded'
         union all
         select a.cycle_id, a.employee_id, 'acknowledgement', a.acknowledgement_due, (coalesce(a.acknowledged_at, a.refused_at) at time zone 'Asia/Shanghai')::date
         from appraisal a where a.acknowledgement_due is not null
         union all
         select a.cycle_id, a.employee_id, 'rating', null, case when r.state = 'submitted' then (r.submitted_at at time zone 'Asia/Shanghai')::date end
         from rating r join appraisal a on a.id = r.appraisal_id where r.state <> 'reassigned' and r.source = 'PERSON' and a.state <> 'excluded'
       )
       select ${taskKey} as k, count(*)::int as n from t join employee e on e.id = t.employee_id group by 1 order by 1`,
    );

  async function expectExact(label: string) {
    const hr = ok(await gql<Both>(server.url, BOTH, {}, tokens.hr)).analytics;
    expect(hr.completion, `${label}: HR completion`).toEqual(completionRef(await tasks(() => true), TODAY));
    expect(hr.pay, `${label}: HR pay`).toEqual(hrPay(payByDepartment(await payFacts(() => true))));
    const line = ok(await gql<Both>(server.url, BOTH, {}, tokens.supervisor)).analytics;
    expect(line.completion, `${label}: supervisor completion`).toEqual(completionRef(await tasks(inLine), TODAY));
    expect(line.pay, `${label}: supervisor pay`).toEqual(linePay(payByDepartment(await payFacts(inLine))));
    const sub = ok(await gql<Both>(server.url, BOTH, { f: { departmentId: nursingId } }, tokens.hr)).analytics;
    const inNursing = (r: { department_id: string }) => lineage(r.department_id).includes(nursingId);
    expect(sub.completion, `${label}: nursing completion`).toEqual(completionRef(await tasks(inNursing), TODAY));
    expect(sub.pay, `${label}: nursing pay`).toEqual(hrPay(payByDepartment(await payFacts(inNursing))));
  }

  it('task changes: submissions, exclusion, reassignment, acknowledgements and a postponed phase', async () => {
    expect(await countersRead()).toBe(true);
    await expectExact('before');
    const before = ok(await gql<Both>(server.url, BOTH, {}, tokens.hr)).analytics.completion;
    const [open] = await query<{ id: string }>(`select id from cycle where state = 'rating' and name like 'Analytics %'`);
    const [published] = await query<{ id: string }>(`select id from cycle where state = 'published' and name like 'Analytics %' order by period_end desc limit 1`);
    const pending = `select r.id from rating r join appraisal a on a.id = r.appraisal_id where a.cycle_id = $1 and r.state = 'pending' order by r.id`;
    await query(`update rating set state = 'submitted', submitted_at = timestamptz '2026-06-11 10:00+08', section_score = 40, section_max = 50 where id in (${pending} limit 7)`, [open?.id]);
    await query(`update rating set state = 'reassigned' where id in (${pending} limit 2)`, [open?.id]);
    await query(
      `update appraisal set self_review_state = 'SUBMITTED', self_review_submitted_at = timestamptz '2026-07-05 09:00+08' where id in (select id from appraisal where cycle_id = $1 and self_review_state = 'PENDING' order by id limit 9)`,
      [open?.id],
    );
    await query(`update appraisal set state = 'excluded', excluded_reason = 'left' where id in (select id from appraisal where cycle_id = $1 and state = 'rating' order by id limit 3)`, [open?.id]);
    await query(
      `update appraisal set refused_at = timestamptz '2026-06-12 08:00+08', refusal_reason = 'disagree' where id in (select id from appraisal where cycle_id = $1 and acknowledged_at is null order by id limit 4)`,
      [published?.id],
    );
    // The published cycle's rating phase now closes after today: its open ratings are no longer overdue, some late ones are on time.
    await query(`update cycle_phase set closes = date '2026-06-20' where cycle_id = $1 and phase = 'rating'`, [published?.id]);
    expect(await countersRead()).toBe(true);
    await expectExact('after task changes');
    const after = ok(await gql<Both>(server.url, BOTH, {}, tokens.hr)).analytics.completion;
    for (const phase of ['selfReview', 'rating', 'acknowledgement']) {
      const overall = (rows: unknown[]) => (rows as Array<{ phase: string; departmentId: string | null }>).find((r) => r.phase === phase && r.departmentId === null);
      expect(overall(after), phase).not.toEqual(overall(before));
    }
  });

  it('ledger approvals and a reversal through the API; a period range through someone\'s ledger days is counted live', async () => {
    const APPROVE = `mutation($id: ID!, $v: Int!) { approveLedgerEntry(id: $id, version: $v) { id status } }`;
    const REVERSE = `mutation($id: ID!, $r: String!) { reverseLedgerEntry(id: $id, reason: $r) { id status } }`;
    const proposed = await query<{ id: string; version: number }>(`select le.id, le.version from ledger_entry le join employee e on e.id = le.employee_id where le.status = 'proposed' and e.supervisor_path @> array[$1]::uuid[] order by le.id limit 3`, [supervisorId]);
    expect(proposed).toHaveLength(3);
    // Generated proposals get a proposer (the supervisor) as the API's proposals have: HR may approve what it did not propose.
    await query(`update ledger_entry set proposed_by_user_id = (select id from app_user where employee_id = $1 limit 1), proposed_at = now() where id = any($2::uuid[])`, [supervisorId, proposed.map((p) => p.id)]);
    const before = ok(await gql<Both>(server.url, BOTH, {}, tokens.hr)).analytics.pay;
    for (const p of proposed) expect(ok(await gql<{ approveLedgerEntry: { status: string } }>(server.url, APPROVE, { id: p.id, v: p.version }, tokens.hr)).approveLedgerEntry.status).toBe('APPROVED');
    await expectExact('after approvals');
    expect(ok(await gql<Both>(server.url, BOTH, {}, tokens.hr)).analytics.pay).not.toEqual(before);
    const reversal = ok(await gql<{ reverseLedgerEntry: { id: string; status: string } }>(server.url, REVERSE, { id: proposed[0]?.id, r: 'another nurse' }, tokens.hr)).reverseLedgerEntry;
    // A second approver (HR may not approve its own proposal) approves the reversal (posted today, in June).
    await query(`update ledger_entry set status = 'approved', version = version + 1 where id = $1`, [reversal.id]);
    await expectExact('after a reversal');
    // Someone's second approved entry three days after the first in the same period: a range from the day between
    // takes only part of their period's ledger money, which the live query counts.
    const [second] = await query<{ day: string }>(
      `insert into ledger_entry (id, version, created_at, updated_at, employee_id, department_id, kind, component, unit, quantity, count, amount, money, settlement, period_key, occurred_on, status, source_kind)
       select gen_random_uuid(), 1, now(), now(), employee_id, department_id, kind, component, unit, quantity, count, amount, money, settlement, period_key, occurred_on + 3, 'approved', 'manual'
       from ledger_entry where id = $1 returning (occurred_on - 1)::text as day`,
      [proposed[1]?.id],
    );
    const range = { periodFrom: second?.day as string, periodTo: '2026-12-31' };
    const [straddling] = await query<{ n: number }>(
      `select count(*)::int as n from analytics.pay_cohort where exists (select 1 from unnest(ledger_days) d where d < $1::date) and exists (select 1 from unnest(ledger_days) d where d >= $1::date)`,
      [range.periodFrom],
    );
    expect(straddling?.n).toBeGreaterThan(0);
    await expectExact('after a second entry');
    const r = ok(await gql<Both>(server.url, BOTH, { f: range }, tokens.hr)).analytics;
    expect(r.pay).toEqual(hrPay(payByDepartment(await payFacts(() => true, { from: range.periodFrom, to: range.periodTo }))));
  });

  it('a ledger write for thousands of people and periods in one transaction holds at most 256 counter locks', async () => {
    // One lock per person and period ran out of shared memory on a bulk write (the analytics bench's fixture failed).
    const client = new pg.Client({ connectionString: server.database.url });
    await client.connect();
    try {
      await client.query('begin');
      const written = await client.query(
        `insert into ledger_entry (id, created_at, updated_at, employee_id, department_id, kind, component, unit, quantity, amount, money, settlement, period_key, occurred_on, status, source_kind)
         select gen_random_uuid(), now(), now(), e.id, e.department_id, 'reward', 'bonus', 'money', 1, 10, 10, 'payroll', to_char(d, 'YYYY-MM'), d::date, 'approved', 'manual'
         from employee e, generate_series(date '2020-01-01', date '2024-12-01', interval '1 month') d`,
      );
      expect(written.rowCount).toBeGreaterThan(3000);
      const [locks] = (await client.query<{ n: number }>(`select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = 20261201 and pid = pg_backend_pid()`)).rows;
      expect(locks?.n).toBeGreaterThan(0);
      expect(locks?.n).toBeLessThanOrEqual(256);
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });

  it('two approvals for one person and period committed at once leave the pay counters as a rebuild would', async () => {
    const [person] = await query<{ employee_id: string; department_id: string; period_key: string }>(
      `select employee_id, department_id, period_key::text from ledger_entry where status = 'approved' and money is not null and not pay_from_appraisal order by id limit 1`,
    );
    if (!person) throw new Error('no approved money entry');
    const insert = `insert into ledger_entry (id, created_at, updated_at, employee_id, department_id, kind, component, unit, quantity, amount, money, settlement, period_key, occurred_on, status, source_kind)
      values (gen_random_uuid(), now(), now(), $1, $2, 'reward', 'bonus', 'money', 1, 10, 10, 'payroll', $3, $4::date, 'approved', 'manual')`;
    // Sums compared at the cent: a counter's 0 and a rebuild's 0.00 are the same money.
    const pay = () => query<{ row: string }>(`select row(department_id, supervisor_path, period_key, pay_cycles, ledger_days, n, round(pay, 2), round(rewards, 2), round(penalties, 2))::text as row from analytics.pay_cohort order by 1`);
    await refresh();
    const first = new pg.Client({ connectionString: server.database.url });
    const second = new pg.Client({ connectionString: server.database.url });
    await Promise.all([first.connect(), second.connect()]);
    try {
      await first.query('begin');
      await second.query('begin');
      await first.query(insert, [person.employee_id, person.department_id, person.period_key, `${person.period_key}-03`]);
      // Waits for the first writer's lock on this person and period (before the fix it went ahead, blind to the first entry).
      const racing = second.query(insert, [person.employee_id, person.department_id, person.period_key, `${person.period_key}-04`]);
      await first.query('commit');
      await racing;
      await second.query('commit');
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    const kept = await pay();
    await refresh(); // rebuilds the pay counters from the ledger
    expect(kept).toEqual(await pay());
    await expectExact('after two concurrent approvals');
  });

  it('a rating submitted while its appraisal is excluded, both committed at once, leaves the task counters as a direct count', async () => {
    expect(await countersRead()).toBe(true);
    expect(await countedTasks()).toEqual(await directTasks());
    const [open] = await query<{ id: string }>(`select id from cycle where state = 'rating' and name like 'Analytics %'`);
    // Appraisals still in the count, each with a rating by a person not yet submitted.
    const picks = await query<{ appraisal_id: string; rating_id: string }>(
      `select distinct on (a.id) a.id as appraisal_id, r.id as rating_id from appraisal a join rating r on r.appraisal_id = a.id
       where a.cycle_id = $1 and a.state <> 'excluded' and r.state = 'pending' and r.source = 'PERSON' order by a.id, r.id limit 6`,
      [open?.id],
    );
    expect(picks).toHaveLength(6);
    const submit = `update rating set state = 'submitted', submitted_at = timestamptz '2026-06-12 09:00+08', section_score = 30, section_max = 50 where id = $1`;
    const exclude = `update appraisal set state = 'excluded', excluded_reason = 'left' where id = $1`;
    for (const [round, pick] of picks.entries()) {
      const rater = new pg.Client({ connectionString: server.database.url });
      const hr = new pg.Client({ connectionString: server.database.url });
      await Promise.all([rater.connect(), hr.connect()]);
      try {
        await Promise.all([rater.query('begin'), hr.query('begin')]);
        // Either one goes first; the other runs while the first is uncommitted (once fixed it waits for the first's commit).
        const [first, second] = round % 2 === 0 ? ([[rater, submit, pick.rating_id], [hr, exclude, pick.appraisal_id]] as const) : ([[hr, exclude, pick.appraisal_id], [rater, submit, pick.rating_id]] as const);
        await first[0].query(first[1], [first[2]]);
        const racing = second[0].query(second[1], [second[2]]);
        await first[0].query('commit');
        await racing;
        await second[0].query('commit');
      } finally {
        await Promise.all([rater.end(), hr.end()]);
      }
    }
    expect(await countedTasks(), 'task counters after the concurrent rounds').toEqual(await directTasks());
    await expectExact('after concurrent submissions and exclusions');
  });

  it('an org move: the live queries until the refresh, then counters rebuilt for the new organisation', async () => {
    const [mover] = await query<{ id: string; department_id: string }>(
      `select e.id, e.department_id from employee e where e.supervisor_path @> array[$1]::uuid[] and e.department_id <> $2 and exists (select 1 from ledger_entry le where le.employee_id = e.id and le.status = 'approved') order by e.id limit 1`,
      [supervisorId, nursingId],
    );
    await query('update employee set department_id = $1 where id = $2', [nursingId, mover?.id]);
    try {
      expect(await countersRead()).toBe(false);
      await expectExact('moved, before the refresh');
      await refresh();
      expect(await countersRead()).toBe(true);
      await expectExact('moved, after the refresh');
    } finally {
      await query('update employee set department_id = $1 where id = $2', [mover?.department_id, mover?.id]);
      await refresh();
    }
    await expectExact('moved back');
  });

  it('a read that finds the cohorts stale queues one refresh; once it ran, reads use the counters again and stay exact', async () => {
    expect(await countersRead()).toBe(true);
    const [mover] = await query<{ id: string; department_id: string }>(
      `select e.id, e.department_id from employee e where e.supervisor_path @> array[$1]::uuid[] and e.department_id <> $2
         and exists (select 1 from appraisal a where a.employee_id = e.id) order by e.id desc limit 1`,
      [supervisorId, nursingId],
    );
    const [{ since } = { since: '' }] = await query<{ since: string }>(`select now()::text as since`);
    const queued = async () => (await query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'analytics.refresh' and created_on >= $1::timestamptz`, [since]))[0]?.n;
    await query('update employee set department_id = $1 where id = $2', [nursingId, mover?.id]);
    try {
      expect(await countersRead()).toBe(false);
      expect(await queued()).toBe(0);
      // The first read answers from the live queries (the reference holds today's org) and queues the refresh.
      await expectExact('moved, the read that finds the cohorts stale');
      // Every aggregate of those reads saw the same stale org version: one job for all of them.
      expect(await queued()).toBe(1);
      // The job runs on the server's runner (not this test): the counters come back for today's organisation.
      await vi.waitFor(async () => expect(await countersRead()).toBe(true), { timeout: 30_000, interval: 100 });
      expect(await queued()).toBe(1);
      await expectExact('moved, after the queued refresh');
    } finally {
      await query('update employee set department_id = $1 where id = $2', [mover?.department_id, mover?.id]);
      await refresh();
    }
    await expectExact('moved back');
  });

  it('writes committed while a refresh stages its rebuild are in the counters it swaps in', async () => {
    const [open] = await query<{ id: string }>(`select id from cycle where state = 'rating' and name like 'Analytics %'`);
    const [rating] = await query<{ id: string }>(
      `select r.id from rating r join appraisal a on a.id = r.appraisal_id where a.cycle_id = $1 and a.state <> 'excluded' and r.state = 'pending' and r.source = 'PERSON' order by r.id desc limit 1`,
      [open?.id],
    );
    const [excluded] = await query<{ id: string }>(
      `select a.id from appraisal a where a.cycle_id = $1 and a.state <> 'excluded' and exists (select 1 from rating r where r.appraisal_id = a.id and r.source = 'PERSON') order by a.id desc limit 1`,
      [open?.id],
    );
    const [person] = await query<{ employee_id: string; department_id: string; period_key: string }>(
      `select employee_id, department_id, period_key::text from ledger_entry where status = 'approved' and money is not null and not pay_from_appraisal order by id desc limit 1`,
    );
    const [mover] = await query<{ id: string; department_id: string }>(
      `select e.id, e.department_id from employee e where e.department_id <> $1 and exists (select 1 from appraisal a where a.employee_id = e.id) order by e.id limit 1`,
      [nursingId],
    );
    if (!rating || !excluded || !person || !mover) throw new Error('fixture rows missing');
    // An org move first: the refresh stages the task counters too.
    await query('update employee set department_id = $1 where id = $2', [nursingId, mover.id]);
    const writer = new pg.Client({ connectionString: server.database.url });
    const refresher = new pg.Client({ connectionString: server.database.url });
    await Promise.all([writer.connect(), refresher.connect()]);
    try {
      // The writer holds the counters lock shared (as its triggers do), so the refresh stops before its swap.
      await writer.query('begin');
      await writer.query(`select pg_advisory_xact_lock_shared(hashtext('analytics.counters'))`);
      const refreshPid = (await refresher.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
      const refreshing = refreshAnalytics(refresher);
      await vi.waitFor(
        async () => expect((await query<{ waiting: boolean }>(`select exists (select 1 from pg_locks where pid = $1 and locktype = 'advisory' and not granted) as waiting`, [refreshPid]))[0]?.waiting).toBe(true),
        { timeout: 30_000, interval: 50 },
      );
      // Staged: these writes come after the staging's snapshot, in a transaction that meets the rebuild in progress.
      await writer.query(
        `insert into ledger_entry (id, created_at, updated_at, employee_id, department_id, kind, component, unit, quantity, amount, money, settlement, period_key, occurred_on, status, source_kind)
         values (gen_random_uuid(), now(), now(), $1, $2, 'reward', 'bonus', 'money', 1, 12.34, 12.34, 'payroll', $3, $4::date, 'approved', 'manual')`,
        [person.employee_id, person.department_id, person.period_key, `${person.period_key}-05`],
      );
      await writer.query(`update rating set state = 'submitted', submitted_at = timestamptz '2026-06-12 11:00+08', section_score = 35, section_max = 50 where id = $1`, [rating.id]);
      await writer.query(`update appraisal set state = 'excluded', excluded_reason = 'left' where id = $1`, [excluded.id]);
      await writer.query('commit');
      await refreshing;
    } finally {
      await Promise.all([writer.end(), refresher.end()]);
    }
    try {
      expect(await countersRead()).toBe(true);
      expect(await countedTasks(), 'task counters swapped in').toEqual(await directTasks());
      await expectExact('writes during a staged refresh');
    } finally {
      await query('update employee set department_id = $1 where id = $2', [mover.department_id, mover.id]);
      await refresh();
    }
    await expectExact('moved back');
  });
});
