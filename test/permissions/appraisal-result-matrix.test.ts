import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { loginAs, ok } from '../support/cycles.js';
import { demo, gql, login } from '../support/graphql.js';
import { cycleVersion, ratedWardCycle, setPool, step, type WardCycle } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Role x result field matrix of Appraisal, before and after publication, on the ward scheme (visibility by
 * default: supervisors see results after publication and never pay; the employee sees scores and comments).
 * "outside" is a supervisor outside the nurse's line: the row is not theirs, so it does not exist for them.
 */
type Reader = 'hr' | 'admin' | 'committee' | 'lineSupervisor' | 'outsideSupervisor' | 'employeeSelf' | 'employeeOther';
type Grant = 'row' | 'result' | 'pay' | 'comments' | 'acknowledgement' | 'hr';
const FIELDS: Record<Grant, string[]> = {
  // Whoever sees the row sees whether its result is out (the console lists unpublished appraisals with it).
  row: ['state', 'publishedAt'],
  result: ['total', 'grade', 'explanation'],
  pay: ['pay { total }', 'payLines { amount }'],
  comments: ['raterComments { comment }'],
  acknowledgement: ['acknowledgement { due }'],
  hr: ['engineGrade', 'resultBasis', 'gradeChanges { to }'],
};
type Phase = 'before' | 'after';
// null = the row is outside the reader's scope (NOT_FOUND); otherwise the grants.
const MATRIX: Record<Phase, Record<Reader, Grant[] | null>> = {
  before: {
    hr: ['row', 'result', 'pay', 'comments', 'acknowledgement', 'hr'],
    admin: null,
    committee: null,
    lineSupervisor: ['row'],
    outsideSupervisor: null,
    employeeSelf: ['row'],
    employeeOther: null,
  },
  after: {
    hr: ['row', 'result', 'pay', 'comments', 'acknowledgement', 'hr'],
    admin: null,
    committee: ['row', 'result'],
    lineSupervisor: ['row', 'result', 'comments', 'acknowledgement'],
    outsideSupervisor: null,
    employeeSelf: ['row', 'result', 'pay', 'comments', 'acknowledgement'],
    employeeOther: null,
  },
};
// Whose appraisal each reader reads.
const SUBJECT: Record<Reader, string> = {
  hr: 'NUMED001',
  admin: 'NUMED001',
  committee: 'NUMED001',
  lineSupervisor: 'NUMED001',
  outsideSupervisor: 'NUMED001',
  employeeSelf: 'NUMED001',
  employeeOther: 'NUMED002',
};

let server: TestServer;
let ward: WardCycle;
const tokens = {} as Record<Reader, string>;

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2025-10-02') });
  tokens.hr = await login(server.url, demo.hr);
  tokens.admin = await login(server.url, demo.admin);
  tokens.committee = await login(server.url, demo.committee);
  tokens.lineSupervisor = await login(server.url, demo.supervisor);
  tokens.employeeSelf = await login(server.url, demo.employee);
  tokens.employeeOther = tokens.employeeSelf;
  tokens.outsideSupervisor = await loginAs(server, 'CF002', ['EMPLOYEE', 'SUPERVISOR']);
  ward = await ratedWardCycle(server, tokens.hr, { code: 'wardMatrix', period: '2025-09' });
  await step(server, tokens.hr, ward.cycleId, 'START_CALIBRATION');
}, 120_000);
afterAll(() => server?.stop());

const cases = (phase: Phase) =>
  (Object.keys(MATRIX[phase]) as Reader[]).flatMap((reader) => (Object.keys(FIELDS) as Grant[]).flatMap((grant) => FIELDS[grant].map((field) => ({ reader, grant, field }))));

async function check(phase: Phase, reader: Reader, grant: Grant, field: string) {
  const id = ward.appraisalOf.get(SUBJECT[reader]);
  expect(id).toBeDefined();
  const result = await gql<{ appraisal: Record<string, unknown> | null }>(server.url, `query($id: ID!) { appraisal(id: $id) { ${field} } }`, { id }, tokens[reader]);
  const grants = MATRIX[phase][reader];
  const code = result.errors?.[0]?.extensions?.code;
  if (grants === null) expect(code, `${reader} does not see the row`).toBe('NOT_FOUND');
  else if (grants.includes(grant)) {
    expect(result.errors, `${reader} may read ${field} ${phase} publication`).toBeUndefined();
    expect(result.data?.appraisal).not.toBeNull();
  } else {
    expect(code, `${reader} may not read ${field} ${phase} publication`).toBe('FORBIDDEN');
    // An error on the field itself, not a silent null.
    expect(result.errors?.[0]?.path?.slice(0, 2)).toEqual(['appraisal', field.split(' ')[0]]);
  }
}

describe('appraisal result fields before publication', () => {
  it.each(cases('before'))('$reader reading $field', async ({ reader, grant, field }) => check('before', reader, grant, field));
});

describe('cycle group amounts per role: Cycle.groupAmounts and setGroupAmounts are HR\'s', () => {
  it.each(Object.keys(MATRIX.before) as Reader[])('%s', async (reader) => {
    const read = await gql<{ cycle: { groupAmounts: unknown[] } | null }>(server.url, 'query($id: ID!) { cycle(id: $id) { groupAmounts { groupKey pool outputValue } } }', { id: ward.cycleId }, tokens[reader]);
    const write = await gql(server.url, 'mutation($id: ID!) { setGroupAmounts(cycleId: $id, version: -1, amounts: []) { id } }', { id: ward.cycleId }, tokens[reader]);
    if (reader === 'hr') {
      expect(read.errors).toBeUndefined();
      expect(read.data?.cycle?.groupAmounts).toEqual([]);
      expect(write.errors?.[0]?.extensions?.code, 'a stale version is refused after the rule let HR through').toBe('CONFLICT');
      return;
    }
    const code = read.errors?.[0]?.extensions?.code;
    // The cycle row itself is out of scope for some readers (NOT_FOUND); in scope, the field is FORBIDDEN on the field.
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code);
    if (code === 'FORBIDDEN') expect(read.errors?.[0]?.path).toEqual(['cycle', 'groupAmounts']);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('appraisal result fields after publication', () => {
  beforeAll(async () => {
    const hr = tokens.hr;
    const c = ok(await gql<{ cycle: { version: number } }>(server.url, 'query($id: ID!) { cycle(id: $id) { version } }', { id: ward.cycleId }, hr)).cycle;
    ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { applyCalibrationProposal(cycleId: $id, version: $v) { version } }', { id: ward.cycleId, v: c.version }, hr));
    await setPool(server, hr, ward.cycleId, '10000');
    const { version } = await cycleVersion(server, hr, ward.cycleId);
    ok(await gql(server.url, 'mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state } }', { id: ward.cycleId, v: version }, hr));
  }, 60_000);
  it.each(cases('after'))('$reader reading $field', async ({ reader, grant, field }) => check('after', reader, grant, field));
});
