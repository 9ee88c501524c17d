import type { EligibilityCondition, EligibilityField, EligibilityOp, EligibilityRule, EmployeeFacts } from './rule.js';

/** Whether an employee is in scope of a scheme, and the conditions that decided it (readable English). */
export interface EligibilityResult {
  eligible: boolean;
  reasons: string[];
}

/**
 * One leaf test that decided an eligibility outcome, machine-readable: the field, operator, expected and actual
 * values, whether it held, and under how many `not`s it sits (1 = its outcome was negated once).
 */
export interface EligibilityCheck {
  field: EligibilityField;
  op: EligibilityOp;
  expected: string | boolean | string[];
  actual: string | boolean | null;
  passed: boolean;
  negations: number;
}

/** The outcome of a rule with the leaf tests that decided it (for reasons with codes and params). */
export interface EligibilityDecision {
  eligible: boolean;
  checks: EligibilityCheck[];
}

function show(value: string | boolean | string[] | null | undefined): string {
  if (value === undefined || value === null) return '(not set)';
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function testCondition(c: EligibilityCondition, facts: EmployeeFacts): EligibilityDecision {
  const actual: string | boolean | undefined = facts[c.field];
  const list = Array.isArray(c.value) ? c.value : [c.value];
  // A fact that is not set (no category, no position level) equals nothing, so eq/in fail and neq/notIn pass.
  const member = actual !== undefined && list.some((v) => v === actual);
  const ok = c.op === 'eq' || c.op === 'in' ? member : !member;
  return { eligible: ok, checks: [{ field: c.field, op: c.op, expected: c.value, actual: actual ?? null, passed: ok, negations: 0 }] };
}

function evaluate(rule: EligibilityRule, facts: EmployeeFacts): EligibilityDecision {
  if ('all' in rule) {
    const results = rule.all.map((r) => evaluate(r, facts));
    const failed = results.filter((r) => !r.eligible);
    // Passing: every condition counted; failing: only the ones that failed matter to the reader.
    return failed.length === 0
      ? { eligible: true, checks: results.flatMap((r) => r.checks) }
      : { eligible: false, checks: failed.flatMap((r) => r.checks) };
  }
  if ('any' in rule) {
    const results = rule.any.map((r) => evaluate(r, facts));
    const passed = results.filter((r) => r.eligible);
    return passed.length > 0 ? { eligible: true, checks: passed.flatMap((r) => r.checks) } : { eligible: false, checks: results.flatMap((r) => r.checks) };
  }
  if ('not' in rule) {
    const inner = evaluate(rule.not, facts);
    return { eligible: !inner.eligible, checks: inner.checks.map((c) => ({ ...c, negations: c.negations + 1 })) };
  }
  return testCondition(rule, facts);
}

/**
 * Evaluates a scheme's eligibility rule for one employee and returns the deciding leaf tests as data, so a
 * population list can give machine-readable reasons. Same semantics as isEligible.
 * Example: decideEligibility({ field: 'onProbation', op: 'eq', value: false }, probationer) -> { eligible: false, checks: [{ field: 'onProbation', op: 'eq', expected: false, actual: true, passed: false, negations: 0 }] }
 */
export function decideEligibility(rule: EligibilityRule, facts: EmployeeFacts): EligibilityDecision {
  return evaluate(rule, facts);
}

/** Renders one deciding test in English. Example: describeEligibilityCheck(check) -> 'onProbation is false: no (onProbation = true)' */
export function describeEligibilityCheck(c: EligibilityCheck): string {
  const verb = { eq: 'is', in: 'is one of', neq: 'is not', notIn: 'is none of' }[c.op];
  let text = `${c.field} ${verb} ${show(c.expected)}: ${c.passed ? 'yes' : 'no'} (${c.field} = ${show(c.actual)})`;
  for (let i = 0; i < c.negations; i++) text = `not (${text})`;
  return text;
}

/**
 * Evaluates a scheme's eligibility rule for one employee. `all` of nothing is true, `any` of nothing
 * is false. Reasons list the leaf tests that decided the outcome.
 * Example: isEligible({ field: 'employmentStatus', op: 'eq', value: 'REGULAR' }, { employmentStatus: 'INTERN', onProbation: false, specialApproval: false, disciplinaryDecision: false }) -> { eligible: false, reasons: ['employmentStatus is REGULAR: no (employmentStatus = INTERN)'] }
 */
export function isEligible(rule: EligibilityRule, facts: EmployeeFacts): EligibilityResult {
  const d = evaluate(rule, facts);
  const reasons = d.checks.map(describeEligibilityCheck);
  // An `any` of nothing has no leaf to show; say so rather than give an empty list.
  if (!d.eligible && reasons.length === 0 && 'any' in rule) reasons.push('no alternative is allowed (empty any)');
  return { eligible: d.eligible, reasons };
}
