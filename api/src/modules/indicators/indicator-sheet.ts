import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { SheetFormatError } from '../org/employee-sheet.js';

/** Columns of the indicator sheet, in export order. Import accepts the key or the English label as header. */
export const INDICATOR_COLUMNS = [
  { key: 'code', label: 'Code' },
  { key: 'name', label: 'Name' },
  { key: 'nameZh', label: 'Name (Chinese)' },
  { key: 'description', label: 'Description' },
  { key: 'categoryCode', label: 'Category code' },
  { key: 'scoringMethod', label: 'Scoring method' },
  { key: 'minPoints', label: 'Min points' },
  { key: 'maxPoints', label: 'Max points' },
  { key: 'measurementSource', label: 'Measurement source' },
  { key: 'departmentCodes', label: 'Department codes' },
  { key: 'positionCodes', label: 'Position codes' },
  { key: 'tags', label: 'Tags' },
  { key: 'active', label: 'Active' },
] as const;

export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number]['key'];
export type IndicatorSheetRow = { row: number; values: Partial<Record<IndicatorColumn, string>> };
export type IndicatorSheetValues = Record<IndicatorColumn, string>;

export { SheetFormatError };

const HEADER_TO_KEY = new Map<string, IndicatorColumn>(
  INDICATOR_COLUMNS.flatMap((c) => [
    [c.key.toLowerCase(), c.key],
    [c.label.toLowerCase(), c.key],
  ]),
);

/** Lists inside one cell (codes, tags) are separated by commas or semicolons, as people type them. */
export const splitList = (text: string | undefined): string[] => (text ?? '').split(/[,;，；]/).map((s) => s.trim()).filter((s) => s !== '');

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    return '';
  }
  return String(value).trim();
}

function toRows(headers: string[], records: string[][]): IndicatorSheetRow[] {
  const keys = headers.map((h) => HEADER_TO_KEY.get(h.trim().toLowerCase()));
  const unknown = headers.filter((h, i) => h.trim() !== '' && keys[i] === undefined);
  if (unknown.length) throw new SheetFormatError(`unknown column(s): ${unknown.join(', ')}`);
  if (!keys.includes('code')) throw new SheetFormatError('the header row has no "Code" column');
  return records
    .map((cells, i) => {
      const values: IndicatorSheetRow['values'] = {};
      keys.forEach((key, col) => {
        const text = (cells[col] ?? '').trim();
        if (key && text !== '') values[key] = text;
      });
      return { row: i + 2, values };
    })
    .filter((r) => Object.keys(r.values).length > 0);
}

/** Reads an .xlsx or .csv indicator sheet; rows are numbered as the spreadsheet shows them (header = row 1). */
export async function readIndicatorSheet(fileName: string, content: Buffer): Promise<IndicatorSheetRow[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    const [headers, ...data] = parseCsv(content, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    if (!headers) throw new SheetFormatError('the file is empty');
    return toRows(headers, data);
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
    const grid: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      grid.push(Array.from({ length: sheet.columnCount }, (_, c) => cellText(row.getCell(c + 1).value)));
    }
    const [headers, ...data] = grid;
    if (!headers) throw new SheetFormatError('the sheet is empty');
    return toRows(headers, data);
  }
  throw new SheetFormatError('only .xlsx and .csv files can be imported');
}

/** Writes indicators as an .xlsx workbook with the columns import reads back. */
export async function writeIndicatorSheet(rows: IndicatorSheetValues[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Appraisal platform';
  const sheet = workbook.addWorksheet('Indicators');
  sheet.columns = INDICATOR_COLUMNS.map((c) => ({ header: c.label, key: c.key, width: c.key === 'description' ? 40 : 18 }));
  sheet.getRow(1).font = { bold: true };
  // Points stay text so that no spreadsheet turns "12.50" into a float.
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
