import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { ok } from '../support/cycles.js';
import { demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The demo group's cycles (api/src/seed/demo-cycles.ts) are there and hang together, as a newcomer signing in
 * on the demo day sees them: published results per program, the supervisor's ratings to do, the employee's
 * self-review and a published result to acknowledge, the HQ roll-up, pools paid to the cent, probations due.
 */
let server: TestServer;
const tokens = {} as Record<'hr' | 'supervisor' | 'employee', string>;
const sqlRows = <T>(text: string, params: unknown[] = []) => server.orm.em.fork().getConnection().execute<T[]>(text, params);

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-11-27'), demoCycles: true });
  tokens.hr = await login(server.url, demo.hr);
  tokens.supervisor = await login(server.url, demo.supervisor);
  tokens.employee = await login(server.url, demo.employee);
  // The first file asking for the demo cycles makes their template (tens of seconds on a loaded machine).
}, 300_000);
afterAll(() => server?.stop());

type CycleRow = { name: string; state: string; periodKey: string; scheme: { code: string } };

describe('demo cycles', () => {
  it('every program has its cycles: nursing closed / published / rating, HQ January, February and Q1, cafeteria, hotel audit day and workshop published', async () => {
    const data = ok(await gql<{ cycles: { nodes: CycleRow[] } }>(server.url, '{ cycles(first: 50, sort: [{ field: PERIOD_END, direction: ASC }]) { nodes { name state periodKey scheme { code } } } }', {}, tokens.hr));
    // Probation cycles (period keys "P<start>..<end>") are checked with the probations below.
    const demoCycles = data.cycles.nodes.filter((c) => c.periodKey.startsWith('2026-'));
    const by = (code: string) => demoCycles.filter((c) => c.scheme.code === code).map((c) => [c.periodKey, c.state]);
    expect(by('nursing')).toEqual([['2026-09', 'CLOSED'], ['2026-10', 'PUBLISHED'], ['2026-11', 'RATING']]);
    expect(by('headquarters')).toEqual([['2026-01', 'PUBLISHED'], ['2026-02', 'PUBLISHED'], ['2026-Q1', 'PUBLISHED']]);
    expect(by('hotelAudit')).toEqual([['2026-11-26', 'PUBLISHED']]);
    expect(by('workshop')).toEqual([['2026-10', 'PUBLISHED']]);
    expect(by('cafeteria')).toEqual([['2026-09', 'PUBLISHED']]);
    // Published results with their pay, per program.
    const counts = await sqlRows<{ code: string; results: number; paid: number }>(
      `select s.code, count(p.id)::int as results, count(p.pay_total)::int as paid
       from published_result p join cycle c on c.id = p.cycle_id join scheme s on s.id = c.scheme_id group by s.code order by s.code`,
    );
    const count = Object.fromEntries(counts.map((c) => [c.code, c]));
    for (const code of ['nursing', 'headquarters', 'cafeteria', 'hotelAudit', 'workshop']) expect(count[code]?.results, code).toBeGreaterThan(0);
    for (const code of ['headquarters', 'cafeteria', 'hotelAudit', 'workshop']) expect(count[code]?.paid, code).toBe(count[code]?.results);
  });

  it('pools are paid in full to the cent: each HQ bonus pool and the workshop output value', async () => {
    const sums = await sqlRows<{ period_key: string; component: string; paid: string; amount: string }>(
      `select c.period_key, l.component, sum(l.amount)::text as paid, coalesce(g.pool, g.output_value)::text as amount
       from pay_line l join cycle c on c.id = l.cycle_id join cycle_group_amount g on g.cycle_id = c.id
       where l.component in ('bonus', 'outputPay') group by c.period_key, l.component, g.pool, g.output_value order by c.period_key`,
    );
    expect(sums).toEqual([
      { period_key: '2026-01', component: 'bonus', paid: '10000.00', amount: '10000.00' },
      { period_key: '2026-02', component: 'bonus', paid: '10000.00', amount: '10000.00' },
      { period_key: '2026-10', component: 'outputPay', paid: '100000.00', amount: '100000.00' },
      { period_key: '2026-Q1', component: 'bonus', paid: '30000.00', amount: '30000.00' },
    ]);
  });

  it('the HQ Q1 roll-up is computed from January, February and the quarter for each of the three accountants', async () => {
    const data = ok(
      await gql<{ rollupResults: { totalCount: number; nodes: Array<{ periodKey: string; value: string; inputs: Record<string, { value: string; periodKey: string }> }> } }>(
        server.url,
        '{ rollupResults(first: 50, filter: { periodKey: "2026-Q1" }) { totalCount nodes { periodKey value inputs } } }',
        {},
        tokens.hr,
      ),
    );
    expect(data.rollupResults.totalCount).toBe(3);
    for (const n of data.rollupResults.nodes) {
      expect(Object.fromEntries(Object.entries(n.inputs).map(([k, v]) => [k, v.periodKey]))).toEqual({ month1: '2026-01', month2: '2026-02', quarter: '2026-Q1' });
      const { month1, month2, quarter } = n.inputs as Record<string, { value: string }>;
      const expected = (Number(month1?.value) + Number(month2?.value)) * 0.2 + Number(quarter?.value) * 0.6;
      expect(Number(n.value)).toBeCloseTo(expected, 2);
    }
  });

  it('supervisor@ (director of nursing) has November ratings to do', async () => {
    const data = ok(
      await gql<{ myRatingTasks: { totalCount: number; nodes: Array<{ state: string; appraisal: { cycle: { periodKey: string } } }> } }>(
        server.url,
        '{ myRatingTasks(first: 100) { totalCount nodes { state appraisal { cycle { periodKey } } } } }',
        {},
        tokens.supervisor,
      ),
    );
    const open = data.myRatingTasks.nodes.filter((t) => t.appraisal.cycle.periodKey === '2026-11' && (t.state === 'PENDING' || t.state === 'DRAFT'));
    expect(open.length).toBeGreaterThanOrEqual(10);
  });

  it('employee@ has a November self-review to write and the published October result (92.1, excellent) with its explanation to acknowledge', async () => {
    const data = ok(
      await gql<{ myAppraisals: { nodes: Array<{ id: string; version: number; state: string; cycle: { periodKey: string } }> } }>(
        server.url,
        '{ myAppraisals(first: 20) { nodes { id version state cycle { periodKey } } } }',
        {},
        tokens.employee,
      ),
    );
    const by = new Map(data.myAppraisals.nodes.map((n) => [n.cycle.periodKey, n]));
    expect([...by.keys()].sort()).toEqual(['2026-09', '2026-10', '2026-11']);
    const november = by.get('2026-11');
    const saved = ok(
      await gql<{ saveSelfReview: { selfReview: { achievements?: string } } }>(
        server.url,
        'mutation($id: ID!, $v: Int!) { saveSelfReview(appraisalId: $id, version: $v, input: { achievements: "Trained two new nurses." }) { selfReview } }',
        { id: november?.id, v: november?.version },
        tokens.employee,
      ),
    );
    expect(saved.saveSelfReview.selfReview.achievements).toBe('Trained two new nurses.');

    const october = by.get('2026-10');
    const result = ok(
      await gql<{ appraisal: { total: string; grade: string; explanation: string[] } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { total grade explanation(lang: "en") } }', { id: october?.id }, tokens.employee),
    );
    expect(result.appraisal).toMatchObject({ total: '92.1', grade: 'excellent' });
    expect(result.appraisal.explanation.length).toBeGreaterThan(3);
    const acknowledged = ok(await gql<{ acknowledgeResult: { state: string } }>(server.url, 'mutation($id: ID!, $v: Int!) { acknowledgeResult(appraisalId: $id, version: $v) { state } }', { id: october?.id, v: october?.version }, tokens.employee));
    expect(acknowledged.acknowledgeResult.state).toBe('ACKNOWLEDGED');
  });

  it('two probation reviews are under way for probations ending within 30 days', async () => {
    const data = ok(await gql<{ probationsDue: Array<{ employee: { employeeNumber: string }; reviewOpen: boolean }> }>(server.url, '{ probationsDue(withinDays: 30) { employee { employeeNumber } reviewOpen } }', {}, tokens.hr));
    expect(data.probationsDue.filter((d) => d.reviewOpen).map((d) => d.employee.employeeNumber).sort()).toEqual(['CFC009', 'WSI009']);
  });
});
