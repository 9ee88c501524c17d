import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../api/src/core/clock.js';
import { loginAs, ok } from '../support/cycles.js';
import { demo, gql, login } from '../support/graphql.js';
import { calibrateAndPublish, ratedWardCycle, wardRollupScheme } from '../support/results.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Role x field matrix of RollupResult (the quarterly result of the ward's nurses). Rows outside a reader's scope
 * are absent from their list; fields of listed rows follow rollupAccess (visibility by default: the line sees values).
 */
type Reader = 'hr' | 'admin' | 'committee' | 'lineSupervisor' | 'outsideSupervisor' | 'employeeSelf';
type Grant = 'row' | 'value' | 'hr';
const FIELDS: Record<Grant, string[]> = {
  row: ['id', 'employee { id }', 'rollupId', 'periodKey', 'number', 'createdAt'],
  value: ['value', 'grade', 'inputs', 'explanation'],
  hr: ['cycle { id }'],
};
// Rows each reader lists, and the grants on them.
const MATRIX: Record<Reader, { rows: number; grants: Grant[] }> = {
  hr: { rows: 15, grants: ['row', 'value', 'hr'] },
  admin: { rows: 0, grants: [] },
  committee: { rows: 0, grants: [] },
  lineSupervisor: { rows: 15, grants: ['row', 'value'] },
  outsideSupervisor: { rows: 0, grants: [] },
  employeeSelf: { rows: 1, grants: ['row', 'value'] },
};

let server: TestServer;
const tokens = {} as Record<Reader, string>;
const clock = fixedClock('2025-07-28');

beforeAll(async () => {
  server = await startTestServer({ clock });
  tokens.hr = await login(server.url, demo.hr);
  tokens.admin = await login(server.url, demo.admin);
  tokens.committee = await login(server.url, demo.committee);
  tokens.lineSupervisor = await login(server.url, demo.supervisor);
  tokens.employeeSelf = await login(server.url, demo.employee);
  tokens.outsideSupervisor = await loginAs(server, 'CF002', ['EMPLOYEE', 'SUPERVISOR']);
  const july = await ratedWardCycle(server, tokens.hr, { code: 'wardRollupMatrix', document: wardRollupScheme('wardRollupMatrix'), period: '2025-07' });
  await calibrateAndPublish(server, tokens.hr, july.cycleId);
  clock.set('2025-08-27');
  const august = await ratedWardCycle(server, tokens.hr, { code: 'wardRollupMatrix', schemeVersionId: july.schemeVersionId, period: '2025-08' });
  await calibrateAndPublish(server, tokens.hr, august.cycleId);
  clock.set('2025-09-29');
  const q3 = await ratedWardCycle(server, tokens.hr, { code: 'wardRollupMatrix', schemeVersionId: july.schemeVersionId, period: '2025-Q3', kind: 'QUARTER' });
  await calibrateAndPublish(server, tokens.hr, q3.cycleId);
  ok(await gql(server.url, 'mutation($c: ID!) { computeRollups(cycleId: $c) { computed } }', { c: q3.cycleId }, tokens.hr));
}, 240_000);
afterAll(() => server?.stop());

// The quarter of this test only: the demo holds other roll-ups (the cafeteria's 2025 annual results for the honors demo).
const cases = (Object.keys(MATRIX) as Reader[]).flatMap((reader) => (Object.keys(FIELDS) as Grant[]).flatMap((grant) => FIELDS[grant].map((field) => ({ reader, grant, field }))));

describe('roll-up result field matrix', () => {
  it.each(cases)('$reader reading $field', async ({ reader, grant, field }) => {
    const result = await gql<{ rollupResults: { totalCount: number; nodes: unknown[] } }>(server.url, `{ rollupResults(first: 50, filter: { periodKey: "2025-Q3" }) { totalCount nodes { ${field} } } }`, {}, tokens[reader]);
    const { rows, grants } = MATRIX[reader];
    if (rows === 0) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.rollupResults.totalCount).toBe(0);
    } else if (grants.includes(grant)) {
      expect(result.errors, `${reader} may read ${field}`).toBeUndefined();
      expect(result.data?.rollupResults.nodes).toHaveLength(rows);
    } else {
      expect(result.errors?.[0]?.extensions?.code, `${reader} may not read ${field}`).toBe('FORBIDDEN');
    }
  });
});
