import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { inTransaction } from '../../core/transaction.js';
import { Department } from '../org/department.entity.js';
import type { FileDownload } from '../org/employee-export.service.js';
import { Position } from '../org/position.entity.js';
import { recordAudit, recordExport } from '../audit/audit.service.js';
import { fromDocumentPeriod, storedDocument } from './scheme-documents.js';
import { getScheme, getSchemeVersion, insertScheme } from './scheme.service.js';
import type { Scheme } from './scheme.entity.js';

const FORMAT = 'appraisal-scheme';
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The exchange file: metadata, applicability by code (ids differ between environments) and the document.
 * Example: { format: 'appraisal-scheme', formatVersion: 1, scheme: { code: 'nursing', ... }, versionNumber: 1, document: {...} }
 */
interface SchemeFile {
  format: typeof FORMAT;
  formatVersion: 1;
  exportedAt: string;
  scheme: { code: string; name: string; nameZh: string | null; templateKey: string | null; applicableDepartmentCodes: string[]; applicablePositionCodes: string[] };
  /** The published version exported, or null for the draft. */
  versionNumber: number | null;
  document: unknown;
}

/** A scheme's draft (or the given / latest published version) as a JSON file (HR only, by shield). */
export async function exportScheme(ctx: RequestContext, id: string, versionNumber: number | undefined): Promise<FileDownload> {
  const scheme = await getScheme(ctx, id);
  const useDraft = versionNumber === undefined && scheme.draft !== null;
  const version = useDraft ? null : await getSchemeVersion(ctx, scheme, versionNumber);
  const [departments, positions] = await Promise.all([
    ctx.em.find(Department, { id: { $in: scheme.applicableDepartmentIds } }),
    ctx.em.find(Position, { id: { $in: scheme.applicablePositionIds } }),
  ]);
  const file: SchemeFile = {
    format: FORMAT,
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    scheme: {
      code: scheme.code,
      name: scheme.name,
      nameZh: scheme.nameZh,
      templateKey: scheme.templateKey,
      applicableDepartmentCodes: departments.map((d) => d.code).sort(),
      applicablePositionCodes: positions.map((p) => p.code).sort(),
    },
    versionNumber: version?.number ?? null,
    document: version ? version.document : scheme.draft,
  };
  const suffix = version ? `v${version.number}` : 'draft';
  const fileName = `scheme-${scheme.code}-${suffix}.json`;
  await recordExport(ctx, { operation: 'exportScheme', entityType: 'Scheme', entityId: scheme.id, fileName, rows: 1, filter: { versionNumber: version?.number ?? null } });
  return {
    fileName,
    contentType: 'application/json',
    contentBase64: Buffer.from(`${JSON.stringify(file, null, 2)}\n`).toString('base64'),
  };
}

const invalidFile = (message: string): AppError =>
  new AppError('VALIDATION_FAILED', `contentBase64: ${message}`, [{ field: 'contentBase64', rule: 'file_format', message }]);

function parseFile(contentBase64: string): SchemeFile {
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length === 0 || content.length > MAX_FILE_BYTES) throw invalidFile('the file must be between 1 byte and 2 MB');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString('utf8'));
  } catch {
    throw invalidFile('the file is not JSON');
  }
  const f = parsed as Partial<SchemeFile> | null;
  if (!f || f.format !== FORMAT || f.formatVersion !== 1 || typeof f.scheme?.code !== 'string' || typeof f.scheme.name !== 'string' || !f.document)
    throw invalidFile('not a scheme exported by this system (format "appraisal-scheme", formatVersion 1)');
  return f as SchemeFile;
}

/** Creates a new scheme from an exported file, the document as its draft; `code` renames it (codes are unique). */
export async function importScheme(ctx: RequestContext, fileName: string, contentBase64: string, code: string | undefined): Promise<Scheme> {
  const file = parseFile(contentBase64);
  return inTransaction(ctx, async (em) => {
    const departmentCodes = file.scheme.applicableDepartmentCodes ?? [];
    const positionCodes = file.scheme.applicablePositionCodes ?? [];
    const [departments, positions] = await Promise.all([
      em.find(Department, { code: { $in: departmentCodes }, active: true }),
      em.find(Position, { code: { $in: positionCodes }, active: true }),
    ]);
    // Dropping an unknown code would widen who the scheme applies to, so it is refused instead.
    const missing = [
      ...departmentCodes.filter((c) => !departments.some((d) => d.code === c)).map((c) => ({ field: 'scheme.applicableDepartmentCodes', c })),
      ...positionCodes.filter((c) => !positions.some((p) => p.code === c)).map((c) => ({ field: 'scheme.applicablePositionCodes', c })),
    ];
    if (missing.length)
      throw new AppError(
        'VALIDATION_FAILED',
        `The file names departments or positions this system does not have: ${missing.map((m) => m.c).join(', ')}`,
        missing.map((m) => ({ field: m.field, rule: 'exists', message: `no active department or position ${m.c}`, params: { value: m.c } })),
      );
    const document = storedDocument(file.document as Record<string, unknown>);
    const scheme = await insertScheme(
      ctx,
      em,
      {
        code: code ?? file.scheme.code,
        name: file.scheme.name,
        nameZh: file.scheme.nameZh ?? null,
        periodType: fromDocumentPeriod(typeof document.period === 'string' ? document.period : 'month'),
        applicableDepartmentIds: departments.map((d) => d.id),
        applicablePositionIds: positions.map((p) => p.id),
        document: file.document,
        templateKey: file.scheme.templateKey ?? null,
      },
      'importScheme',
    );
    recordAudit(em, ctx, { operation: 'importScheme:file', entityType: 'Scheme', entityId: scheme.id, after: { fileName: fileName.slice(0, 200), versionNumber: file.versionNumber } });
    return scheme;
  });
}
