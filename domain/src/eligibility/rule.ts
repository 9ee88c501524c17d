import { z } from 'zod';
import type { Checked } from '../issues.js';
import { zodToDomainIssues } from '../calendar/zod-issues.js';

/** The facts about one employee an eligibility rule can test (assembled by the API from HR records). */
export type EmployeeFacts = {
  employmentStatus: 'PROBATION' | 'REGULAR' | 'INTERN' | 'LEFT';
  category?: string;
  onProbation: boolean;
  specialApproval: boolean;
  disciplinaryDecision: boolean;
  positionLevel?: string;
  departmentId?: string;
  positionId?: string;
};

/** Fact names a rule leaf can test. */
export type EligibilityField =
  | 'employmentStatus'
  | 'category'
  | 'onProbation'
  | 'specialApproval'
  | 'disciplinaryDecision'
  | 'positionLevel'
  | 'departmentId'
  | 'positionId';

/** Comparison of a leaf: equal, one of, not equal, none of. */
export type EligibilityOp = 'eq' | 'in' | 'neq' | 'notIn';

/** A leaf test of one fact. */
export type EligibilityCondition = { field: EligibilityField; op: EligibilityOp; value: string | boolean | string[] };

/** Who a scheme applies to, as a predicate tree: all / any / not over leaf conditions. */
export type EligibilityRule = { all: EligibilityRule[] } | { any: EligibilityRule[] } | { not: EligibilityRule } | EligibilityCondition;

/** Facts that hold booleans (tested with eq / neq and true or false). */
export const BOOLEAN_ELIGIBILITY_FIELDS: readonly EligibilityField[] = ['onProbation', 'specialApproval', 'disciplinaryDecision'];
// The same list as org's EMPLOYMENT_STATUSES, restated so eligibility does not depend on the org module.
const KNOWN_STATUSES: readonly string[] = ['PROBATION', 'REGULAR', 'INTERN', 'LEFT'] satisfies EmployeeFacts['employmentStatus'][];

const conditionSchema = z
  .strictObject({
    field: z.enum(['employmentStatus', 'category', 'onProbation', 'specialApproval', 'disciplinaryDecision', 'positionLevel', 'departmentId', 'positionId']),
    op: z.enum(['eq', 'in', 'neq', 'notIn']),
    value: z.union([z.string(), z.boolean(), z.array(z.string())]),
  })
  .superRefine((c, ctx) => {
    // The value's type must fit the field and the operator, or the rule would silently never match.
    const isBool = BOOLEAN_ELIGIBILITY_FIELDS.includes(c.field);
    const isList = c.op === 'in' || c.op === 'notIn';
    if (isBool && (isList || typeof c.value !== 'boolean')) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.field} takes eq/neq with true or false` });
      return;
    }
    if (!isBool && isList && !Array.isArray(c.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} needs a list of values` });
      return;
    }
    if (!isBool && !isList && typeof c.value !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} needs a single text value` });
      return;
    }
    if (c.field === 'employmentStatus') {
      const values = Array.isArray(c.value) ? c.value : [c.value];
      values.forEach((v, i) => {
        if (typeof v !== 'string' || !KNOWN_STATUSES.includes(v)) {
          ctx.addIssue({ code: 'custom', path: Array.isArray(c.value) ? ['value', i] : ['value'], message: `unknown employment status ${String(v)}` });
        }
      });
    }
  });

/** Zod schema of an EligibilityRule (recursive), for embedding in the scheme document. Example: eligibilityRuleSchema.parse({ field: 'employmentStatus', op: 'eq', value: 'REGULAR' }) */
export const eligibilityRuleSchema: z.ZodType<EligibilityRule> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(eligibilityRuleSchema) }),
    z.strictObject({ any: z.array(eligibilityRuleSchema) }),
    z.strictObject({ not: eligibilityRuleSchema }),
    conditionSchema,
  ]),
);

/** Validates an eligibility rule document, reporting every problem with its path. Example: checkEligibilityRule({ field: 'onProbation', op: 'in', value: ['x'] }).ok -> false */
export function checkEligibilityRule(input: unknown): Checked<EligibilityRule> {
  const parsed = eligibilityRuleSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: zodToDomainIssues(parsed.error.issues) };
}
