import { seedPrograms, type SchemeDefinition } from '@appraisal/domain';
import { departmentId, loginAs, ok, waitForLaunch } from './cycles.js';
import { gql } from './graphql.js';
import type { TestServer } from './server.js';

/**
 * A nursing ward calibration scheme for result tests: the seed's nursing program with only the head nurse's
 * assessment (so every slot is a person the tests can sign in as), its 30/50/20 distribution and Part 5's pay
 * (floating pay around the group average and a bonus pool split by score).
 */
export function wardScheme(code: string): SchemeDefinition {
  const base = structuredClone(seedPrograms.nursing);
  const headNurse = base.sections.find((s) => s.id === 'headNurse');
  if (!headNurse || !base.grades) throw new Error('the nursing seed changed');
  return {
    ...base,
    code,
    sections: [{ ...headNurse, weight: '100' }],
    grades: { ...base.grades, rules: [{ kind: 'nonParticipation', grade: 'unqualified' }] },
    pay: structuredClone(seedPrograms.headquarters.pay),
  };
}

/** The ward scheme with Part 5's schedule and roll-ups (quarter = (month1 + month2) x 20% + quarter x 60%), no quotas and no pay. */
export function wardRollupScheme(code: string): SchemeDefinition {
  const hq = seedPrograms.headquarters;
  const { distribution: _distribution, ...rest } = wardScheme(code);
  return { ...rest, pay: [], rollups: structuredClone(hq.rollups), schedule: structuredClone(hq.schedule), rounding: { ...rest.rounding, applyAt: ['total', 'rollup'] } };
}

/** Scores of the Internal Medicine ward: 8 excellent (above the 30% quota of 15), 4 good, 3 qualified; NUMED009 (hired after the period) is not in the cycle. */
export const WARD_SCORES: Record<string, number> = {
  NUMED001: 99, NUMED002: 98, NUMED003: 97, NUMED004: 96, NUMED005: 95, NUMED006: 94, NUMED007: 93, NUMED008: 92,
  NUMED009: 85, NUMED010: 85, NUMED011: 84, NUMED012: 83, NUMED013: 82,
  NUMED014: 70, NUMED015: 70, NUMED00: 75,
};

const ITEMS = ['workCompletion', 'businessAbility', 'workEfficiency', 'workQuality', 'laborDiscipline', 'attitude', 'attendance', 'solidarity', 'errorsAccidents', 'serviceAttitude'];

/** Ten 0-10 items adding up to a score. */
export function itemsFor(score: number): Record<string, { points: string }> {
  let left = score;
  return Object.fromEntries(
    ITEMS.map((id) => {
      const p = Math.min(10, left);
      left -= p;
      return [id, { points: String(p) }];
    }),
  );
}

export interface WardCycle {
  cycleId: string;
  schemeVersionId: string;
  appraisalOf: Map<string, string>;
}

/** HR publishes the ward scheme, creates and launches a monthly cycle for the ward, and the raters submit every rating (results computed). */
export async function ratedWardCycle(
  server: TestServer,
  hr: string,
  options: { code: string; period: string; score?: (n: string) => number; document?: SchemeDefinition; schemeVersionId?: string; kind?: 'MONTH' | 'QUARTER' },
): Promise<WardCycle> {
  const ward = await departmentId(server.url, hr, 'NURSING-MED');
  let schemeVersionId = options.schemeVersionId ?? '';
  if (!schemeVersionId) {
    const created = ok(
      await gql<{ createScheme: { id: string; version: number } }>(
        server.url,
        'mutation($i: CreateSchemeInput!) { createScheme(input: $i) { id version } }',
        { i: { code: options.code, name: `Ward ${options.code}`, periodType: 'MONTH', applicableDepartmentIds: [ward], document: options.document ?? wardScheme(options.code) } },
        hr,
      ),
    );
    const version = ok(await gql<{ publishScheme: { id: string } }>(server.url, 'mutation($id: ID!, $v: Int!) { publishScheme(id: $id, version: $v) { id } }', { id: created.createScheme.id, v: created.createScheme.version }, hr));
    schemeVersionId = version.publishScheme.id;
  }
  const cycle = ok(
    await gql<{ createCycle: { id: string } }>(
      server.url,
      'mutation($i: CreateCycleInput!) { createCycle(input: $i) { id } }',
      { i: { schemeVersionId, name: `Ward ${options.period}`, period: { kind: options.kind ?? 'MONTH', key: options.period }, targetDepartmentIds: [ward] } },
      hr,
    ),
  );
  const cycleId = cycle.createCycle.id;
  const draft = ok(await gql<{ cycle: { version: number } }>(server.url, 'query($id: ID!) { cycle(id: $id) { version } }', { id: cycleId }, hr));
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { launchCycle(id: $id, version: $v) { id } }', { id: cycleId, v: draft.cycle.version }, hr));
  const launched = await waitForLaunch(server.url, hr, cycleId);
  if (launched.launch.status !== 'DONE') throw new Error(`launch failed: ${JSON.stringify(launched.launch)}`);
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: SKIP_SELF_REVIEW) { state } }', { id: cycleId, v: launched.version }, hr));
  const score = options.score ?? ((n: string) => WARD_SCORES[n] ?? 80);
  for (const [rater, roles] of [['NUMED00', ['EMPLOYEE', 'SUPERVISOR']], ['NU001', ['EMPLOYEE', 'SUPERVISOR']]] as const) {
    const token = await loginAs(server, rater, [...roles]);
    const tasks = ok(
      await gql<{ myRatingTasks: { nodes: Array<{ id: string; version: number; appraisal: { id: string; cycle: { id: string }; employee: { employeeNumber: string } } }> } }>(
        server.url,
        '{ myRatingTasks(first: 100) { nodes { id version appraisal { id cycle { id } employee { employeeNumber } } } } }',
        {},
        token,
      ),
    ).myRatingTasks.nodes.filter((t) => t.appraisal.cycle.id === cycleId);
    for (const t of tasks)
      ok(
        await gql(
          server.url,
          'mutation($id: ID!, $v: Int!, $i: RatingFormInput!) { submitRating(ratingId: $id, version: $v, input: $i) { state } }',
          { id: t.id, v: t.version, i: { items: itemsFor(score(t.appraisal.employee.employeeNumber)), comment: `monthly rating of ${t.appraisal.employee.employeeNumber}` } },
          token,
        ),
      );
  }
  const list = ok(
    await gql<{ appraisals: { nodes: Array<{ id: string; employee: { employeeNumber: string } }> } }>(
      server.url,
      'query($c: ID!) { appraisals(first: 100, filter: { cycleId: $c }) { nodes { id employee { employeeNumber } } } }',
      { c: cycleId },
      hr,
    ),
  );
  return { cycleId, schemeVersionId, appraisalOf: new Map(list.appraisals.nodes.map((n) => [n.employee.employeeNumber, n.id])) };
}

/** The cycle's current version and state. */
export async function cycleVersion(server: TestServer, hr: string, cycleId: string): Promise<{ version: number; state: string }> {
  return ok(await gql<{ cycle: { version: number; state: string } }>(server.url, 'query($id: ID!) { cycle(id: $id) { version state } }', { id: cycleId }, hr)).cycle;
}

/** HR moves a rated cycle to calibration and publishes it. */
export async function calibrateAndPublish(server: TestServer, hr: string, cycleId: string): Promise<void> {
  await step(server, hr, cycleId, 'START_CALIBRATION');
  const { version } = await cycleVersion(server, hr, cycleId);
  ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state } }', { id: cycleId, v: version }, hr));
}

/** Moves the cycle one step. */
export async function step(server: TestServer, hr: string, cycleId: string, action: string): Promise<void> {
  const { version } = await cycleVersion(server, hr, cycleId);
  ok(await gql(server.url, `mutation($id: ID!, $v: Int!) { transitionCycle(id: $id, version: $v, action: ${action}) { state } }`, { id: cycleId, v: version }, hr));
}

/** HR sets the cycle's bonus pool (group "cycle") through setGroupAmounts. */
export async function setPool(server: TestServer, hr: string, cycleId: string, pool: string, kind: 'POOL' | 'OUTPUT_VALUE' = 'POOL', groupKey = 'cycle'): Promise<void> {
  const { version } = await cycleVersion(server, hr, cycleId);
  ok(
    await gql(server.url, 'mutation($id: ID!, $v: Int!, $a: [GroupAmountInput!]!) { setGroupAmounts(cycleId: $id, version: $v, amounts: $a) { id } }', { id: cycleId, v: version, a: [{ groupKey, kind, amount: pool }] }, hr),
  );
}
