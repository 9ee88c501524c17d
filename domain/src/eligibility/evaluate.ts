import type { EligibilityCondition, EligibilityRule, EmployeeFacts } from './rule.js';

/** Whether an employee is in scope of a scheme, and the conditions that decided it (readable English). */
export interface EligibilityResult {
  eligible: boolean;
  reasons: string[];
}

function show(value: string | boolean | string[] | undefined): string {
  if (value === undefined) return '(not set)';
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function testCondition(c: EligibilityCondition, facts: EmployeeFacts): EligibilityResult {
  const actual: string | boolean | undefined = facts[c.field];
  const list = Array.isArray(c.value) ? c.value : [c.value];
  // A fact that is not set (no category, no position level) equals nothing, so eq/in fail and neq/notIn pass.
  const member = actual !== undefined && list.some((v) => v === actual);
  const ok = c.op === 'eq' || c.op === 'in' ? member : !member;
  const verb = { eq: 'is', in: 'is one of', neq: 'is not', notIn: 'is none of' }[c.op];
  return { eligible: ok, reasons: [`${c.field} ${verb} ${show(c.value)}: ${ok ? 'yes' : 'no'} (${c.field} = ${show(actual)})`] };
}

function evaluate(rule: EligibilityRule, facts: EmployeeFacts): EligibilityResult {
  if ('all' in rule) {
    const results = rule.all.map((r) => evaluate(r, facts));
    const failed = results.filter((r) => !r.eligible);
    // Passing: every condition counted; failing: only the ones that failed matter to the reader.
    return failed.length === 0
      ? { eligible: true, reasons: results.flatMap((r) => r.reasons) }
      : { eligible: false, reasons: failed.flatMap((r) => r.reasons) };
  }
  if ('any' in rule) {
    const results = rule.any.map((r) => evaluate(r, facts));
    const passed = results.filter((r) => r.eligible);
    return passed.length > 0
      ? { eligible: true, reasons: passed.flatMap((r) => r.reasons) }
      : { eligible: false, reasons: results.length ? results.flatMap((r) => r.reasons) : ['no alternative is allowed (empty any)'] };
  }
  if ('not' in rule) {
    const inner = evaluate(rule.not, facts);
    return { eligible: !inner.eligible, reasons: inner.reasons.map((r) => `not (${r})`) };
  }
  return testCondition(rule, facts);
}

/**
 * Evaluates a scheme's eligibility rule for one employee. `all` of nothing is true, `any` of nothing
 * is false. Reasons list the leaf tests that decided the outcome.
 * Example: isEligible({ field: 'employmentStatus', op: 'eq', value: 'REGULAR' }, { employmentStatus: 'INTERN', onProbation: false, specialApproval: false, disciplinaryDecision: false }) -> { eligible: false, reasons: ['employmentStatus is REGULAR: no (employmentStatus = INTERN)'] }
 */
export function isEligible(rule: EligibilityRule, facts: EmployeeFacts): EligibilityResult {
  return evaluate(rule, facts);
}
