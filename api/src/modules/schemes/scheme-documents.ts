import { formatPath, type DomainIssue, type SchemeDefinition, seedPrograms, type SeedProgramKey, validateScheme } from '@appraisal/domain';
import { AppError, type FieldProblem } from '../../core/errors.js';
import { SchemePeriod } from './scheme.entity.js';

/** Domain issues as API problems, the field being the path the user reads: `sections[1].weight`. */
export function issueProblems(issues: readonly DomainIssue[], prefix: ReadonlyArray<string | number> = []): FieldProblem[] {
  return issues.map((issue) => ({ field: formatPath([...prefix, ...issue.path]) || 'document', rule: issue.code, message: issue.message, ...(issue.params ? { params: issue.params } : {}) }));
}

export const toDocumentPeriod = (period: SchemePeriod): SchemeDefinition['period'] => period.toLowerCase() as SchemeDefinition['period'];
export const fromDocumentPeriod = (period: SchemeDefinition['period']): SchemePeriod => period.toUpperCase() as SchemePeriod;

export const isSeedProgramKey = (key: string): key is SeedProgramKey => Object.hasOwn(seedPrograms, key);

/**
 * Validates a document with the engine; throws VALIDATION_FAILED naming every issue by its path.
 * Returns the parsed document (what gets stored).
 */
export function assertValidDocument(document: unknown): SchemeDefinition {
  const checked = validateScheme(document);
  if (checked.ok) return checked.value;
  const problems = issueProblems(checked.issues);
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `The scheme document is invalid: ${summary}`, problems);
}

/** A stored document: validated when it was saved, so reading it back needs no second check. */
export const storedDocument = (json: Record<string, unknown>): SchemeDefinition => json as unknown as SchemeDefinition;

/** The smallest valid document: one section, one item, two grades; what "create scheme" starts from. */
export function skeletonDocument(code: string, name: { en: string; zh: string }, period: SchemeDefinition['period']): SchemeDefinition {
  return {
    formatVersion: 1,
    code,
    name,
    period,
    notes: [],
    sectionWeighting: 'weighted',
    sections: [
      {
        id: 'performance',
        name: { en: 'Performance', zh: '工作业绩' },
        weight: '100',
        raters: [{ role: 'DIRECT_SUPERVISOR', weight: '100' }],
        missingRater: { policy: 'fail' },
        itemWeighting: 'points',
        items: [
          {
            id: 'overall',
            indicatorCode: 'GENERAL',
            name: { en: 'Overall performance', zh: '总体表现' },
            maxPoints: '100',
            method: { kind: 'range', min: '0', max: '100' },
          },
        ],
      },
    ],
    adjustments: { rules: [], caps: {} },
    total: { floor: '0', cap: '100' },
    rounding: { places: 1, mode: 'halfUp', applyAt: ['total'] },
    rollups: [],
    grades: {
      bands: [
        { grade: 'pass', label: { en: 'Pass', zh: '合格' }, min: '60', minInclusive: true, max: '100', maxInclusive: true },
        { grade: 'fail', label: { en: 'Fail', zh: '不合格' }, min: '0', minInclusive: true, max: '60', maxInclusive: false },
      ],
      rules: [],
    },
    pay: [],
  };
}

/** Indicator codes a document's items reference (deduplicated, sorted). */
export function indicatorCodesOf(doc: SchemeDefinition): string[] {
  return [...new Set(doc.sections.flatMap((s) => s.items.map((i) => i.indicatorCode)))].sort();
}
