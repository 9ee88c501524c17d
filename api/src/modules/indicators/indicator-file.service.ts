import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../core/context.js';
import { importFile } from '../../core/file-import.js';
import type { SheetRow } from '../../core/spreadsheet.js';
import { recordAudit, snapshot, recordExport } from '../audit/audit.service.js';
import { Department } from '../org/department.entity.js';
import type { FileDownload } from '../org/employee-export.service.js';
import type { ImportRowError } from '../org/employee-import.service.js';
import { Position } from '../org/position.entity.js';
import { IndicatorCategory } from './indicator-category.entity.js';
import { checkIndicatorFields, cleanTags, defaultMinPoints, pointsText } from './indicator-fields.js';
import { type IndicatorColumn, INDICATOR_COLUMNS, splitList, writeIndicatorSheet } from './indicator-sheet.js';
import { Indicator, IndicatorScoringMethod, MeasurementSource } from './indicator.entity.js';
import { indicatorsMatching } from './indicator.service.js';
import type { ImportFileInput, ImportReport, IndicatorFilter } from './indicators.inputs.js';

const YES = new Set(['yes', 'y', 'true', '1', '是', '']);
const NO = new Set(['no', 'n', 'false', '0', '否']);

type IndicatorRecord = Pick<
  Indicator,
  'code' | 'name' | 'nameZh' | 'description' | 'category' | 'scoringMethod' | 'minPoints' | 'maxPoints' | 'measurementSource' | 'applicableDepartmentIds' | 'applicablePositionIds' | 'tags' | 'active'
>;

interface PlannedRow {
  row: number;
  existing: Indicator | null;
  fields: IndicatorRecord;
}

const isEnum = <E extends string>(values: Record<string, E>, text: string | undefined): text is E => !!text && Object.values<string>(values).includes(text);

/** Checks every row against the indicator rules and the database; nothing is written here. */
async function planImport(em: EntityManager, rows: Array<SheetRow<IndicatorColumn>>): Promise<{ plan: PlannedRow[]; errors: ImportRowError[] }> {
  const errors: ImportRowError[] = [];
  const fail = (row: number, field: string | null, code: string, message: string) => errors.push({ row, field, code, message });
  const [categories, departments, positions, indicators] = await Promise.all([
    em.find(IndicatorCategory, { active: true }),
    em.find(Department, {}),
    em.find(Position, {}),
    em.find(Indicator, {}),
  ]);
  const categoryByCode = new Map(categories.map((c) => [c.code, c]));
  const departmentByCode = new Map(departments.map((d) => [d.code, d.id]));
  const positionByCode = new Map(positions.map((p) => [p.code, p.id]));
  const indicatorByCode = new Map(indicators.map((i) => [i.code, i]));
  const firstRowOfCode = new Map<string, number>();
  const plan: PlannedRow[] = [];

  for (const { row, values: v } of rows) {
    const before = errors.length;
    const code = v.code ?? '';
    if (code && firstRowOfCode.has(code)) fail(row, 'code', 'duplicate_in_file', `code ${code} also appears in row ${firstRowOfCode.get(code)}`);
    else if (code) firstRowOfCode.set(code, row);
    const category = categoryByCode.get(v.categoryCode ?? '');
    if (!category) fail(row, 'categoryCode', v.categoryCode ? 'exists' : 'required', v.categoryCode ? `no active category ${v.categoryCode}` : 'categoryCode is required');
    const method = v.scoringMethod?.toUpperCase();
    if (!isEnum(IndicatorScoringMethod, method)) fail(row, 'scoringMethod', 'enum', `scoringMethod must be one of ${Object.values(IndicatorScoringMethod).join(', ')}`);
    const source = v.measurementSource?.toUpperCase() ?? MeasurementSource.RATED;
    if (!isEnum(MeasurementSource, source)) fail(row, 'measurementSource', 'enum', `measurementSource must be one of ${Object.values(MeasurementSource).join(', ')}`);
    const activeText = (v.active ?? '').toLowerCase();
    if (!YES.has(activeText) && !NO.has(activeText)) fail(row, 'active', 'boolean', 'must be yes or no');
    const departmentIds = splitList(v.departmentCodes).map((c) => departmentByCode.get(c) ?? fail(row, 'departmentCodes', 'exists', `no department ${c}`));
    const positionIds = splitList(v.positionCodes).map((c) => positionByCode.get(c) ?? fail(row, 'positionCodes', 'exists', `no position ${c}`));
    if (!isEnum(IndicatorScoringMethod, method) || !isEnum(MeasurementSource, source) || !category) continue;
    const fields = {
      code,
      name: (v.name ?? '').trim(),
      scoringMethod: method,
      minPoints: defaultMinPoints(method, v.minPoints ?? null),
      maxPoints: v.maxPoints ?? '',
      tags: cleanTags(splitList(v.tags)),
    };
    for (const p of checkIndicatorFields(fields)) fail(row, p.field, p.rule, p.message);
    if (errors.length > before) continue;
    plan.push({
      row,
      existing: indicatorByCode.get(code) ?? null,
      fields: {
        ...fields,
        nameZh: v.nameZh ?? null,
        description: v.description ?? null,
        category,
        measurementSource: source,
        applicableDepartmentIds: [...new Set(departmentIds.filter((id): id is string => typeof id === 'string'))],
        applicablePositionIds: [...new Set(positionIds.filter((id): id is string => typeof id === 'string'))],
        active: !NO.has(activeText),
      },
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { plan, errors };
}

/** Writes a fully valid plan: existing codes are updated, new ones created, each with its audit row. */
async function applyPlan(ctx: RequestContext, em: EntityManager, plan: PlannedRow[]): Promise<{ created: number; updated: number }> {
  const changes: Array<{ indicator: Indicator; before: Record<string, unknown> | null }> = [];
  for (const p of plan) {
    const indicator = p.existing ?? new Indicator();
    changes.push({ indicator, before: p.existing ? snapshot(p.existing) : null });
    Object.assign(indicator, p.fields);
    em.persist(indicator);
  }
  await em.flush();
  for (const { indicator, before } of changes)
    recordAudit(em, ctx, { operation: before ? 'updateIndicator:import' : 'createIndicator:import', entityType: 'Indicator', entityId: indicator.id, before, after: snapshot(indicator) });
  const created = changes.filter((c) => !c.before).length;
  return { created, updated: changes.length - created };
}

/** Dry run: report every row problem. Apply: write every row or, when any row is bad, none. */
export function importIndicators(ctx: RequestContext, input: ImportFileInput): Promise<ImportReport> {
  return importFile(ctx, input, {
    columns: INDICATOR_COLUMNS,
    requiredColumn: 'code',
    plan: planImport,
    apply: applyPlan,
    audit: { operation: 'importIndicators', entityType: 'IndicatorImport' },
  });
}

/** The library (or the filtered part of it) as an .xlsx file with the columns import reads. */
export async function exportIndicators(ctx: RequestContext, filter: IndicatorFilter | undefined): Promise<FileDownload> {
  const indicators = await indicatorsMatching(ctx, filter);
  const [departments, positions] = await Promise.all([ctx.em.find(Department, {}), ctx.em.find(Position, {})]);
  const departmentCode = new Map(departments.map((d) => [d.id, d.code]));
  const positionCode = new Map(positions.map((p) => [p.id, p.code]));
  const buffer = await writeIndicatorSheet(
    indicators.map((i) => ({
      code: i.code,
      name: i.name,
      nameZh: i.nameZh ?? '',
      description: i.description ?? '',
      categoryCode: i.category.code,
      scoringMethod: i.scoringMethod,
      minPoints: pointsText(i.minPoints) ?? '',
      maxPoints: pointsText(i.maxPoints) ?? '',
      measurementSource: i.measurementSource,
      departmentCodes: i.applicableDepartmentIds.map((id) => departmentCode.get(id) ?? id).join(', '),
      positionCodes: i.applicablePositionIds.map((id) => positionCode.get(id) ?? id).join(', '),
      tags: i.tags.join(', '),
      active: i.active ? 'yes' : 'no',
    })),
  );
  const fileName = `indicators-${new Date().toISOString().slice(0, 10)}.xlsx`;
  await recordExport(ctx, { operation: 'exportIndicators', entityType: 'IndicatorExport', fileName, rows: indicators.length, filter });
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: buffer.toString('base64'),
  };
}
