import {
  type AppraisalInput,
  canManageSchemes,
  compileScheme,
  type DomainIssue,
  explain,
  explainPayBasis,
  type ExplainLanguage,
  formatPath,
  priceGroup,
  type SchemeDefinition,
  scoreAppraisal,
  type TraceStep,
  validateScheme,
  type AppraisalResult,
  describeIssue,
  gradeForScore,
  type IssueNames,
  type PayFacts,
  plain,
  quotaCount,
  quotaGrades,
  dec,
} from '@appraisal/domain';
import type { RequestContext } from '../../core/context.js';
import { AppError, forbidden, unauthenticated } from '../../core/errors.js';
import { getScheme, getSchemeVersion } from './scheme.service.js';
import type { PreviewMemberInput, PreviewSchemeInput, PreviewTicketInput, SchemeGroupPreview, SchemeIssue, SchemePayLine, SchemePreview, SchemeQuotaCheck, SchemeValidation } from './schemes.inputs.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An issue for the API: its path in the input, code, English message, parameters and the catalog's sentence in both languages. */
function issueOf(path: string, issue: Pick<DomainIssue, 'code' | 'message' | 'params'>, names?: unknown): SchemeIssue {
  const known = isRecord(names) ? (names as IssueNames) : undefined;
  return {
    path,
    code: issue.code,
    message: issue.message,
    params: issue.params ? { ...issue.params } : null,
    text: { en: describeIssue(issue, 'en', known), zh: describeIssue(issue, 'zh', known) },
  };
}

const toIssues = (issues: readonly DomainIssue[], prefix: ReadonlyArray<string | number> = [], names?: unknown): SchemeIssue[] =>
  issues.map((i) => issueOf(formatPath([...prefix, ...i.path]) || 'document', i, names));

/** Every issue the engine finds in a document; never throws for an invalid one. */
export function validateSchemeDocument(document: unknown): SchemeValidation {
  const checked = validateScheme(document);
  return checked.ok ? { valid: true, issues: [] } : { valid: false, issues: toIssues(checked.issues, [], document) };
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
const PAY_FIELD: Record<string, string> = { base: 'payBase', groupId: 'payGroup', manHours: 'manHours', tickets: 'tickets', pool: 'pool', outputValue: 'outputValue' };

/** Where a pay issue belongs in the preview input: the sample's field, a member's field, or a group-level value. */
function payIssuePath(path: ReadonlyArray<string | number>, sampleId: string, memberIndex: ReadonlyMap<string, number>): string {
  if (path[0] === 'facts') {
    const [, id, key, ...rest] = path;
    const field = formatPath([PAY_FIELD[String(key)] ?? String(key), ...rest]);
    const index = memberIndex.get(String(id));
    return id === sampleId || index === undefined ? field : `group.members[${index}].${field}`;
  }
  if (path[0] === 'inputs') return formatPath(['outputInputs', ...path.slice(1)]);
  return PAY_FIELD[String(path[0])] ?? formatPath(['pay', ...path]);
}

/**
 * A pay issue about one person reads "of <name>" for a group member and plainly for the sample (the form HR is
 * filling in is theirs), so the message never shows an internal id like "preview".
 */
function personal(issue: DomainIssue, sampleId: string, members: readonly PreviewMemberInput[]): DomainIssue {
  const person = issue.params?.person;
  if (person === undefined) return issue;
  const { person: _person, variant, ...rest } = issue.params ?? {};
  if (person === sampleId) return { ...issue, params: variant === 'person' ? rest : { ...rest, ...(variant === undefined ? {} : { variant }) } };
  const member = members.find((m) => m.id === person);
  return { ...issue, params: { ...issue.params, person: member?.name || String(person) } };
}

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
  group: null,
  trace: [],
  scheme: null,
});

/**
 * Pricing stops at the first pay problem; a preview lists one per component, so HR sees at once every value
 * the pay needs (a pay base for floating pay and a pool for the bonus), each at its input.
 */
function everyPayIssue(scheme: SchemeDefinition, first: readonly DomainIssue[], price: (one: SchemeDefinition) => ReturnType<typeof priceGroup>): DomainIssue[] {
  if (scheme.pay.length < 2) return [...first];
  const all: DomainIssue[] = [];
  for (const component of scheme.pay) {
    const r = price({ ...scheme, pay: [component] });
    if (!r.ok) for (const issue of r.issues) if (!all.some((x) => x.code === issue.code && formatPath(x.path) === formatPath(issue.path))) all.push(issue);
  }
  return all.length ? all : [...first];
}

/** The most members a preview group may have: enough for a department, small enough to stay a preview. */
export const MAX_PREVIEW_MEMBERS = 500;

const tickets = (list: readonly PreviewTicketInput[] | undefined) => list?.map((t) => ({ hours: t.hours, level: t.level }));

const factsOf = (m: { payBase?: string | null; payGroup?: string | null; manHours?: string | null; tickets?: PreviewTicketInput[] | null }): PayFacts => ({
  ...(m.payBase ? { base: m.payBase } : {}),
  ...(m.payGroup ? { groupId: m.payGroup } : {}),
  ...(m.manHours ? { manHours: m.manHours } : {}),
  ...(m.tickets ? { tickets: tickets(m.tickets) } : {}),
});

/** A member given only a sample total: a result with that total, graded by the scheme's bands. */
function sampleResult(scheme: SchemeDefinition, id: string, total: string): AppraisalResult {
  const bands = scheme.grades?.bands;
  const grade = bands?.length ? gradeForScore(bands, total) : undefined;
  return {
    employeeId: id,
    participated: true,
    total,
    weighted: total,
    adjustmentPoints: '0',
    adjustmentMoney: '0',
    adjustmentHours: '0',
    sections: [],
    adjustments: [],
    failedItems: [],
    ...(grade ? { grade: { grade, bandGrade: grade, reason: 'band' as const } } : {}),
    trace: [],
  };
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The group members as scored results, or the issues that keep them from being priced. */
function groupResults(scheme: Parameters<typeof scoreAppraisal>[0], doc: SchemeDefinition, sampleId: string, members: readonly PreviewMemberInput[]): { results: AppraisalResult[]; issues: SchemeIssue[] } {
  const issues: SchemeIssue[] = [];
  const results: AppraisalResult[] = [];
  const seen = new Set([sampleId]);
  if (members.length > MAX_PREVIEW_MEMBERS) {
    issues.push(issueOf('group.members', { code: 'schema_too_big', message: `at most ${MAX_PREVIEW_MEMBERS} members`, params: { maximum: MAX_PREVIEW_MEMBERS } }));
    return { results, issues };
  }
  members.forEach((m, i) => {
    const at = `group.members[${i}]`;
    if (seen.has(m.id)) issues.push(issueOf(`${at}.id`, { code: 'pay_duplicate_id', message: `id ${m.id} appears twice`, params: { id: m.id } }));
    seen.add(m.id);
    if (m.appraisal !== undefined && m.appraisal !== null) {
      const shape = appraisalShapeIssues(m.appraisal);
      if (shape.length) return void issues.push(...toIssues(shape, ['group', 'members', i, 'appraisal']));
      const scored = scoreAppraisal(scheme, { ...(m.appraisal as AppraisalInput), employeeId: m.id });
      if (!scored.ok) return void issues.push(...toIssues(scored.issues, ['group', 'members', i, 'appraisal'], doc));
      results.push(scored.value);
      return;
    }
    const total = m.total?.trim() ?? '';
    if (!DECIMAL.test(total)) {
      issues.push(
        total === ''
          ? issueOf(`${at}.total`, { code: 'preview_member_total', message: `member ${m.name ?? m.id} needs a sample score`, params: { person: m.name ?? m.id } })
          : issueOf(`${at}.total`, { code: 'pay_invalid_decimal', message: `${JSON.stringify(total)} is not a decimal number`, params: { value: total } }),
      );
      return;
    }
    results.push(sampleResult(doc, m.id, total));
  });
  return { results, issues };
}

/** Every quota of the scheme against the group's grades: the count allowed or required, and the count there. */
function quotaChecks(scheme: SchemeDefinition, results: readonly AppraisalResult[]): SchemeQuotaCheck[] {
  const d = scheme.distribution;
  const bands = scheme.grades?.bands;
  if (!d || !bands) return [];
  const counts = new Map<string, number>();
  for (const r of results) if (r.grade) counts.set(r.grade.grade, (counts.get(r.grade.grade) ?? 0) + 1);
  return d.quotas.map((q) => {
    const grades = quotaGrades(bands, q);
    const actual = grades.reduce((n, g) => n + (counts.get(g) ?? 0), 0);
    const limit = quotaCount(results.length, q.percent, d.rounding);
    return { grade: q.grade, grades, bound: q.bound, percent: q.percent, limit, actual, ok: q.bound === 'max' ? actual <= limit : actual >= limit };
  });
}

const gradeLabelOf = (scheme: SchemeDefinition, grade: string | null) => scheme.grades?.bands.find((b) => b.grade === grade)?.label ?? null;

/**
 * Scores the sample appraisal and prices it with the group given (or alone): floating pay against the group's
 * average, pool shares, output pay per group and ticket, and the scheme's quotas over the group. Invalid
 * documents or inputs come back as issues (valid: false, no numbers); pay problems as issues next to the score,
 * at the input that supplies the missing value.
 */
export async function previewScheme(ctx: RequestContext, input: PreviewSchemeInput): Promise<SchemePreview> {
  const document = await previewDocument(ctx, input);
  const compiled = compileScheme(document);
  if (!compiled.ok) return empty(toIssues(compiled.issues, [], document));
  const scheme: SchemeDefinition = compiled.value.scheme;
  const shape = appraisalShapeIssues(input.appraisal);
  if (shape.length) return empty(toIssues(shape, ['appraisal']));
  const scored = scoreAppraisal(compiled.value, input.appraisal as AppraisalInput);
  if (!scored.ok) return empty(toIssues(scored.issues, ['appraisal'], scheme));
  const result = scored.value;
  const members = input.group?.members ?? [];
  const others = groupResults(compiled.value, scheme, result.employeeId, members);
  if (others.issues.length) return { ...empty(others.issues), ...scoreFields(result, scheme) };
  const results = [result, ...others.results];
  const issues: SchemeIssue[] = [];
  if (input.outputInputs !== undefined && input.outputInputs !== null && (!isRecord(input.outputInputs) || !Object.values(input.outputInputs).every((v) => typeof v === 'string'))) {
    issues.push(issueOf('outputInputs', { code: 'schema_invalid_type', message: 'outputInputs must map input names to decimal text', params: { expected: 'object' } }));
  }
  let lines: SchemePayLine[] = [];
  let totals: Record<string, string> | null = null;
  let traces: Record<string, TraceStep[]> = {};
  let outputValue: string | null = input.outputValue ?? null;
  const anyMoney = results.some((r) => r.adjustmentMoney !== '0');
  if (issues.length === 0 && (scheme.pay.length > 0 || anyMoney)) {
    const facts = new Map<string, PayFacts>([[result.employeeId, factsOf(input)]]);
    members.forEach((m) => facts.set(m.id, factsOf(m)));
    const pricing = {
      results,
      facts,
      ...(input.pool ? { pool: input.pool } : {}),
      ...(input.outputValue ? { outputValue: input.outputValue } : {}),
      ...(isRecord(input.outputInputs) ? { inputs: input.outputInputs as Record<string, string> } : {}),
    };
    const priced = priceGroup(scheme, pricing);
    if (priced.ok) {
      traces = priced.value.traces;
      totals = priced.value.totals;
      lines = priced.value.lines.map((l) => {
        const words = (lang: ExplainLanguage) => (l.basis ? explainPayBasis(l.basis, l.component, lang, scheme) : l.detail);
        return { component: l.component, amount: l.amount, detail: l.detail, explanation: { en: words('en'), zh: words('zh') }, employeeId: l.employeeId };
      });
      const output = priced.value.lines.find((l) => l.basis?.kind === 'output');
      if (output?.basis?.kind === 'output') outputValue = output.basis.outputValue;
    } else {
      const memberIndex = new Map(members.map((m, i) => [m.id, i]));
      issues.push(...everyPayIssue(scheme, priced.issues, (one) => priceGroup(one, pricing)).map((i) => issueOf(payIssuePath(i.path, result.employeeId, memberIndex), personal(i, result.employeeId, members), scheme)));
    }
  }
  const byPerson = new Map<string, SchemePayLine[]>();
  for (const l of lines) byPerson.set(l.employeeId ?? '', [...(byPerson.get(l.employeeId ?? '') ?? []), l]);
  const linesOf = (id: string) => byPerson.get(id) ?? [];
  const group: SchemeGroupPreview | null = input.group
    ? {
        size: results.length,
        average: plain(results.reduce((sum, r) => sum.plus(r.total), dec(0)).div(results.length)),
        outputValue,
        members: results.map((r, i) => ({
          id: r.employeeId,
          name: i === 0 ? null : (members[i - 1]?.name ?? null),
          sample: i === 0,
          total: r.total,
          grade: r.grade?.grade ?? null,
          gradeLabel: gradeLabelOf(scheme, r.grade?.grade ?? null),
          pay: linesOf(r.employeeId),
          payTotal: totals?.[r.employeeId] ?? null,
        })),
        quotas: quotaChecks(scheme, results),
      }
    : null;
  return {
    valid: issues.length === 0,
    issues,
    ...scoreFields(result, scheme),
    pay: linesOf(result.employeeId),
    group,
    trace: [...result.trace, ...(traces[result.employeeId] ?? [])],
    scheme,
  };
}

/** The sample appraisal's own numbers (kept when pricing fails, so HR still sees the score). */
function scoreFields(result: AppraisalResult, scheme: SchemeDefinition) {
  const grade = result.grade?.grade ?? null;
  return {
    total: result.total,
    weighted: result.weighted,
    adjustmentPoints: result.adjustmentPoints,
    adjustmentMoney: result.adjustmentMoney,
    grade,
    gradeLabel: gradeLabelOf(scheme, grade),
    sections: result.sections.map((s) => ({ id: s.id, score: s.score, weight: s.weight ?? null })),
    scheme,
  };
}

/** The preview's trace in readable lines; unknown locales fall back to English. */
export function previewExplanation(preview: SchemePreview, locale: string): string[] {
  return explain(preview.trace, languageOf(locale), preview.scheme ?? undefined);
}

const languageOf = (locale: string): ExplainLanguage => (locale.toLowerCase().startsWith('zh') ? 'zh' : 'en');
