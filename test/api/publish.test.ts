import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { loginAs, ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { cycleVersion, ratedWardCycle, setPool, step, type WardCycle } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
let employee: string;
let supervisor: string;
let committee: string;
let ward: WardCycle;
const clock = fixedClock('2025-10-02');

type Group = { groupKey: string; groupName: string | null; groupNameZh: string | null; size: number; counts: Array<{ grade: string; count: number; percent: string }>; violations: Array<{ code: string; params: Record<string, unknown> }>; proposal: Array<{ employeeId: string; rank: number; from: string; to: string }> };
const CALIBRATION = 'query($id: ID!) { cycle(id: $id) { version calibration { groupKey groupName groupNameZh size counts { grade count percent } violations { code params } proposal { employeeId rank from to } } } }';
const calibration = async () => ok(await gql<{ cycle: { version: number; calibration: Group[] } }>(server.url, CALIBRATION, { id: ward.cycleId }, hr)).cycle;
const appraisal = (n: string) => ward.appraisalOf.get(n) as string;
const sqlRows = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);
const versionOf = async (n: string) => ok(await gql<{ appraisal: { version: number } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { version } }', { id: appraisal(n) }, hr)).appraisal.version;

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  employee = await login(server.url, demo.employee);
  supervisor = await login(server.url, demo.supervisor);
  committee = await login(server.url, demo.committee);
  ward = await ratedWardCycle(server, hr, { code: 'wardPublish', period: '2025-09' });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('calibration', () => {
  it('the group names (English and Chinese) are HR only: employee, supervisor and committee get FORBIDDEN, never a name', async () => {
    for (const [role, token] of [['employee', employee], ['supervisor', supervisor], ['committee', committee]] as const) {
      for (const field of ['groupName', 'groupNameZh']) {
        const result = await gql<{ cycle: { calibration: Array<Record<string, unknown>> } | null }>(server.url, `query($id: ID!) { cycle(id: $id) { calibration { ${field} } } }`, { id: ward.cycleId }, token);
        expect(result.errors?.[0]?.extensions?.code, `${role} ${field}`).toMatch(/FORBIDDEN|NOT_FOUND/);
        expect(JSON.stringify(result.data ?? null), `${role} ${field}`).not.toContain('Ward');
        expect(JSON.stringify(result.data ?? null), `${role} ${field}`).not.toContain('病区');
      }
    }
  });

  it('shows the ward against the 30/50/20 quotas: 8 of 15 excellent breaks the 30% maximum; the engine proposes moving the lowest three down', async () => {
    const c = await calibration();
    expect(c.calibration).toHaveLength(1);
    const g = c.calibration[0] as Group;
    expect(g).toMatchObject({ groupName: 'Internal Medicine Ward', groupNameZh: '内科病区', size: 15 });
    expect(g.counts).toEqual([
      { grade: 'excellent', count: 8, percent: '53.33' },
      { grade: 'good', count: 4, percent: '26.67' },
      { grade: 'qualified', count: 3, percent: '20.00' },
      { grade: 'unqualified', count: 0, percent: '0.00' },
    ]);
    expect(g.violations.map((v) => [v.code, v.params.limit, v.params.actual])).toEqual([['quota_exceeded', 5, 8]]);
    expect(g.proposal.map((p) => [p.rank, p.from, p.to])).toEqual([
      [6, 'excellent', 'good'],
      [7, 'excellent', 'good'],
      [8, 'excellent', 'good'],
    ]);
    const denied = await gql(server.url, CALIBRATION, { id: ward.cycleId }, supervisor);
    expect(codes(denied)).toEqual(['FORBIDDEN']);
  });

  it('changeGrade: HR only, in calibration, with a reason; kept as a grade change with rank and audited', async () => {
    const change = 'mutation($a: ID!, $v: Int!, $to: String!, $r: String!) { changeGrade(appraisalId: $a, version: $v, to: $to, reason: $r) { version grade engineGrade gradeChanges { from to reason source rank groupSize } } }';
    const early = await gql(server.url, change, { a: appraisal('NUMED008'), v: await versionOf('NUMED008'), to: 'good', r: 'x' }, hr);
    expect(early.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('calibration_not_open');
    await step(server, hr, ward.cycleId, 'START_CALIBRATION');
    const v = await versionOf('NUMED008');
    const noReason = await gql(server.url, change, { a: appraisal('NUMED008'), v, to: 'good', r: ' ' }, hr);
    expect(noReason.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['calibration_reason_required']);
    const unknown = await gql(server.url, change, { a: appraisal('NUMED008'), v, to: 'platinum', r: 'x' }, hr);
    expect(unknown.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['calibration_unknown_grade']);
    expect(codes(await gql(server.url, change, { a: appraisal('NUMED008'), v, to: 'good', r: 'x' }, supervisor))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, change, { a: appraisal('NUMED008'), v: v - 1, to: 'good', r: 'x' }, hr))).toEqual(['CONFLICT']);
    const done = ok(await gql<{ changeGrade: { version: number; grade: string; engineGrade: string; gradeChanges: unknown[] } }>(server.url, change, { a: appraisal('NUMED008'), v, to: 'good', r: 'two complaints this month' }, hr));
    expect(done.changeGrade).toMatchObject({ version: v + 1, grade: 'good', engineGrade: 'excellent', gradeChanges: [{ from: 'excellent', to: 'good', reason: 'two complaints this month', source: 'HR', rank: 8, groupSize: 15 }] });
    const audit = await sqlRows<{ n: number }>(`select count(*)::int as n from audit_entry where operation = 'changeGrade' and entity_id = ?`, [appraisal('NUMED008')]);
    expect(audit[0]?.n).toBe(1);
  });

  it('publishing is refused while the quota is broken (params name the limit), or with an empty override reason', async () => {
    const { version } = await cycleVersion(server, hr, ward.cycleId);
    const refused = await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state } }', { id: ward.cycleId, v: version }, hr);
    expect(codes(refused)).toEqual(['VALIDATION_FAILED']);
    const d = refused.errors?.[0]?.extensions?.details?.[0];
    expect(d).toMatchObject({ rule: 'quota_exceeded', params: { grade: 'excellent', limit: 5, actual: 7, size: 15 } });
    const empty = await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v, override: { reason: "  " }) { state } }', { id: ward.cycleId, v: version }, hr);
    expect(empty.errors?.[0]?.extensions?.details?.map((x) => x.rule)).toEqual(['publish_override_reason']);
  });

  it('applyCalibrationProposal moves the two remaining over the quota, each audited; a stale version is a CONFLICT', async () => {
    const before = await calibration();
    const apply = 'mutation($id: ID!, $v: Int!, $g: String) { applyCalibrationProposal(cycleId: $id, version: $v, groupKey: $g) { version } }';
    const g = before.calibration[0] as Group;
    expect(g.proposal).toHaveLength(2);
    const applied = ok(await gql<{ applyCalibrationProposal: { version: number } }>(server.url, apply, { id: ward.cycleId, v: before.version, g: g.groupKey }, hr));
    expect(applied.applyCalibrationProposal.version).toBe(before.version + 1);
    expect(codes(await gql(server.url, apply, { id: ward.cycleId, v: before.version, g: g.groupKey }, hr))).toEqual(['CONFLICT']);
    const after = (await calibration()).calibration[0] as Group;
    expect(after.violations).toEqual([]);
    expect(after.counts.slice(0, 2)).toEqual([
      { grade: 'excellent', count: 5, percent: '33.33' },
      { grade: 'good', count: 7, percent: '46.67' },
    ]);
    const rows = await sqlRows<{ source: string; n: number }>(`select g.source, count(*)::int as n from grade_change g join appraisal a on a.id = g.appraisal_id where a.cycle_id = ? group by g.source order by g.source`, [ward.cycleId]);
    expect(rows).toEqual([{ source: 'HR', n: 1 }, { source: 'PROPOSAL', n: 2 }]);
    const audit = await sqlRows<{ n: number }>(`select count(*)::int as n from audit_entry where operation = 'applyCalibrationProposal'`);
    expect(audit[0]?.n).toBe(3);
  });
});

describe('publication', () => {
  it('before publication the nurse gets FORBIDDEN (not null) on her total, grade, pay and comments; her supervisor too (the scheme shows results after publication)', async () => {
    for (const field of ['total', 'grade', 'pay { total }', 'payLines { amount }', 'raterComments { comment }', 'explanation']) {
      const own = await gql(server.url, `query($c: ID!) { myAppraisals(filter: { cycleId: $c }) { nodes { ${field} } } }`, { c: ward.cycleId }, employee);
      expect(codes(own), field).toEqual(['FORBIDDEN']);
    }
    const line = await gql(server.url, 'query($id: ID!) { appraisal(id: $id) { total } }', { id: appraisal('NUMED001') }, supervisor);
    expect(codes(line)).toEqual(['FORBIDDEN']);
  });

  it('a bonus pool the scheme splits must be set: publishing without it names the missing amount', async () => {
    const { version } = await cycleVersion(server, hr, ward.cycleId);
    const missing = await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state } }', { id: ward.cycleId, v: version }, hr);
    expect(codes(missing)).toEqual(['VALIDATION_FAILED']);
    expect(missing.errors?.[0]?.extensions?.details?.[0]?.rule).toMatch(/^pay_/);
  });

  it('setGroupAmounts: HR only, exact money for a pay group and kind the scheme splits, audited; stale versions conflict', async () => {
    const { version } = await cycleVersion(server, hr, ward.cycleId);
    const M = 'mutation($id: ID!, $v: Int!, $a: [GroupAmountInput!]!) { setGroupAmounts(cycleId: $id, version: $v, amounts: $a) { version groupAmounts { groupKey pool outputValue } } }';
    const rules = (r: Awaited<ReturnType<typeof gql>>) => (r.errors?.[0]?.extensions?.details as Array<{ field: string; rule: string }> | undefined)?.map((d) => [d.field, d.rule]);
    const bad = await gql(server.url, M, { id: ward.cycleId, v: version, a: [
      { groupKey: 'ward-7', kind: 'POOL', amount: '1.00' },
      { groupKey: 'cycle', kind: 'OUTPUT_VALUE', amount: '1.00' },
      { groupKey: 'cycle', kind: 'POOL', amount: '-5' },
    ] }, hr);
    expect(rules(bad)).toEqual([
      ['amounts[0].groupKey', 'group_amount_unknown_group'],
      ['amounts[1].kind', 'group_amount_kind_unused'],
      ['amounts[2].amount', 'group_amount_negative'],
    ]);
    expect(rules(await gql(server.url, M, { id: ward.cycleId, v: version, a: [{ groupKey: 'cycle', kind: 'POOL', amount: '10.005' }] }, hr))).toEqual([['amounts[0].amount', 'group_amount_cents']]);
    expect((await gql(server.url, M, { id: ward.cycleId, v: version, a: [{ groupKey: 'cycle', kind: 'POOL', amount: '1' }] }, employee)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const set = ok(await gql<{ setGroupAmounts: { version: number; groupAmounts: unknown[] } }>(server.url, M, { id: ward.cycleId, v: version, a: [{ groupKey: 'cycle', kind: 'POOL', amount: '9999.9' }] }, hr));
    expect(set.setGroupAmounts).toEqual({ version: version + 1, groupAmounts: [{ groupKey: 'cycle', pool: '9999.90', outputValue: null }] });
    expect((await gql(server.url, M, { id: ward.cycleId, v: version, a: [{ groupKey: 'cycle', kind: 'POOL', amount: '1' }] }, hr)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const audit = await sqlRows<{ after: { amounts: unknown[] } }>(`select after from audit_entry where operation = 'setGroupAmounts' and entity_id = ? order by at desc limit 1`, [ward.cycleId]);
    expect(audit[0]?.after.amounts).toEqual([{ groupKey: 'cycle', pool: '9999.90', outputValue: null, inputs: null }]);
  });

  it('publishes: published results and pay lines exact to the cent (the 10,000.00 pool pays 10,000.00), appraisals published with the acknowledgement due on the work calendar; publishing again changes nothing', async () => {
    await setPool(server, hr, ward.cycleId, '10000.00');
    const { version } = await cycleVersion(server, hr, ward.cycleId);
    const published = ok(await gql<{ publishCycle: { state: string; publishedAt: string | null; version: number } }>(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state publishedAt version } }', { id: ward.cycleId, v: version }, hr));
    expect(published.publishCycle.state).toBe('PUBLISHED');
    const sums = await sqlRows<{ component: string; total: string; n: number }>(`select component, sum(amount)::text as total, count(*)::int as n from pay_line where cycle_id = ? group by component order by component`, [ward.cycleId]);
    expect(sums.find((s) => s.component === 'bonus')).toEqual({ component: 'bonus', total: '10000.00', n: 15 });
    expect(sums.find((s) => s.component === 'floatingPay')?.n).toBe(15);
    const counts = await sqlRows<{ p: number; states: string[]; due: string[] }>(
      `select (select count(*)::int from published_result where cycle_id = ?) as p, array_agg(distinct state) as states, array_agg(distinct acknowledgement_due::text) as due from appraisal where cycle_id = ?`,
      [ward.cycleId, ward.cycleId],
    );
    expect(counts[0]?.p).toBe(15);
    expect(counts[0]?.states).toEqual(['published']);
    // Published on Thursday 2 October 2025 (National Day week): 5 working days later, make-up Saturday 11 October counted.
    expect(counts[0]?.due).toHaveLength(1);
    expect(counts[0]?.due[0] as string > '2025-10-08').toBe(true);
    const again = ok(await gql<{ publishCycle: { state: string; version: number } }>(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state version } }', { id: ward.cycleId, v: version }, hr));
    expect(again.publishCycle).toEqual({ state: 'PUBLISHED', version: published.publishCycle.version });
    const lines = await sqlRows<{ n: number }>(`select count(*)::int as n from pay_line where cycle_id = ?`, [ward.cycleId]);
    expect(lines[0]?.n).toBe(30);
    const audit = await sqlRows<{ after: { appraisals: number } }>(`select after from audit_entry where operation = 'publishCycle' and entity_id = ?`, [ward.cycleId]);
    expect(audit.map((a) => a.after.appraisals)).toEqual([15]);
  });

  it('after publication the nurse reads her total, calibrated grade, pay and the explanation in Chinese; her supervisor the result but not the pay; the committee the result, never the pay', async () => {
    const own = ok(
      await gql<{ myAppraisals: { nodes: Array<{ state: string; total: string; grade: string; pay: { total: string; lines: Array<{ component: string; amount: string }> }; explanation: string[]; acknowledgement: { due: string } }> } }>(
        server.url,
        'query($c: ID!) { myAppraisals(filter: { cycleId: $c }) { nodes { state total grade pay { total lines { component amount } } explanation(lang: "zh") acknowledgement { due } } } }',
        { c: ward.cycleId },
        employee,
      ),
    ).myAppraisals.nodes[0];
    expect(own).toMatchObject({ state: 'PUBLISHED', total: '99', grade: 'excellent' });
    expect(own?.pay.lines.map((l) => l.component).sort()).toEqual(['bonus', 'floatingPay']);
    const sum = (own?.pay.lines ?? []).reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
    expect((sum / 100).toFixed(2)).toBe(own?.pay.total);
    expect(own?.explanation.join('\n')).toMatch(/[\u4e00-\u9fff]/);
    expect(own?.explanation.join('\n')).toContain('99');
    const line = await gql<{ appraisal: { total: string; grade: string } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { total grade } }', { id: appraisal('NUMED008') }, supervisor);
    expect(line.data?.appraisal).toEqual({ total: '92', grade: 'good' });
    expect(codes(await gql(server.url, 'query($id: ID!) { appraisal(id: $id) { pay { total } } }', { id: appraisal('NUMED008') }, supervisor))).toEqual(['FORBIDDEN']);
    const seen = await gql<{ appraisal: { grade: string } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { grade } }', { id: appraisal('NUMED008') }, committee);
    expect(seen.data?.appraisal.grade).toBe('good');
    expect(codes(await gql(server.url, 'query($id: ID!) { appraisal(id: $id) { payLines { amount } } }', { id: appraisal('NUMED008') }, committee))).toEqual(['FORBIDDEN']);
    const hrView = ok(await gql<{ appraisal: { gradeChanges: unknown[]; explanation: string[] } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { gradeChanges { source } explanation } }', { id: appraisal('NUMED008') }, hr));
    expect(hrView.appraisal.gradeChanges).toEqual([{ source: 'HR' }]);
    expect(hrView.appraisal.explanation.join('\n').toLowerCase()).toContain('good');
  });

  it('calibration after publication is refused (a correction goes through an appeal)', async () => {
    const r = await gql(server.url, 'mutation($a: ID!, $v: Int!) { changeGrade(appraisalId: $a, version: $v, to: "qualified", reason: "late") { grade } }', { a: appraisal('NUMED010'), v: await versionOf('NUMED010') }, hr);
    expect(r.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['calibration_after_publication']);
  });
});

describe('acknowledgement', () => {
  const ACK = 'mutation($a: ID!, $v: Int!) { acknowledgeResult(appraisalId: $a, version: $v) { state acknowledgement { acknowledgedAt } } }';
  const REFUSE = 'mutation($a: ID!, $v: Int!, $r: String!) { refuseAcknowledgement(appraisalId: $a, version: $v, reason: $r) { state acknowledgement { refusedAt refusalReason } } }';

  it('the nurse acknowledges her own result; nobody else may answer for her', async () => {
    const v = await versionOf('NUMED001');
    expect(codes(await gql(server.url, ACK, { a: appraisal('NUMED001'), v }, supervisor))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(server.url, ACK, { a: appraisal('NUMED002'), v: await versionOf('NUMED002') }, employee))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(server.url, ACK, { a: appraisal('NUMED001'), v: v - 1 }, employee))).toEqual(['CONFLICT']);
    const done = ok(await gql<{ acknowledgeResult: { state: string; acknowledgement: { acknowledgedAt: string | null } } }>(server.url, ACK, { a: appraisal('NUMED001'), v }, employee));
    expect(done.acknowledgeResult.state).toBe('ACKNOWLEDGED');
    expect(done.acknowledgeResult.acknowledgement.acknowledgedAt).not.toBeNull();
  });

  it('refusing needs a reason, which is kept; after the window closes answers are refused with phase_closed', async () => {
    const nurse = await loginAs(server, 'NUMED014');
    const v = await versionOf('NUMED014');
    const noReason = await gql(server.url, REFUSE, { a: appraisal('NUMED014'), v, r: ' ' }, nurse);
    expect(noReason.errors?.[0]?.extensions?.details?.map((d) => d.rule)).toEqual(['appraisal_refusal_reason']);
    const refused = ok(await gql<{ refuseAcknowledgement: { state: string; acknowledgement: { refusalReason: string } } }>(server.url, REFUSE, { a: appraisal('NUMED014'), v, r: 'my night shifts were not counted' }, nurse));
    expect(refused.refuseAcknowledgement).toMatchObject({ state: 'REFUSED', acknowledgement: { refusalReason: 'my night shifts were not counted' } });
    clock.set('2025-11-28');
    const late = await loginAs(server, 'NUMED015');
    const r = await gql(server.url, ACK, { a: appraisal('NUMED015'), v: await versionOf('NUMED015') }, late);
    expect(r.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('phase_closed');
    clock.set('2025-10-02');
  });
});

describe('closing', () => {
  it('closeCycle freezes the cycle: the database refuses any update of its appraisals; the history lists the closed appraisal', async () => {
    const { version } = await cycleVersion(server, hr, ward.cycleId);
    expect(codes(await gql(server.url, 'mutation($id: ID!, $v: Int!) { closeCycle(id: $id, version: $v) { state } }', { id: ward.cycleId, v: version }, supervisor))).toEqual(['FORBIDDEN']);
    const closed = ok(await gql<{ closeCycle: { state: string; closedAt: string | null } }>(server.url, 'mutation($id: ID!, $v: Int!) { closeCycle(id: $id, version: $v) { state closedAt } }', { id: ward.cycleId, v: version }, hr));
    expect(closed.closeCycle.state).toBe('CLOSED');
    await expect(sqlRows(`update appraisal set refusal_reason = 'changed' where id = ?`, [appraisal('NUMED002')])).rejects.toThrow(/closed cycle cannot change/);
    await expect(sqlRows(`update pay_line set amount = 0 where cycle_id = ?`, [ward.cycleId])).rejects.toThrow();
    const late = await loginAs(server, 'NUMED003');
    clock.set('2025-10-03');
    const answer = await gql(server.url, 'mutation($a: ID!, $v: Int!) { acknowledgeResult(appraisalId: $a, version: $v) { state } }', { a: appraisal('NUMED003'), v: await versionOf('NUMED003') }, late);
    expect(answer.errors?.[0]?.extensions?.details?.[0]?.rule).toBe('appraisal_acknowledgement_closed');
    clock.set('2025-10-02');
    const me = ok(await gql<{ me: { employee: { id: string } } }>(server.url, '{ me { employee { id } } }', {}, employee)).me.employee.id;
    const history = ok(await gql<{ appraisals: { nodes: Array<{ grade: string; total: string; cycle: { state: string; periodKey: string } }> } }>(server.url, 'query($e: ID!) { appraisals(filter: { employeeId: $e }) { nodes { grade total cycle { state periodKey } } } }', { e: me }, employee));
    // The demo group's own nursing cycles (2026) are in her history too.
    expect(history.appraisals.nodes.filter((n) => n.cycle.periodKey.startsWith('2025'))).toEqual([{ grade: 'excellent', total: '99', cycle: { state: 'CLOSED', periodKey: '2025-09' } }]);
  });
});
