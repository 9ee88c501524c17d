import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;

const IMPORT = `mutation($input: ImportEmployeesInput!) { importEmployees(input: $input) { applied totalRows errors { row field code message } } }`;
type Report = { importEmployees: { applied: boolean; totalRows: number; errors: Array<{ row: number; field: string | null; code: string; message: string }> } };
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const HEADER = 'employeeNumber,name,departmentCode,positionCode,hireDate,employmentStatus';

async function employeeCount(): Promise<number> {
  const [row] = await server.orm.em.getConnection().execute<Array<{ n: string }>>('select count(*) as n from employee');
  return Number(row?.n);
}
async function audit(operation: string) {
  return server.orm.em.getConnection().execute<Array<{ actor_user_id: string; after: { fileName: string; rows: number } }>>(
    'select actor_user_id, after from audit_entry where operation = ? order by id',
    [operation],
  );
}

beforeAll(async () => {
  server = await startTestServer();
  hr = await login(server.url, demo.hr);
});
afterAll(() => server?.stop());

describe('imported files that cannot be read are file-format errors, never 500s', () => {
  const cases: Array<[string, string]> = [
    ['a malformed CSV (unclosed quote)', 'employeeNumber,name\n"A,B\n'],
    ['an unquoted formula cell', `${HEADER}\nF001,=HYPERLINK("x"),NURSING,NURSE,2020-01-01,REGULAR\n`],
    ['a quoted formula cell', `${HEADER}\nF001,"=HYPERLINK(""http://x"")",NURSING,NURSE,2020-01-01,REGULAR\n`],
    ['a cell starting with @, + or -', `${HEADER}\nF001,@SUM(A1),NURSING,NURSE,2020-01-01,REGULAR\n`],
  ];
  for (const [label, content] of cases)
    it(label, async () => {
      const before = await employeeCount();
      for (const dryRun of [true, false]) {
        const result = await gql<Report>(server.url, IMPORT, { input: { fileName: 'staff.csv', contentBase64: b64(content), dryRun } }, hr);
        expect(result.errors).toBeUndefined();
        expect(result.data?.importEmployees).toMatchObject({ applied: false, errors: [{ row: 0, code: 'file_format' }] });
        expect(result.data?.importEmployees.errors[0]?.message).not.toMatch(/\/[a-z]+\/|\.[jt]s\b|node_modules|\n\s+at /);
      }
      expect(await employeeCount()).toBe(before);
    });

  it('an .xlsx with a formula cell names the cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['F002', { formula: 'HYPERLINK("http://x")', result: 'x' }, 'NURSING', 'NURSE', '2020-01-01', 'REGULAR']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const result = await gql<Report>(server.url, IMPORT, { input: { fileName: 'staff.xlsx', contentBase64: content, dryRun: true } }, hr);
    expect(result.data?.importEmployees.errors).toEqual([expect.objectContaining({ row: 0, code: 'file_format', message: expect.stringMatching(/B2 holds a formula/) })]);
  });
});

describe('exports', () => {
  it('write formula-like text as text, and read it back as it was', async () => {
    const list = await gql<{ employees: { nodes: Array<{ id: string; version: number }> } }>(server.url, '{ employees(first: 1, offset: 7) { nodes { id version } } }', {}, hr);
    const target = list.data?.employees.nodes[0];
    expect(target).toBeDefined();
    const renamed = await gql(server.url, 'mutation($id: ID!, $v: Int!) { updateEmployee(id: $id, input: { version: $v, name: "=HYPERLINK(\\"http://x\\")" }) { name } }', { id: target?.id, v: target?.version }, hr);
    expect(renamed.errors).toBeUndefined();
    const exported = await gql<{ exportEmployees: { contentBase64: string; fileName: string } }>(server.url, '{ exportEmployees { fileName contentBase64 } }', {}, hr);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.data?.exportEmployees.contentBase64 ?? '', 'base64') as unknown as ExcelJS.Buffer);
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    const risky = cells.filter((c) => typeof c.value === 'string' && /^[=+\-@]/.test(c.value) && !/^[+-]?\d+(\.\d+)?$/.test(c.value));
    expect(risky.map((c) => c.address)).toEqual([]);
    expect(cells.some((c) => c.value === `'=HYPERLINK("http://x")`)).toBe(true);
  });

  it('are audited: who exported what, when (employees, indicators, a scheme)', async () => {
    const before = (await audit('exportEmployees')).length;
    const employees = await gql<{ exportEmployees: { fileName: string } }>(server.url, '{ exportEmployees(filter: { q: "Nurse" }) { fileName } }', {}, hr);
    const after = await audit('exportEmployees');
    expect(after).toHaveLength(before + 1);
    const me = await gql<{ me: { id: string } }>(server.url, '{ me { id } }', {}, hr);
    expect(after.at(-1)).toMatchObject({ actor_user_id: me.data?.me.id, after: { fileName: employees.data?.exportEmployees.fileName, filter: { q: 'Nurse' } } });

    await gql(server.url, '{ exportIndicators { fileName } }', {}, hr);
    expect((await audit('exportIndicators')).at(-1)?.actor_user_id).toBe(me.data?.me.id);

    const schemes = await gql<{ schemes: { nodes: Array<{ id: string }> } }>(server.url, '{ schemes(first: 1) { nodes { id } } }', {}, hr);
    const scheme = schemes.data?.schemes.nodes[0];
    await gql(server.url, 'query($id: ID!) { exportScheme(id: $id) { fileName } }', { id: scheme?.id }, hr);
    expect((await audit('exportScheme')).at(-1)?.actor_user_id).toBe(me.data?.me.id);
  });
});
