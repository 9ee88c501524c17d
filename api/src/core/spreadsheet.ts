import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: it holds ~27 MB of RSS that most API processes never need (only imports
 * and exports read or write workbooks). Every workbook in the API goes through this loader (lint rule).
 */
let excel: Promise<typeof ExcelJS> | undefined;
export function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((module) => module.default);
  return excel;
}

/** The file itself cannot be read as a sheet (wrong type, unknown columns, empty); reported as row 0. */
export class SheetFormatError extends Error {}

/** One allowed value of a column: the code the API stores and how people write it in either language. */
export interface SheetChoice {
  code: string;
  en: string;
  zh: string;
}

/**
 * A column of an import/export sheet: its key, the English header export writes and the Chinese one
 * import also reads, and for coded columns the values: export writes the English word, import reads
 * the code or the word in either language (case-insensitive).
 */
export interface SheetColumn<K extends string> {
  key: K;
  label: string;
  labelZh?: string;
  choices?: readonly SheetChoice[];
  width?: number;
}

/** `cellChoice(statusColumn, '正式')` -> 'REGULAR'; a value that is no choice comes back as written. */
export function cellChoice<K extends string>(column: SheetColumn<K>, text: string): string {
  const wanted = text.trim().toLowerCase();
  const choice = column.choices?.find((c) => [c.code, c.en, c.zh].some((v) => v.toLowerCase() === wanted));
  return choice?.code ?? text;
}

/** How export writes a coded value: its English word (`Regular` for REGULAR). */
export function choiceLabel<K extends string>(column: SheetColumn<K>, code: string): string {
  return column.choices?.find((c) => c.code === code)?.en ?? code;
}

/** One data row, numbered as the spreadsheet shows it (the header is row 1); blank cells are absent. */
export interface SheetRow<K extends string> {
  row: number;
  values: Partial<Record<K, string>>;
}

/** Spreadsheets run a cell that starts with one of these as a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

const columnName = (index: number): string => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/**
 * Export: a text that a spreadsheet would run as a formula gets a leading apostrophe, so it stays text.
 * Plain numbers such as "-5" are left alone. Example: neutraliseCell('=HYPERLINK("x")') -> `'=HYPERLINK("x")`.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Import: formulas are never taken in. A cell that starts like a formula is a format error naming the
 * cell; one written by our export (apostrophe first) is read back as the text it was.
 */
function importedCellText(text: string, row: number, col: number): string {
  if (text.startsWith("'") && FORMULA_START.test(text.slice(1))) return text.slice(1);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text.trim()))
    throw new SheetFormatError(
      `cell ${columnName(col)}${row} starts with "${text.trim().charAt(0) || 'a tab'}", which spreadsheets run as a formula; formulas are not imported (type a leading apostrophe to keep it as text)`,
    );
  return text;
}

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

async function readGrid(fileName: string, content: Buffer): Promise<string[][]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    try {
      return parseCsv(content, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      // csv-parse says what and where (e.g. an unclosed quote at line 2); no path or stack is involved.
      const detail = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) : '';
      throw new SheetFormatError(`the file is not a readable CSV file${detail ? `: ${detail}` : ''}`);
    }
  }
  if (!lower.endsWith('.xlsx')) throw new SheetFormatError('only .xlsx and .csv files can be imported');
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
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
    grid.push(
      Array.from({ length: sheet.columnCount }, (_, c) => {
        const cell = row.getCell(c + 1);
        if (cell.type === Excel.ValueType.Formula)
          throw new SheetFormatError(`cell ${cell.address} holds a formula; formulas are not imported (save the sheet with values only)`);
        return cellText(cell.value);
      }),
    );
  }
  return grid;
}

/** A read sheet: its rows, and each column's header as the file wrote it (to name columns in reports). */
export interface ReadSheet<K extends string> {
  rows: Array<SheetRow<K>>;
  headers: Partial<Record<K, string>>;
}

/**
 * Reads an .xlsx or .csv file whose header row names the columns by key, English or Chinese label
 * (case-insensitive); coded columns are read back to their codes. Unknown columns and a missing
 * `required` column are format errors.
 */
export async function readSheet<K extends string>(
  fileName: string,
  content: Buffer,
  columns: ReadonlyArray<SheetColumn<K>>,
  required: K,
): Promise<ReadSheet<K>> {
  const [headers, ...records] = (await readGrid(fileName, content)).map((cells, r) => cells.map((text, c) => importedCellText(text, r + 1, c)));
  if (!headers) throw new SheetFormatError('the file is empty');
  const byHeader = new Map<string, K>(
    columns.flatMap((c) => [c.key, c.label, ...(c.labelZh ? [c.labelZh] : [])].map((name) => [name.toLowerCase(), c.key] as const)),
  );
  const columnOf = new Map(columns.map((c) => [c.key, c]));
  const keys = headers.map((h) => byHeader.get(h.trim().toLowerCase()));
  const unknown = headers.filter((h, i) => h.trim() !== '' && keys[i] === undefined);
  if (unknown.length) throw new SheetFormatError(`unknown column(s): ${unknown.join(', ')}`);
  const requiredLabel = columns.find((c) => c.key === required)?.label ?? required;
  if (!keys.includes(required)) throw new SheetFormatError(`the header row has no "${requiredLabel}" column`);
  const headerOf: Partial<Record<K, string>> = {};
  keys.forEach((key, col) => {
    if (key) headerOf[key] = headers[col]?.trim();
  });
  const rows = records
    .map((cells, i) => {
      const values: Partial<Record<K, string>> = {};
      keys.forEach((key, col) => {
        const text = (cells[col] ?? '').trim();
        const column = key ? columnOf.get(key) : undefined;
        if (key && column && text !== '') values[key] = cellChoice(column, text);
      });
      return { row: i + 2, values };
    })
    .filter((r) => Object.keys(r.values).length > 0); // blank lines are not rows
  return { rows, headers: headerOf };
}

/** Writes one sheet with a bold header row; values are text so that no spreadsheet rounds cents through a float. */
export async function writeSheet<K extends string>(
  sheetName: string,
  columns: ReadonlyArray<SheetColumn<K>>,
  rows: ReadonlyArray<Record<K, string>>,
): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Appraisal platform';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.label, key: c.key, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? neutraliseCell(value) : value])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
