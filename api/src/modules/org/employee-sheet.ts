import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Employee } from './employee.entity.js';

/** Columns of the employee sheet, in export order. Import accepts the key or the English label as header. */
export const EMPLOYEE_COLUMNS = [
  { key: 'employeeNumber', label: 'Employee number' },
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'Email' },
  { key: 'departmentCode', label: 'Department code' },
  { key: 'positionCode', label: 'Position code' },
  { key: 'supervisorNumber', label: 'Supervisor employee number' },
  { key: 'hireDate', label: 'Hire date' },
  { key: 'probationEndDate', label: 'Probation end date' },
  { key: 'employmentStatus', label: 'Employment status' },
  { key: 'category', label: 'Category' },
  { key: 'performancePayBase', label: 'Performance pay base' },
  { key: 'floatingPayBase', label: 'Floating pay base' },
  { key: 'disciplinaryFlag', label: 'Disciplinary flag' },
  { key: 'disciplinaryReference', label: 'Disciplinary reference' },
] as const;

export type EmployeeColumn = (typeof EMPLOYEE_COLUMNS)[number]['key'];
export type SheetRow = { row: number; values: Partial<Record<EmployeeColumn, string>> };

const HEADER_TO_KEY = new Map<string, EmployeeColumn>(
  EMPLOYEE_COLUMNS.flatMap((c) => [
    [c.key.toLowerCase(), c.key],
    [c.label.toLowerCase(), c.key],
  ]),
);

export class SheetFormatError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel stores dates as dates; HR means the calendar day, not an instant.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    return '';
  }
  return String(value).trim();
}

function toRows(headers: string[], records: string[][], firstDataRow: number): SheetRow[] {
  const keys = headers.map((h) => HEADER_TO_KEY.get(h.trim().toLowerCase()));
  const unknown = headers.filter((h, i) => h.trim() !== '' && keys[i] === undefined);
  if (unknown.length) throw new SheetFormatError(`unknown column(s): ${unknown.join(', ')}`);
  if (!keys.includes('employeeNumber')) throw new SheetFormatError('the header row has no "Employee number" column');
  return records
    .map((cells, i) => {
      const values: SheetRow['values'] = {};
      keys.forEach((key, col) => {
        const text = (cells[col] ?? '').trim();
        if (key && text !== '') values[key] = text;
      });
      return { row: firstDataRow + i, values };
    })
    .filter((r) => Object.keys(r.values).length > 0); // blank lines are not rows
}

/** Reads an .xlsx or .csv file into rows numbered as the spreadsheet numbers them (header = row 1). */
export async function readEmployeeSheet(fileName: string, content: Buffer): Promise<SheetRow[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    const records = parseCsv(content, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    const [headers, ...data] = records;
    if (!headers) throw new SheetFormatError('the file is empty');
    return toRows(headers, data, 2);
  }
  if (lower.endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
    } catch {
      throw new SheetFormatError('the file is not a readable .xlsx workbook');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new SheetFormatError('the workbook has no sheet');
    const width = sheet.columnCount;
    const grid: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      grid.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value)));
    }
    const [headers, ...data] = grid;
    if (!headers) throw new SheetFormatError('the sheet is empty');
    return toRows(headers, data, 2);
  }
  throw new SheetFormatError('only .xlsx and .csv files can be imported');
}

export interface ExportRow {
  employee: Employee;
  departmentCode: string;
  positionCode: string;
  supervisorNumber: string | null;
}

/** Writes the employee list as an .xlsx workbook with the same columns import reads. */
export async function writeEmployeeSheet(rows: ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Appraisal platform';
  const sheet = workbook.addWorksheet('Employees');
  sheet.columns = EMPLOYEE_COLUMNS.map((c) => ({ header: c.label, key: c.key, width: 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const { employee: e, departmentCode, positionCode, supervisorNumber } of rows) {
    sheet.addRow({
      employeeNumber: e.employeeNumber,
      name: e.name,
      email: e.email ?? '',
      departmentCode,
      positionCode,
      supervisorNumber: supervisorNumber ?? '',
      hireDate: e.hireDate,
      probationEndDate: e.probationEndDate ?? '',
      employmentStatus: e.employmentStatus,
      category: e.category ?? '',
      // Kept as text so that no spreadsheet rounds the cents through a float.
      performancePayBase: e.performancePayBase ?? '',
      floatingPayBase: e.floatingPayBase ?? '',
      disciplinaryFlag: e.disciplinaryFlag ? 'yes' : 'no',
      disciplinaryReference: e.disciplinaryReference ?? '',
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
