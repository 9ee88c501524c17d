import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from './context.js';
import { AppError } from './errors.js';
import { readSheet, SheetFormatError, type SheetColumn, type SheetRow } from './spreadsheet.js';
import { inTransaction } from './transaction.js';
import { recordAudit } from '../modules/audit/audit.service.js';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** One problem in one row of an imported sheet (row 0: the file as a whole). */
export interface RowProblem {
  row: number;
  field: string | null;
  /** The column as the sheet names it ("Employment status", or the file's own header such as "用工状态"). */
  column?: string | null;
  code: string;
  message: string;
  /** The values the message interpolates (e.g. { name, value }), for clients that word it from their catalog. */
  params?: Readonly<Record<string, string | number | boolean>> | null;
}

/** What a dry run or an apply reports; the GraphQL report types have exactly these fields. */
export interface FileImportReport {
  dryRun: boolean;
  totalRows: number;
  validRows: number;
  applied: boolean;
  created: number;
  updated: number;
  errors: RowProblem[];
}

/** How one kind of record is imported: its sheet, how rows are checked, and how a clean plan is written. */
export interface FileImporter<K extends string, P> {
  columns: ReadonlyArray<SheetColumn<K>>;
  requiredColumn: K;
  /** Checks every row against the rules and the database; writes nothing. */
  plan(em: EntityManager, rows: Array<SheetRow<K>>): Promise<{ plan: P[]; errors: RowProblem[] }>;
  /** Writes a plan with no errors (auditing each record) and counts what it did. */
  apply(ctx: RequestContext, em: EntityManager, plan: P[]): Promise<{ created: number; updated: number }>;
  /** Audit operation and entity type of the import as a whole, e.g. "importEmployees" / "EmployeeImport". */
  audit: { operation: string; entityType: string };
}

/**
 * The shared import flow: decode, read the sheet, check every row, and on apply write every row or,
 * when any row is bad, none — all in one transaction with an audit row for the import itself.
 */
export async function importFile<K extends string, P>(
  ctx: RequestContext,
  input: { fileName: string; contentBase64: string; dryRun: boolean },
  importer: FileImporter<K, P>,
): Promise<FileImportReport> {
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0 || content.length > MAX_FILE_BYTES)
    throw new AppError('VALIDATION_FAILED', 'contentBase64: the file must be between 1 byte and 10 MB.', [
      { field: 'contentBase64', rule: 'size', message: 'the file must be between 1 byte and 10 MB' },
    ]);
  const empty = { dryRun: input.dryRun, totalRows: 0, validRows: 0, applied: false, created: 0, updated: 0 };
  let rows: Array<SheetRow<K>>;
  let headers: Partial<Record<K, string>>;
  try {
    ({ rows, headers } = await readSheet(input.fileName, content, importer.columns, importer.requiredColumn));
  } catch (error) {
    if (!(error instanceof SheetFormatError)) throw error;
    return { ...empty, errors: [{ row: 0, field: null, column: null, code: 'file_format', message: error.message }] };
  }
  // Reports name a column the way the sheet does: the file's header, else the header export writes.
  const columnName = (field: string | null): string | null => {
    if (field === null) return null;
    const column = importer.columns.find((c) => c.key === field);
    return column ? (headers[column.key] ?? column.label) : field;
  };
  return inTransaction(ctx, async (em) => {
    const planned = await importer.plan(em, rows);
    const { plan } = planned;
    const errors = planned.errors.map((e) => ({ ...e, column: columnName(e.field) }));
    const report = { ...empty, totalRows: rows.length, validRows: plan.length, errors };
    if (input.dryRun || errors.length > 0 || rows.length === 0) return report;
    const counts = await importer.apply(ctx, em, plan);
    recordAudit(em, ctx, { operation: importer.audit.operation, entityType: importer.audit.entityType, entityId: input.fileName.slice(0, 64), after: { rows: rows.length, ...counts } });
    return { ...report, applied: true, ...counts };
  });
}
