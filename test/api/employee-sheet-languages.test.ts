import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;

const IMPORT = `mutation($input: ImportEmployeesInput!) {
  importEmployees(input: $input) { totalRows validRows errors { row field column code message } }
}`;
type Report = { importEmployees: { totalRows: number; validRows: number; errors: Array<{ row: number; field: string | null; column: string | null; code: string; message: string }> } };

const dryRun = async (fileName: string, content: Buffer | string) => {
  const result = await gql<Report>(
    server.url,
    IMPORT,
    { input: { fileName, dryRun: true, contentBase64: Buffer.isBuffer(content) ? content.toString('base64') : Buffer.from(content).toString('base64') } },
    hr,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.importEmployees;
};

const headersOf = async (base64: string): Promise<string[]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  const header = workbook.worksheets[0]!.getRow(1);
  return Array.from({ length: workbook.worksheets[0]!.columnCount }, (_, i) => String(header.getCell(i + 1).value));
};

beforeAll(async () => {
  server = await startTestServer();
  hr = await login(server.url, demo.hr);
});
afterAll(() => server?.stop());

describe('the employee sheet in either language', () => {
  it('imports back exactly what export writes (statuses as the console words them)', async () => {
    const exported = await gql<{ exportEmployees: { contentBase64: string } }>(server.url, '{ exportEmployees { contentBase64 } }', {}, hr);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.data!.exportEmployees.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    const statuses = new Set<string>();
    workbook.worksheets[0]!.getColumn(9).eachCell((cell, row) => {
      if (row > 1) statuses.add(String(cell.value));
    });
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['Regular']));
    expect(statuses.has('REGULAR')).toBe(false);

    const report = await dryRun('employees.xlsx', Buffer.from(exported.data!.exportEmployees.contentBase64, 'base64'));
    expect(report.errors).toEqual([]);
    expect(report.validRows).toBe(report.totalRows);
    expect(report.totalRows).toBeGreaterThan(100);
  });

  it('accepts Chinese headers and values, English labels and codes alike', async () => {
    const chinese = ['工号,姓名,部门编码,岗位编码,入职日期,试用期结束日期,用工状态,违纪标记', 'CFC001,Renamed Cook,CAFETERIA,CAF-COOK,2015-01-01,,正式,否', 'WSW950,Li Lei,WORKSHOP-WELD,WELDER,2026-10-08,2027-01-07,试用期,否'].join('\n');
    expect((await dryRun('员工.csv', chinese)).errors).toEqual([]);
    const english = ['Employee number,Name,Department code,Position code,Hire date,Employment status,Disciplinary flag', 'CFC001,Renamed Cook,CAFETERIA,CAF-COOK,2015-01-01,regular,no', 'CFC002,Head Cook,CAFETERIA,CAF-COOK,2015-01-01,REGULAR,yes'].join('\n');
    const report = await dryRun('staff.csv', english);
    // Row 3 says "yes" without a reference: a real problem, named as the sheet names the column.
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, field: 'disciplinaryReference', column: 'Disciplinary reference', code: 'required_with_flag' })]);
  });

  it('names the column of a problem as the file does, not by its camelCase key', async () => {
    const english = await dryRun('staff.csv', ['Employee number,Name,Department code,Position code,Hire date,Employment status', 'CFC001,Cook,CAFETERIA,CAF-COOK,2015-01-01,Permanent'].join('\n'));
    expect(english.errors).toEqual([expect.objectContaining({ field: 'employmentStatus', column: 'Employment status', code: 'one_of' })]);
    const chinese = await dryRun('员工.csv', ['工号,姓名,部门编码,岗位编码,入职日期,用工状态', 'CFC001,Cook,NOWHERE,CAF-COOK,2015-01-01,正式'].join('\n'));
    expect(chinese.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'departmentCode', column: '部门编码', code: 'exists' })]));
  });

  it('gives HR an empty template with the columns export writes, and nobody else', async () => {
    const template = await gql<{ employeeImportTemplate: { fileName: string; contentBase64: string } }>(server.url, '{ employeeImportTemplate { fileName contentBase64 } }', {}, hr);
    expect(template.errors).toBeUndefined();
    const exported = await gql<{ exportEmployees: { contentBase64: string } }>(server.url, '{ exportEmployees { contentBase64 } }', {}, hr);
    const headers = await headersOf(template.data!.employeeImportTemplate.contentBase64);
    expect(headers).toEqual(await headersOf(exported.data!.exportEmployees.contentBase64));
    expect(headers).toContain('Employment status');
    const supervisor = await login(server.url, demo.supervisor);
    expect(codes(await gql(server.url, '{ employeeImportTemplate { fileName } }', {}, supervisor))).toEqual(['FORBIDDEN']);
  });
});
