import { type SheetColumn, writeSheet } from '../../core/spreadsheet.js';

/** Columns of the indicator sheet, in export order. Import accepts the key or the English label as header. */
export const INDICATOR_COLUMNS = [
  { key: 'code', label: 'Code' },
  { key: 'name', label: 'Name' },
  { key: 'nameZh', label: 'Name (Chinese)' },
  { key: 'description', label: 'Description', width: 40 },
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
export type IndicatorSheetValues = Record<IndicatorColumn, string>;

/** Lists inside one cell (codes, tags) are separated by commas or semicolons, as people type them. */
export const splitList = (text: string | undefined): string[] => (text ?? '').split(/[,;，；]/).map((s) => s.trim()).filter((s) => s !== '');

/** Writes indicators as an .xlsx workbook with the columns import reads back. */
export function writeIndicatorSheet(rows: IndicatorSheetValues[]): Promise<Buffer> {
  return writeSheet('Indicators', INDICATOR_COLUMNS as ReadonlyArray<SheetColumn<IndicatorColumn>>, rows);
}
