import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { departmentId, loginAs, ok, schemeVersionOf, waitForLaunch } from '../support/cycles.js';
import { demo, gql, login } from '../support/graphql.js';
import { setPool } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The whole loop for each of the five seed programs over GraphQL: HR creates and launches a cycle (a small crew,
 * the others taken out with a reason), enters measured inputs and plus/minus points, the raters submit, HR
 * calibrates, sets the group amounts and publishes, an employee acknowledges. The published results reproduce
 * the engine's worked examples of the programs (domain/src/programs/programs.spec.ts,
 * domain/src/pay/group-pay.spec.ts), pay included.
 */
let server: TestServer;
let hr: string;
const clock = fixedClock('2025-12-01');

beforeAll(async () => {
  server = await startTestServer({ clock });
  hr = await login(server.url, demo.hr);
}, 120_000);
afterAll(() => server?.stop());

type Items = Record<string, unknown>;
type RatingSlot = { id: string; version: number; section: string; role: string; state: string; rater: { employeeNumber: string } | null };
type Row = { id: string; version: number; employee: { id: string; employeeNumber: string }; total: string | null; grade: string | null; pay: { total: string; lines: Array<{ component: string; amount: string }> } | null };

const version = async (cycleId: string) => ok(await gql<{ cycle: { version: number } }>(server.url, 'query($id: ID!) { cycle(id: $id) { version } }', { id: cycleId }, hr)).cycle.version;
/** Moves the clock to the last day of a phase of the cycle (inside its window, postponements included). */
async function toPhase(cycleId: string, phase: string): Promise<void> {
  const phases = ok(await gql<{ cycle: { phases: Array<{ phase: string; closes: string }> } }>(server.url, 'query($id: ID!) { cycle(id: $id) { phases { phase closes } } }', { id: cycleId }, hr)).cycle.phases;
  const found = phases.find((p) => p.phase === phase);
  if (!found) throw new Error(`no ${phase} phase in ${JSON.stringify(phases)}`);
  clock.set(found.closes);
}
const step = async (cycleId: string, action: string) =>
  ok(await gql(server.url, `mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: ${action}) { state } }`, { id: cycleId, v: await version(cycleId) }, hr));

/** HR creates a cycle of a seed program, keeps only `crew` (the others removed with a reason) and launches it. */
async function launch(scheme: string, name: string, period: Record<string, string>, target: { departments?: string[]; positions?: string[] }, crew: string[]): Promise<string> {
  const { versionId } = await schemeVersionOf(server.url, hr, scheme);
  const departments = await Promise.all((target.departments ?? []).map((d) => departmentId(server.url, hr, d)));
  const positions = target.positions?.length
    ? ok(await gql<{ positions: { nodes: Array<{ id: string; code: string }> } }>(server.url, '{ positions(first: 100) { nodes { id code } } }', {}, hr)).positions.nodes.filter((p) => target.positions?.includes(p.code)).map((p) => p.id)
    : [];
  const cycleId = ok(
    await gql<{ createCycle: { id: string } }>(server.url, 'mutation($i: CreateCycleInput!) { createCycle(input: $i) { id } }', { i: { schemeVersionId: versionId, name, period, targetDepartmentIds: departments, targetPositionIds: positions } }, hr),
  ).createCycle.id;
  const preview = ok(await gql<{ previewPopulation: { entries: Array<{ employeeId: string; employeeNumber: string; status: string }> } }>(server.url, 'query($c: ID!) { previewPopulation(cycleId: $c) { entries { employeeId employeeNumber status } } }', { c: cycleId }, hr));
  const others = preview.previewPopulation.entries.filter((e) => e.status === 'INCLUDED' && !crew.includes(e.employeeNumber));
  if (others.length)
    ok(
      await gql(server.url, 'mutation($c: ID!, $v: Int!, $ch: [PopulationChangeInput!]!) { changePopulation(cycleId: $c, version: $v, changes: $ch) { includedCount } }', {
        c: cycleId,
        v: await version(cycleId),
        ch: others.map((o) => ({ employeeId: o.employeeId, action: 'remove', reason: 'not in this test crew' })),
      }, hr),
    );
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { id } }', { id: cycleId, v: await version(cycleId) }, hr));
  const launched = await waitForLaunch(server.url, hr, cycleId);
  expect(launched.launch.status).toBe('DONE');
  return cycleId;
}

const ROWS = 'query($c: ID!) { appraisals(first: 50, filter: { cycleId: $c }) { nodes { id version employee { id employeeNumber } total grade pay { total lines { component amount } } } } }';
async function rows(cycleId: string): Promise<Map<string, Row>> {
  const data = ok(await gql<{ appraisals: { nodes: Row[] } }>(server.url, ROWS, { c: cycleId }, hr));
  return new Map(data.appraisals.nodes.map((n) => [n.employee.employeeNumber, n]));
}

/** Every person rating still open, submitted by its own rater (signed in) with the items `form` gives. */
async function rateAll(cycleId: string, form: (subject: string, section: string, role: string) => Items): Promise<void> {
  const data = ok(
    await gql<{ appraisals: { nodes: Array<{ employee: { employeeNumber: string }; ratings: RatingSlot[] }> } }>(
      server.url,
      'query($c: ID!) { appraisals(first: 50, filter: { cycleId: $c }) { nodes { employee { employeeNumber } ratings { id version section role state rater { employeeNumber } } } } }',
      { c: cycleId },
      hr,
    ),
  );
  const tokens = new Map<string, string>();
  for (const a of data.appraisals.nodes)
    for (const r of a.ratings) {
      if (!r.rater || r.role === 'SELF' || r.state === 'SUBMITTED' || r.state === 'REASSIGNED') continue;
      const number = r.rater.employeeNumber;
      if (!tokens.has(number)) tokens.set(number, await loginAs(server, number, ['EMPLOYEE', 'SUPERVISOR']));
      ok(
        await gql(server.url, 'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }', { id: r.id, v: r.version, i: { items: form(a.employee.employeeNumber, r.section, r.role) } }, tokens.get(number)),
      );
    }
}

async function measured(cycleId: string, employeeId: string, kinds: string[], entries: Items[]): Promise<void> {
  ok(await gql(server.url, 'mutation($i: SaveMeasuredInputsInput!) { saveMeasuredInputs(input: $i) { __typename } }', { i: { cycleId, employeeId, kinds, entries } }, hr));
}

async function adjust(row: Row, rule: string, input: { amount?: string; occurrences?: number }): Promise<void> {
  const current = ok(await gql<{ appraisal: { version: number } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { version } }', { id: row.id }, hr)).appraisal.version;
  ok(await gql(server.url, 'mutation($a: ID!, $v: Int!, $i: AdjustmentInput!) { addAdjustment(appraisalId: $a, version: $v, input: $i) { id } }', { a: row.id, v: current, i: { rule, reason: 'per the monthly record', ...input } }, hr));
}

async function publish(cycleId: string, options: { proposal?: boolean } = {}): Promise<void> {
  await step(cycleId, 'START_CALIBRATION');
  if (options.proposal) ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { applyCalibrationProposal(cycleId: $id, version: $v) { version } }', { id: cycleId, v: await version(cycleId) }, hr));
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state } }', { id: cycleId, v: await version(cycleId) }, hr));
}

/** The subject signs in, reads the explanation of the published result and acknowledges it. */
async function acknowledge(row: Row): Promise<string[]> {
  const token = await loginAs(server, row.employee.employeeNumber);
  const mine = ok(await gql<{ appraisal: { version: number; explanation: string[] } }>(server.url, 'query($id: ID!) { appraisal(id: $id) { version explanation(lang: "en") } }', { id: row.id }, token)).appraisal;
  const answered = ok(await gql<{ acknowledgeResult: { state: string } }>(server.url, 'mutation($id: ID!, $v: Int!) { acknowledgeResult(appraisalId: $id, version: $v) { state } }', { id: row.id, v: mine.version }, token));
  expect(answered.acknowledgeResult.state).toBe('ACKNOWLEDGED');
  return mine.explanation;
}

const lines = (r: Row | undefined, component: string) => r?.pay?.lines.filter((l) => l.component === component).map((l) => l.amount);

describe('the loop for every seed program, reproducing the worked examples', () => {
  it('nursing (Part 3): 92 x 30% + 87 x 30% + 96 x 40% + 1 = 93.1 excellent; a failed theory exam caps 90.5 at qualified; the survey as measured input', async () => {
    const cycleId = await launch('nursing', 'Nursing November 2025 (loop)', { kind: 'MONTH', key: '2025-11' }, { departments: ['NURSING-MED'] }, ['NUMED001', 'NUMED002', 'NUMED003']);
    await step(cycleId, 'SKIP_SELF_REVIEW');
    await toPhase(cycleId, 'RATING');
    const before = await rows(cycleId);
    const survey: Record<string, [string, string]> = { NUMED001: ['48', '50'], NUMED002: ['50', '50'], NUMED003: ['85', '100'] };
    for (const [n, [satisfied, returned]] of Object.entries(survey))
      await measured(cycleId, before.get(n)?.employee.id as string, ['ITEM_VALUES'], [{ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: [{ name: 'satisfied', value: satisfied }, { name: 'returned', value: returned }] }]);
    const n1 = before.get('NUMED001') as Row;
    await adjust(n1, 'praise', { occurrences: 1 });
    await adjust(n1, 'errorComplaint', { occurrences: 1 });
    await adjust(n1, 'learning', { occurrences: 2 });
    await adjust(before.get('NUMED002') as Row, 'examFailed', { occurrences: 1 });
    const head: Record<string, number[]> = { NUMED001: [10, 9, 9, 9, 10, 9, 9, 9, 9, 9], NUMED002: Array(10).fill(10), NUMED003: [9, 9, 9, 9, 9, 8, 8, 8, 8, 8] };
    const dept: Record<string, [string, string, string]> = { NUMED001: ['38', '24', '25'], NUMED002: ['40', '15', '30'], NUMED003: ['34', '25', '26'] };
    const ids = ['workCompletion', 'businessAbility', 'workEfficiency', 'workQuality', 'laborDiscipline', 'attitude', 'attendance', 'solidarity', 'errorsAccidents', 'serviceAttitude'];
    await rateAll(cycleId, (subject, section) =>
      section === 'headNurse'
        ? Object.fromEntries(ids.map((id, i) => [id, { points: String(head[subject]?.[i] ?? 8) }]))
        : { medicalEthics: { points: dept[subject]?.[0] }, theoryExam: { points: dept[subject]?.[1] }, operationExam: { points: dept[subject]?.[2] } },
    );
    await publish(cycleId, { proposal: true });
    const after = await rows(cycleId);
    expect(after.get('NUMED001')).toMatchObject({ total: '93.1', grade: 'excellent' });
    // 100 x 30% + 85 x 30% + 100 x 40% - 5 = 90.5, capped at qualified by the failed theory exam.
    expect(after.get('NUMED002')).toMatchObject({ total: '90.5', grade: 'qualified' });
    // 85 x 30% + 85 x 30% + 85 x 40% = 85, good: 1 / 1 / 1 meets the 30 / 50 / 20 quotas.
    expect(after.get('NUMED003')).toMatchObject({ total: '85', grade: 'good' });
    const explanation = await acknowledge(after.get('NUMED001') as Row);
    expect(explanation.join('\n')).toContain('93.1');
  });

  it('workshop (Part 4): the output value from revenue and kilograms, 100,000.00, split 55/45 by work-ticket hours: 29830.51 / 25169.49 / 30600.00 / 14400.00, to the cent, with hour penalties and a reward on top', async () => {
    const cycleId = await launch('workshop', 'Workshop November 2025 (loop)', { kind: 'MONTH', key: '2025-11' }, { positions: ['WELDER', 'INT-WORKER'] }, ['WSW001', 'WSW002', 'WSI001', 'WSI002']);
    await step(cycleId, 'SKIP_SELF_REVIEW');
    await toPhase(cycleId, 'RATING');
    const before = await rows(cycleId);
    // w1 160 h on time; w2 150 h over by at most two hours (90%) = 135 h; i1 170 h; i2 160 h that held up delivery (50%) = 80 h.
    const tickets: Record<string, Array<[string, string]>> = { WSW001: [['100', 'onTime'], ['60', 'onTime']], WSW002: [['150', 'overUpTo2h']], WSI001: [['170', 'onTime']], WSI002: [['160', 'delivery']] };
    for (const [n, list] of Object.entries(tickets))
      await measured(cycleId, before.get(n)?.employee.id as string, ['PAY_FACT', 'WORK_TICKET'], [
        { kind: 'PAY_FACT', values: [{ name: 'groupId', value: n.startsWith('WSW') ? 'welding' : 'integrated' }] },
        ...list.map(([hours, level], i) => ({ kind: 'WORK_TICKET', ticket: `${n}-${i + 1}`, hours, level })),
      ]);
    await adjust(before.get('WSW002') as Row, 'workwear', { occurrences: 2 });
    await adjust(before.get('WSI001') as Row, 'rationalisation', { amount: '200' });
    await rateAll(cycleId, () => Object.fromEntries(['people', 'machine', 'material', 'method', 'environment'].map((a) => [a, { points: '18' }])));
    await step(cycleId, 'START_CALIBRATION');
    // Part 4's output value from the month's figures: 1,200,000.00 / 60,000 kg x 5,000 kg of finished products = 100,000.00.
    const SET = 'mutation($id: ID!, $v: Int!, $a: [GroupAmountInput!]!) { setGroupAmounts(cycleId: $id, version: $v, amounts: $a) { groupAmounts { groupKey outputValue inputs } } }';
    const input = (name: string, amount: string) => ({ groupKey: 'cycle', kind: 'OUTPUT_INPUT', name, amount });
    const unknown = await gql(server.url, SET, { id: cycleId, v: await version(cycleId), a: [input('tonnage', '5')] }, hr);
    expect(unknown.errors?.[0]?.extensions?.details).toMatchObject([{ field: 'amounts[0].name', rule: 'group_amount_unknown_input' }]);
    const set = ok(
      await gql<{ setGroupAmounts: { groupAmounts: unknown[] } }>(server.url, SET, { id: cycleId, v: await version(cycleId), a: [input('revenue', '1200000.00'), input('kilogramsProduced', '60000'), input('finishedKilograms', '5000')] }, hr),
    );
    expect(set.setGroupAmounts.groupAmounts).toEqual([{ groupKey: 'cycle', outputValue: null, inputs: { revenue: '1200000', kilogramsProduced: '60000', finishedKilograms: '5000' } }]);
    ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state } }', { id: cycleId, v: await version(cycleId) }, hr));
    const after = await rows(cycleId);
    expect(['WSW001', 'WSW002', 'WSI001', 'WSI002'].map((n) => lines(after.get(n), 'outputPay'))).toEqual([['29830.51'], ['25169.49'], ['30600.00'], ['14400.00']]);
    // 2 h x 8.05 = 16.10 off w2; the 200 reward on i1.
    expect(['WSW001', 'WSW002', 'WSI001', 'WSI002'].map((n) => after.get(n)?.pay?.total)).toEqual(['29830.51', '25153.39', '30800.00', '14400.00']);
    const paid = await server.orm.em.fork().getConnection().execute<Array<{ s: string }>>(`select sum(amount)::text as s from pay_line where cycle_id = ? and component = 'outputPay'`, [cycleId]);
    expect(paid[0]?.s).toBe('100000.00');
    await acknowledge(after.get('WSW002') as Row);
  });

  it('headquarters (Part 5): the quarterly roll-up (70 + 85) x 20% + 90 x 60% = 85; floating pay 1125 / 1000 / 875 around the average of 80; the 10,000 pool 3750.00 / 3333.33 / 2916.67', async () => {
    // Totals = self x 20% + scale x 80%: (self, scale level) 50 + outstanding 100 = 90, 60 + good 85 = 80, 70 + competent 70 = 70, 85 + good 85 = 85.
    const forms: Record<number, { self: string; level: string }> = { 90: { self: '50', level: 'outstanding' }, 80: { self: '60', level: 'good' }, 70: { self: '70', level: 'competent' }, 85: { self: '85', level: 'good' } };
    const crew = ['HQO001', 'HQO002', 'HQO003'];
    const month = async (key: string, kind: string, totals: Record<string, number>, pool: string) => {
      const cycleId = await launch('headquarters', `HQ ${key} (loop)`, { kind, key }, { positions: ['OPS-STAFF'] }, crew);
      await step(cycleId, 'START_SELF_REVIEW');
      await toPhase(cycleId, 'SELF_REVIEW');
      const list = await rows(cycleId);
      for (const n of crew) {
        const token = await loginAs(server, n);
        const f = forms[totals[n] as number] as { self: string };
        const r = list.get(n) as Row;
        const items = Object.fromEntries(['self_moral', 'self_ability', 'self_diligence', 'self_performance'].map((i) => [i, { points: f.self }]));
        ok(
          await gql(server.url, 'mutation($a: ID!, $v: Int!, $i: SelfReviewInput!) { submitSelfReview(appraisalId: $a, version: $v, input: $i) { state } }', {
            a: r.id,
            v: r.version,
            i: { achievements: 'Closed the month on time.', problems: 'None worth noting.', plans: 'Keep it up.', scores: [{ section: 'self', items }] },
          }, token),
        );
      }
      await step(cycleId, 'START_RATING');
      await rateAll(cycleId, (subject) => {
        const level = (forms[totals[subject] as number] as { level: string }).level;
        return { moral: { level }, ability: { level }, diligence: { level }, performance: { level } };
      });
      await step(cycleId, 'START_CALIBRATION');
      await setPool(server, hr, cycleId, pool);
      ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state } }', { id: cycleId, v: await version(cycleId) }, hr));
      return cycleId;
    };
    // HQO001: July 70, August 85, the quarter 90 -> (70 + 85) x 20% + 90 x 60% = 31 + 54 = 85.
    await month('2025-07', 'MONTH', { HQO001: 70, HQO002: 80, HQO003: 70 }, '1000.00');
    await month('2025-08', 'MONTH', { HQO001: 85, HQO002: 80, HQO003: 70 }, '1000.00');
    const quarter = await month('2025-Q3', 'QUARTER', { HQO001: 90, HQO002: 80, HQO003: 70 }, '10000.00');
    const after = await rows(quarter);
    expect(crew.map((n) => after.get(n)?.total)).toEqual(['90', '80', '70']);
    expect(crew.map((n) => lines(after.get(n), 'floatingPay'))).toEqual([['1125.00'], ['1000.00'], ['875.00']]);
    expect(crew.map((n) => lines(after.get(n), 'bonus'))).toEqual([['3750.00'], ['3333.33'], ['2916.67']]);
    // Publishing the quarter queues its roll-up (the rollup.compute job).
    type Rolled = { rollupResults: { nodes: Array<{ value: string; employee: { employeeNumber: string } }> } };
    let rolled: Rolled = { rollupResults: { nodes: [] } };
    for (const until = Date.now() + 30_000; rolled.rollupResults.nodes.length < 3 && Date.now() < until; await new Promise((r) => setTimeout(r, 250)))
      rolled = ok(await gql<Rolled>(server.url, 'query($c: ID) { rollupResults(first: 10, filter: { cycleId: $c }) { nodes { value employee { employeeNumber } } } }', { c: quarter }, hr));
    expect(Object.fromEntries(rolled.rollupResults.nodes.map((n) => [n.employee.employeeNumber, n.value]))).toEqual({ HQO001: '85', HQO002: '80', HQO003: '70' });
    await acknowledge(after.get('HQO002') as Row);
  }, 120_000);

  it('cafeteria (Part 2): 85 / 75 / 65 / 59 pay 100% / 80% / 60% / 0% of bases 900 and 600: 900.00 / 480.00 / 540.00 / 0.00', async () => {
    const crew = ['CFC001', 'CFH001', 'CFC002', 'CFH002'];
    const cycleId = await launch('cafeteria', 'Cafeteria November 2025 (loop)', { kind: 'MONTH', key: '2025-11' }, { departments: ['CAFETERIA'] }, crew);
    await step(cycleId, 'SKIP_SELF_REVIEW');
    await toPhase(cycleId, 'RATING');
    const forms: Record<string, string[]> = { CFC001: ['22', '23', '18', '12', '10'], CFH001: ['20', '20', '15', '10', '10'], CFC002: ['18', '17', '12', '9', '9'], CFH002: ['15', '15', '12', '9', '8'] };
    await rateAll(cycleId, (subject) => Object.fromEntries(['hygiene', 'foodQuality', 'service', 'discipline', 'safety'].map((id, i) => [id, { points: forms[subject]?.[i] }])));
    await publish(cycleId);
    const after = await rows(cycleId);
    expect(crew.map((n) => [after.get(n)?.total, after.get(n)?.grade, after.get(n)?.pay?.total])).toEqual([
      ['85', 'A', '900.00'],
      ['75', 'B', '480.00'],
      ['65', 'C', '540.00'],
      ['59', 'D', '0.00'],
    ]);
    await acknowledge(after.get('CFH001') as Row);
  });

  it('hotel audit (Part 1): a clean day is 100 points and the full day\'s wage (150.00); an unclear handover and a complaint leave 20 points, 20% (30.00)', async () => {
    const cycleId = await launch('hotelAudit', 'Hotel audit 27 November 2025 (loop)', { kind: 'DAY', date: '2025-11-27' }, { positions: ['AUD-NIGHT'] }, ['HAN001', 'HAN002']);
    await step(cycleId, 'SKIP_SELF_REVIEW');
    await toPhase(cycleId, 'RATING');
    await rateAll(cycleId, (subject) => ({ dailyConduct: { occurrences: subject === 'HAN002' ? { handoverUnclear: 1, complaint: 1 } : {} } }));
    await publish(cycleId);
    const after = await rows(cycleId);
    expect(['HAN001', 'HAN002'].map((n) => [after.get(n)?.total, after.get(n)?.pay?.total])).toEqual([
      ['100', '150.00'],
      ['20', '30.00'],
    ]);
    await acknowledge(after.get('HAN002') as Row);
  });
});
