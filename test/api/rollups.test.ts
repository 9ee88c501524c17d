import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { ok } from '../support/cycles.js';
import { codes, demo, gql, login } from '../support/graphql.js';
import { calibrateAndPublish, ratedWardCycle, wardRollupScheme, type WardCycle } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;
let employee: string;
let supervisor: string;
let july: WardCycle;
let q3: WardCycle;
const clock = fixedClock('2025-07-28');

// Part 5: the third quarter = (July + August) x 20% + the quarter's own appraisal x 60%.
const SCORES: Record<string, Record<string, number>> = {
  '2025-07': { NUMED002: 70 },
  '2025-08': { NUMED002: 100 },
  '2025-Q3': { NUMED002: 95 },
};
const DEFAULT: Record<string, number> = { '2025-07': 90, '2025-08': 80, '2025-Q3': 85 };
const scoreFor = (period: string) => (n: string) => SCORES[period]?.[n] ?? DEFAULT[period] ?? 0;
const COMPUTE = 'mutation($c: ID!) { computeRollups(cycleId: $c) { rollupId periodKey computed unchanged } }';
const LIST = 'query($c: ID, $s: [RollupSort!]) { rollupResults(first: 50, filter: { cycleId: $c }, sort: $s) { totalCount nodes { rollupId periodKey number value grade inputs employee { employeeNumber } explanation(lang: "zh") } } }';
type Row = { rollupId: string; periodKey: string; number: number; value: string; grade: string | null; inputs: Record<string, { value: string; periodKey: string; filled: boolean }>; employee: { employeeNumber: string }; explanation: string[] };

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
  employee = await login(server.url, demo.employee);
  supervisor = await login(server.url, demo.supervisor);
  july = await ratedWardCycle(server, hr, { code: 'wardRollup', document: wardRollupScheme('wardRollup'), period: '2025-07', score: scoreFor('2025-07') });
  await calibrateAndPublish(server, hr, july.cycleId);
  clock.set('2025-09-29');
  q3 = await ratedWardCycle(server, hr, { code: 'wardRollup', schemeVersionId: july.schemeVersionId, period: '2025-Q3', kind: 'QUARTER', score: scoreFor('2025-Q3') });
  await calibrateAndPublish(server, hr, q3.cycleId);
}, 180_000);
afterAll(() => server?.stop());

describe('quarterly roll-up (Part 5)', () => {
  it('a missing child result is a clear error naming the employee and the month, never a silent 0', async () => {
    const r = await gql(server.url, COMPUTE, { c: q3.cycleId }, hr);
    expect(codes(r)).toEqual(['VALIDATION_FAILED']);
    const details = r.errors?.[0]?.extensions?.details ?? [];
    expect(details).toHaveLength(15);
    expect(details[0]).toMatchObject({ rule: 'rollup_child_missing', params: { child: '2025-08', input: 'month2', period: '2025-Q3' } });
    // The demo's cafeteria annual results (honors) are roll-ups without a cycle; none of this cycle's may be written.
    const written = await server.orm.em.fork().getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from rollup_result where cycle_id is not null');
    expect(written[0]?.n).toBe(0);
    expect(codes(await gql(server.url, COMPUTE, { c: q3.cycleId }, supervisor))).toEqual(['FORBIDDEN']);
  });

  it('with August published: Q3 = (July + August) x 20% + Q3 x 60% per person, graded; computing again changes nothing', async () => {
    clock.set('2025-08-27');
    const august = await ratedWardCycle(server, hr, { code: 'wardRollup', schemeVersionId: july.schemeVersionId, period: '2025-08', score: scoreFor('2025-08') });
    await calibrateAndPublish(server, hr, august.cycleId);
    clock.set('2025-10-02');
    const done = ok(await gql<{ computeRollups: { rollupId: string; periodKey: string; computed: number; unchanged: number } }>(server.url, COMPUTE, { c: q3.cycleId }, hr));
    expect(done.computeRollups).toEqual({ rollupId: 'quarterly', periodKey: '2025-Q3', computed: 15, unchanged: 0 });
    const list = ok(await gql<{ rollupResults: { totalCount: number; nodes: Row[] } }>(server.url, LIST, { c: q3.cycleId }, hr)).rollupResults;
    expect(list.totalCount).toBe(15);
    const byNumber = new Map(list.nodes.map((n) => [n.employee.employeeNumber, n]));
    // (90 + 80) x 20% + 85 x 60% = 34 + 51 = 85; (70 + 100) x 20% + 95 x 60% = 34 + 57 = 91.
    expect(byNumber.get('NUMED001')).toMatchObject({ rollupId: 'quarterly', periodKey: '2025-Q3', number: 1, value: '85', grade: 'good' });
    expect(byNumber.get('NUMED002')).toMatchObject({ value: '91', grade: 'excellent' });
    expect(byNumber.get('NUMED002')?.inputs).toEqual({
      month1: { value: '70', periodKey: '2025-07', filled: false },
      month2: { value: '100', periodKey: '2025-08', filled: false },
      quarter: { value: '95', periodKey: '2025-Q3', filled: false },
    });
    expect(byNumber.get('NUMED001')?.explanation.join('\n')).toMatch(/[\u4e00-\u9fff]/);
    const again = ok(await gql<{ computeRollups: { computed: number; unchanged: number } }>(server.url, COMPUTE, { c: q3.cycleId }, hr));
    expect(again.computeRollups).toMatchObject({ computed: 0, unchanged: 15 });
    const audit = await server.orm.em.fork().getConnection().execute<Array<{ n: number }>>(`select count(*)::int as n from audit_entry where operation = 'computeRollups'`);
    expect(audit[0]?.n).toBe(2);
  });

  it('the nurse lists only her own roll-up and may sort by value; her supervisor lists the line but may not sort by value (the scheme could hide it)', async () => {
    const own = ok(await gql<{ rollupResults: { totalCount: number; nodes: Row[] } }>(server.url, LIST, { c: null, s: [{ field: 'VALUE', direction: 'DESC' }] }, employee)).rollupResults;
    expect(own.totalCount).toBe(1);
    expect(own.nodes[0]).toMatchObject({ value: '85', employee: { employeeNumber: 'NUMED001' } });
    const line = ok(await gql<{ rollupResults: { totalCount: number; nodes: Array<{ value: string }> } }>(server.url, '{ rollupResults(first: 50) { totalCount nodes { value } } }', {}, supervisor)).rollupResults;
    expect(line.totalCount).toBe(15);
    const sorted = await gql(server.url, '{ rollupResults(first: 5, sort: [{ field: VALUE }]) { nodes { value } } }', {}, supervisor);
    expect(codes(sorted)).toEqual(['FORBIDDEN']);
    const committee = await login(server.url, demo.committee);
    const none = ok(await gql<{ rollupResults: { totalCount: number } }>(server.url, '{ rollupResults(first: 5) { totalCount } }', {}, committee));
    expect(none.rollupResults.totalCount).toBe(0);
  });
});
