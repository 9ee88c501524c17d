import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Role x field matrix for Employee: for each role, which fields it may read on its own record, on a
 * report in its line, and on a stranger. Deny is the default; every grant is listed here.
 */
type Subject = 'self' | 'report' | 'stranger';
type Grant = 'identity' | 'details' | 'pay';
const FIELDS: Record<Grant, string[]> = {
  identity: ['id', 'name', 'department { id }', 'position { id }', 'active'],
  details: ['employeeNumber', 'email', 'hireDate', 'probationEndDate', 'employmentStatus', 'category', 'disciplinaryFlag', 'disciplinaryReference', 'version', 'supervisor { id }', 'directReports { id }', 'createdAt'],
  pay: ['performancePayBase', 'floatingPayBase'],
};

// Who may read what, by subject. A subject the role cannot reach at all is not listed (NOT_FOUND).
const MATRIX: Record<keyof typeof demo, Partial<Record<Subject, Grant[]>>> = {
  hr: { self: ['identity', 'details', 'pay'], stranger: ['identity', 'details', 'pay'] },
  admin: { stranger: ['identity', 'details'] },
  committee: { stranger: ['identity'] },
  supervisor: { self: ['identity', 'details', 'pay'], report: ['identity', 'details'] },
  employee: { self: ['identity', 'details', 'pay'] },
};

// Whom each demo account is tested against, by employee number.
const SUBJECTS: Record<keyof typeof demo, Partial<Record<Subject, string>>> = {
  hr: { self: 'HQ011', stranger: 'WSW001' },
  admin: { stranger: 'WSW001' },
  committee: { stranger: 'WSW001' },
  supervisor: { self: 'NU001', report: 'NUPED003', stranger: 'WSW001' },
  employee: { self: 'NUMED001', stranger: 'NUMED002' },
};

let server: TestServer;
const tokens = {} as Record<keyof typeof demo, string>;
const idByNumber = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(demo) as Array<keyof typeof demo>) tokens[role] = await login(server.url, demo[role]);
  const ids = await gql<{ employees: { nodes: Array<{ id: string; employeeNumber: string }> } }>(server.url, '{ employees(first: 500) { nodes { id employeeNumber } } }', {}, tokens.hr);
  for (const e of ids.data?.employees.nodes ?? []) idByNumber.set(e.employeeNumber, e.id);
});
afterAll(() => server?.stop());

const cases = (Object.keys(MATRIX) as Array<keyof typeof demo>).flatMap((role) =>
  (Object.keys(SUBJECTS[role]) as Subject[]).flatMap((subject) =>
    (Object.keys(FIELDS) as Grant[]).flatMap((grant) => FIELDS[grant].map((field) => ({ role, subject, grant, field }))),
  ),
);

describe('employee field matrix', () => {
  it.each(cases)('$role reading $field of $subject', async ({ role, subject, grant, field }) => {
    const id = idByNumber.get(SUBJECTS[role][subject] as string);
    expect(id).toBeDefined();
    const result = await gql<{ employee: Record<string, unknown> | null }>(server.url, `query($id: ID!) { employee(id: $id) { ${field} } }`, { id }, tokens[role]);
    const grants = MATRIX[role][subject];
    const code = result.errors?.[0]?.extensions?.code;
    if (!grants) expect(code, 'out of scope looks absent').toBe('NOT_FOUND');
    else if (grants.includes(grant)) {
      expect(result.errors, `${role} may read ${field}`).toBeUndefined();
      expect(result.data?.employee).not.toBeNull();
    } else expect(code, `${role} may not read ${field}`).toBe('FORBIDDEN');
  });
});
