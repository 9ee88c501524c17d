import {
  type AppraisalInput,
  canManageSchemes,
  compileScheme,
  type DomainIssue,
  explain,
  type ExplainLanguage,
  formatPath,
  priceGroup,
  type SchemeDefinition,
  scoreAppraisal,
  type TraceStep,
  validateScheme,
} from '@appraisal/domain';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden, unauthenticated } from '../../core/errors.js';
import { getScheme, getSchemeVersion } from './scheme.service.js';
import type { PreviewSchemeInput, SchemeIssue, SchemePreview, SchemeValidation } from './schemes.inputs.js';

const toIssues = (issues: readonly DomainIssue[], prefix: ReadonlyArray<string | number> = []): SchemeIssue[] =>
  issues.map((i) => ({ path: formatPath([...prefix, ...i.path]) || 'document', code: i.code, message: i.message }));

/** Every issue the engine finds in a document; never throws for an invalid one. */
export function validateSchemeDocument(document: unknown): SchemeValidation {
  const checked = validateScheme(document);
  return checked.ok ? { valid: true, issues: [] } : { valid: false, issues: toIssues(checked.issues) };
}

/** The document a preview computes with, after the caller's right to read it is checked. */
async function previewDocument(ctx: RequestContext, input: PreviewSchemeInput): Promise<unknown> {
  if (!ctx.actor) throw unauthenticated();
  const manager = canManageSchemes(ctx.actor);
  if (input.document !== undefined && input.document !== null) {
    if (input.schemeId)
      throw new AppError('BAD_USER_INPUT', 'Give either schemeId or document, not both.', [{ field: 'document', rule: 'exclusive_with_schemeId', message: 'give either schemeId or document' }]);
    if (!manager) throw forbidden('previewing unsaved documents');
    return input.document;
  }
  if (!input.schemeId)
    throw new AppError('BAD_USER_INPUT', 'Give a schemeId or a document.', [{ field: 'schemeId', rule: 'required', message: 'give a schemeId or a document' }]);
  const scheme = await getScheme(ctx, input.schemeId);
  // Only HR sees drafts; everyone else previews what was published.
  if (input.versionNumber === undefined || input.versionNumber === null) {
    if (manager && scheme.draft) return scheme.draft;
  }
  return (await getSchemeVersion(ctx, scheme, input.versionNumber ?? undefined)).document;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The sample appraisal's shape, so a malformed one is a list of issues rather than an engine crash.
 * Values themselves (ranges, unknown sections, levels) are the engine's to judge.
 */
function appraisalShapeIssues(value: unknown): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const bad = (path: Array<string | number>, message: string) => issues.push({ path, code: 'appraisal_shape', message });
  if (!isRecord(value)) {
    bad([], 'the appraisal must be an object { employeeId, ratings, adjustments?, facts? }');
    return issues;
  }
  if (typeof value.employeeId !== 'string' || value.employeeId === '') bad(['employeeId'], 'employeeId must be a non-empty string');
  if (value.participated !== undefined && typeof value.participated !== 'boolean') bad(['participated'], 'participated must be true or false');
  if (!Array.isArray(value.ratings)) bad(['ratings'], 'ratings must be a list');
  else
    value.ratings.forEach((r: unknown, i) => {
      if (!isRecord(r) || typeof r.section !== 'string' || typeof r.role !== 'string' || !isRecord(r.items)) bad(['ratings', i], 'a rating is { section, role, items: { itemId: {...} } }');
      else for (const [id, item] of Object.entries(r.items)) if (!isRecord(item)) bad(['ratings', i, 'items', id], 'an item input is an object');
    });
  if (value.adjustments !== undefined && (!Array.isArray(value.adjustments) || !value.adjustments.every((a: unknown) => isRecord(a) && typeof a.rule === 'string')))
    bad(['adjustments'], 'adjustments must be a list of { rule, count? | amount? }');
  if (value.facts !== undefined && (!isRecord(value.facts) || !Object.values(value.facts).every((f) => typeof f === 'string')))
    bad(['facts'], 'facts must map names to decimal text');
  return issues;
}

// Pay problems name the pay fact the engine missed; point them at the preview input that supplies it.
const PAY_FIELD: Record<string, string> = { base: 'payBase', groupId: 'payGroup', manHours: 'manHours', pool: 'pool', outputValue: 'outputValue' };
const payIssues = (issues: readonly DomainIssue[]): SchemeIssue[] =>
  issues.map((i) => {
    const key = String(i.path[0] === 'facts' ? i.path[2] : i.path[0]);
    return { path: PAY_FIELD[key] ?? formatPath(['pay', ...i.path]), code: i.code, message: i.message };
  });

const empty = (issues: SchemeIssue[]): SchemePreview => ({
  valid: false,
  issues,
  total: null,
  weighted: null,
  adjustmentPoints: null,
  adjustmentMoney: null,
  grade: null,
  gradeLabel: null,
  sections: [],
  pay: [],
  trace: [],
  scheme: null,
});

/**
 * Scores one sample appraisal with the engine and prices it as a group of one (so output pay, which needs every
 * pay group staffed, reports that as an issue next to the score). Invalid documents or inputs come
 * back as issues (valid: false, no numbers); missing pay facts as issues next to the score.
 */
export async function previewScheme(ctx: RequestContext, input: PreviewSchemeInput): Promise<SchemePreview> {
  const compiled = compileScheme(await previewDocument(ctx, input));
  if (!compiled.ok) return empty(toIssues(compiled.issues));
  const shape = appraisalShapeIssues(input.appraisal);
  if (shape.length) return empty(toIssues(shape, ['appraisal']));
  const scored = scoreAppraisal(compiled.value, input.appraisal as AppraisalInput);
  if (!scored.ok) return empty(toIssues(scored.issues, ['appraisal']));
  const result = scored.value;
  const scheme: SchemeDefinition = compiled.value.scheme;
  const issues: SchemeIssue[] = [];
  let pay: SchemePreview['pay'] = [];
  let payTrace: TraceStep[] = [];
  if (scheme.pay.length > 0 || result.adjustmentMoney !== '0') {
    const fact = { ...(input.payBase ? { base: input.payBase } : {}), ...(input.payGroup ? { groupId: input.payGroup } : {}), ...(input.manHours ? { manHours: input.manHours } : {}) };
    const priced = priceGroup(scheme, {
      results: [result],
      facts: { [result.employeeId]: fact },
      ...(input.pool ? { pool: input.pool } : {}),
      ...(input.outputValue ? { outputValue: input.outputValue } : {}),
    });
    if (priced.ok) {
      pay = priced.value.lines.map((l) => ({ component: l.component, amount: l.amount, detail: l.detail }));
      payTrace = priced.value.traces[result.employeeId] ?? [];
    } else issues.push(...payIssues(priced.issues));
  }
  const grade = result.grade?.grade ?? null;
  return {
    valid: issues.length === 0,
    issues,
    total: result.total,
    weighted: result.weighted,
    adjustmentPoints: result.adjustmentPoints,
    adjustmentMoney: result.adjustmentMoney,
    grade,
    gradeLabel: scheme.grades?.bands.find((b) => b.grade === grade)?.label ?? null,
    sections: result.sections.map((s) => ({ id: s.id, score: s.score, weight: s.weight ?? null })),
    pay,
    trace: [...result.trace, ...payTrace],
    scheme,
  };
}

/** The preview's trace in readable lines; unknown locales fall back to English. */
export function previewExplanation(preview: SchemePreview, locale: string): string[] {
  const lang: ExplainLanguage = locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  return explain(preview.trace, lang, preview.scheme ?? undefined);
}
