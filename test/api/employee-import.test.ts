import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hr: string;

const IMPORT = `mutation($input: ImportEmployeesInput!) {
  importEmployees(input: $input) { dryRun totalRows validRows applied created updated errors { row field code message } }
}`;
type Report = { importEmployees: { dryRun: boolean; totalRows: number; validRows: number; applied: boolean; created: number; updated: number; errors: Array<{ row: number; field: string | null; code: string; message: string }> } };

const HEADER = 'Employee number,Name,Department code,Position code,Supervisor employee number,Hire date,Probation end date,Employment status,Performance pay base';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n')).toString('base64');

async function count(sql: string): Promise<number> {
  const [row] = await server.orm.em.getConnection().execute<Array<{ n: string }>>(sql);
  return Number(row?.n);
}

beforeAll(async () => {
  server = await startTestServer();
  hr = await login(server.url, demo.hr);
});
afterAll(() => server?.stop());

describe('importing employees', () => {
  const good = [
    'WSW901,Fan Bing,WORKSHOP-WELD,WELDER,WSW900,2026-10-08,2027-01-07,PROBATION,',
    'WSW900,Tang Yu,WORKSHOP-WELD,WELD-LEAD,WS002,2026-10-01,,REGULAR,3500',
    'CFC001,Renamed Cook,CAFETERIA,CAF-COOK,CF002,2015-01-01,,REGULAR,950.5',
  ];

  it('reports every bad row with its row number and reason on a dry run, writing nothing', async () => {
    const before = await count('select count(*) as n from employee');
    const result = await gql<Report>(
      server.url,
      IMPORT,
      {
        input: {
          fileName: 'staff.csv',
          dryRun: true,
          contentBase64: csv(
            ...good,
            'WSW902,,WORKSHOP-WELD,WELDER,,2026-10-08,,REGULAR,', // row 5: no name
            'WSW903,Li Si,NOWHERE,WELDER,,2026-10-08,,REGULAR,', // row 6: unknown department
            'WSW901,Dup,WORKSHOP-WELD,WELDER,,2026-10-08,,REGULAR,', // row 7: duplicate of row 2
            'WSW904,Zhao Wu,WORKSHOP-WELD,WELDER,WSW999,2026-13-01,,REGULAR,12.345', // row 8: several problems
          ),
        },
      },
      hr,
    );
    expect(result.errors).toBeUndefined();
    const report = result.data?.importEmployees;
    expect(report).toMatchObject({ dryRun: true, totalRows: 7, validRows: 3, applied: false, created: 0 });
    const found = report?.errors.map((e) => `${e.row}:${e.field}:${e.code}`);
    expect(found).toEqual(
      expect.arrayContaining(['5:name:required', '6:departmentCode:exists', '7:employeeNumber:duplicate_in_file', '8:hireDate:date', '8:performancePayBase:money']),
    );
    expect(report?.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(await count('select count(*) as n from employee')).toBe(before);
  });

  it('applies nothing at all when any row is bad', async () => {
    const before = await count('select count(*) as n from employee');
    const audits = await count('select count(*) as n from audit_entry');
    const result = await gql<Report>(server.url, IMPORT, { input: { fileName: 'staff.csv', dryRun: false, contentBase64: csv(...good, 'WSW905,Bad Date,WORKSHOP-WELD,WELDER,,yesterday,,REGULAR,') } }, hr);
    expect(result.data?.importEmployees).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(result.data?.importEmployees.errors).toEqual([expect.objectContaining({ row: 5, field: 'hireDate' })]);
    expect(await count('select count(*) as n from employee')).toBe(before);
    expect(await count('select count(*) as n from audit_entry')).toBe(audits);
  });

  it('refuses a file whose supervisors would form a loop', async () => {
    const loop = await gql<Report>(
      server.url,
      IMPORT,
      { input: { fileName: 'loop.csv', dryRun: true, contentBase64: csv('LP001,A,CAFETERIA,CAF-COOK,LP002,2026-01-01,,REGULAR,', 'LP002,B,CAFETERIA,CAF-COOK,LP001,2026-01-01,,REGULAR,') } },
      hr,
    );
    expect(loop.data?.importEmployees.errors.map((e) => e.code)).toEqual(['supervisor_cycle', 'supervisor_cycle']);
  });

  it('applies a clean file in one go: creates, updates, wires supervisors within the file, audits each row', async () => {
    const result = await gql<Report>(server.url, IMPORT, { input: { fileName: 'staff.csv', dryRun: false, contentBase64: csv(...good) } }, hr);
    expect(result.data?.importEmployees).toMatchObject({ applied: true, created: 2, updated: 1, errors: [] });
    const check = await gql<{ employees: { nodes: Array<{ employeeNumber: string; name: string; performancePayBase: string | null; supervisor: { employeeNumber: string } | null }> } }>(
      server.url,
      '{ employees(filter: { ids: null, q: "WSW90" }) { nodes { employeeNumber name performancePayBase supervisor { employeeNumber } } } }',
      {},
      hr,
    );
    expect(check.data?.employees.nodes).toEqual([
      { employeeNumber: 'WSW900', name: 'Tang Yu', performancePayBase: '3500.00', supervisor: { employeeNumber: 'WS002' } },
      { employeeNumber: 'WSW901', name: 'Fan Bing', performancePayBase: null, supervisor: { employeeNumber: 'WSW900' } },
    ]);
    expect(await count(`select count(*) as n from audit_entry where operation like '%:import'`)).toBe(3);
  });

  it('reads .xlsx as HR keeps it, including real date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['NUPED901', 'Xu Lan', 'NURSING-PED', 'NUR-PED', 'NUPED00', new Date(Date.UTC(2026, 7, 3)), null, 'REGULAR', 2200]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const result = await gql<Report>(server.url, IMPORT, { input: { fileName: 'nurses.xlsx', dryRun: false, contentBase64: content } }, hr);
    expect(result.data?.importEmployees).toMatchObject({ applied: true, created: 1, errors: [] });
    const row = await server.orm.em.getConnection().execute<Array<{ hire_date: string; performance_pay_base: string }>>(
      `select to_char(hire_date, 'YYYY-MM-DD') as hire_date, performance_pay_base from employee where employee_number = 'NUPED901'`,
    );
    expect(row[0]).toEqual({ hire_date: '2026-08-03', performance_pay_base: '2200.00' });
  });

  it('says plainly when the file is not a sheet it can read', async () => {
    const wrongType = await gql<Report>(server.url, IMPORT, { input: { fileName: 'staff.pdf', dryRun: true, contentBase64: 'JVBERi0=' } }, hr);
    expect(wrongType.data?.importEmployees.errors).toEqual([expect.objectContaining({ row: 0, code: 'file_format' })]);
    const unknownColumn = await gql<Report>(server.url, IMPORT, { input: { fileName: 'x.csv', dryRun: true, contentBase64: Buffer.from('Employee number,Shoe size\nA1,42').toString('base64') } }, hr);
    expect(unknownColumn.data?.importEmployees.errors[0]?.message).toContain('Shoe size');
  });

  it('is for HR only', async () => {
    const supervisor = await login(server.url, demo.supervisor);
    expect(codes(await gql(server.url, IMPORT, { input: { fileName: 'a.csv', dryRun: true, contentBase64: csv(...good) } }, supervisor))).toEqual(['FORBIDDEN']);
  });
});

describe('exporting employees', () => {
  it('exports an .xlsx that imports back without a single change', async () => {
    const exported = await gql<{ exportEmployees: { fileName: string; contentType: string; contentBase64: string } }>(server.url, '{ exportEmployees { fileName contentType contentBase64 } }', {}, hr);
    expect(exported.data?.exportEmployees.contentType).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.data?.exportEmployees.contentBase64 ?? '', 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const total = await count('select count(*) as n from employee');
    expect(sheet?.rowCount).toBe(total + 1);
    expect(sheet?.getRow(1).getCell(1).value).toBe('Employee number');
    const reimport = await gql<Report>(server.url, IMPORT, { input: { fileName: 'export.xlsx', dryRun: true, contentBase64: exported.data?.exportEmployees.contentBase64 } }, hr);
    expect(reimport.data?.importEmployees.errors).toEqual([]);
    expect(reimport.data?.importEmployees.validRows).toBe(total);
  });
});
