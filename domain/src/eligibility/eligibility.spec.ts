import { describe, expect, it } from 'vitest';
import { decideEligibility, isEligible } from './evaluate.js';
import { checkEligibilityRule, eligibilityRuleSchema, type EligibilityRule, type EmployeeFacts } from './rule.js';
import { workshopOutputEligibility } from './workshop.js';

const regularWelder: EmployeeFacts = {
  employmentStatus: 'REGULAR',
  category: 'production_frontline',
  onProbation: false,
  specialApproval: false,
  disciplinaryDecision: false,
  departmentId: 'production-processing',
};

describe('Part 4, Article 3: who the workshop output-value appraisal applies to', () => {
  it('(a) applies to regular first-line production employees', () => {
    const r = isEligible(workshopOutputEligibility, regularWelder);
    expect(r.eligible).toBe(true);
    expect(r.reasons).toContain('category is production_frontline: yes (category = production_frontline)');
  });

  it('(b) applies to others with a written special approval', () => {
    const engineer: EmployeeFacts = { ...regularWelder, category: 'technical', specialApproval: true };
    expect(isEligible(workshopOutputEligibility, engineer).eligible).toBe(true);
    expect(isEligible(workshopOutputEligibility, { ...engineer, specialApproval: false }).eligible).toBe(false);
  });

  it('(c) excludes probationers and interns in principle, unless specially approved', () => {
    const probationer: EmployeeFacts = { ...regularWelder, employmentStatus: 'PROBATION', onProbation: true };
    const intern: EmployeeFacts = { ...regularWelder, employmentStatus: 'INTERN' };
    const p = isEligible(workshopOutputEligibility, probationer);
    expect(p.eligible).toBe(false);
    expect(p.reasons).toEqual([
      'employmentStatus is REGULAR: no (employmentStatus = PROBATION)',
      'onProbation is false: no (onProbation = true)',
      'specialApproval is true: no (specialApproval = false)',
    ]);
    expect(isEligible(workshopOutputEligibility, intern).eligible).toBe(false);
    expect(isEligible(workshopOutputEligibility, { ...intern, specialApproval: true }).eligible).toBe(true);
  });

  it('(d) never applies to someone with a written disciplinary decision, even with special approval', () => {
    const r = isEligible(workshopOutputEligibility, { ...regularWelder, specialApproval: true, disciplinaryDecision: true });
    expect(r).toEqual({ eligible: false, reasons: ['disciplinaryDecision is false: no (disciplinaryDecision = true)'] });
  });

  it('excludes people who have left', () => {
    expect(isEligible(workshopOutputEligibility, { ...regularWelder, employmentStatus: 'LEFT', specialApproval: true }).eligible).toBe(false);
  });

  it('is a valid rule document', () => {
    expect(checkEligibilityRule(workshopOutputEligibility).ok).toBe(true);
    expect(eligibilityRuleSchema.parse(JSON.parse(JSON.stringify(workshopOutputEligibility)))).toEqual(workshopOutputEligibility);
  });
});

describe('isEligible operators', () => {
  it('in / notIn / neq and missing facts', () => {
    const nurse: EmployeeFacts = { employmentStatus: 'REGULAR', onProbation: false, specialApproval: false, disciplinaryDecision: false, positionLevel: 'N2' };
    expect(isEligible({ field: 'positionLevel', op: 'in', value: ['N1', 'N2'] }, nurse).eligible).toBe(true);
    expect(isEligible({ field: 'positionLevel', op: 'notIn', value: ['N3', 'N4'] }, nurse).eligible).toBe(true);
    expect(isEligible({ field: 'positionLevel', op: 'neq', value: 'N2' }, nurse).eligible).toBe(false);
    // No department on record: equals nothing, differs from everything.
    expect(isEligible({ field: 'departmentId', op: 'eq', value: 'icu' }, nurse)).toEqual({
      eligible: false,
      reasons: ['departmentId is icu: no (departmentId = (not set))'],
    });
    expect(isEligible({ field: 'departmentId', op: 'notIn', value: ['icu'] }, nurse).eligible).toBe(true);
  });

  it('all of nothing is true, any of nothing is false, not negates with reasons', () => {
    const facts = regularWelder;
    expect(isEligible({ all: [] }, facts).eligible).toBe(true);
    expect(isEligible({ any: [] }, facts).eligible).toBe(false);
    const r = isEligible({ not: { field: 'onProbation', op: 'eq', value: true } }, facts);
    expect(r).toEqual({ eligible: true, reasons: ['not (onProbation is true: no (onProbation = false))'] });
  });
});

describe('checkEligibilityRule', () => {
  it('rejects values that do not fit the field or operator, with paths', () => {
    const rule = {
      all: [
        { field: 'onProbation', op: 'in', value: ['x'] },
        { field: 'category', op: 'in', value: 'frontline' },
        { field: 'category', op: 'eq', value: ['a'] },
        { field: 'employmentStatus', op: 'in', value: ['REGULAR', 'CONTRACTOR'] },
        { field: 'salary', op: 'eq', value: '1' },
      ],
    };
    const r = checkEligibilityRule(rule);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(['all.0.value', 'all.1.value', 'all.2.value', 'all.3.value.1', 'all.4.field']);
    }
  });

  it('accepts a realistic hospital rule (all regular nurses except on probation)', () => {
    const rule: EligibilityRule = {
      all: [{ field: 'category', op: 'eq', value: 'nursing' }, { not: { field: 'onProbation', op: 'eq', value: true } }],
    };
    expect(checkEligibilityRule(rule)).toEqual({ ok: true, value: rule });
  });
});

describe('decideEligibility', () => {
  it('returns the deciding tests as data, with negation depth, matching isEligible', () => {
    const probationer: EmployeeFacts = { ...regularWelder, employmentStatus: 'PROBATION', onProbation: true };
    const d = decideEligibility(workshopOutputEligibility, probationer);
    expect(d.eligible).toBe(false);
    expect(d.checks.map((c) => [c.field, c.actual, c.passed])).toEqual([
      ['employmentStatus', 'PROBATION', false],
      ['onProbation', true, false],
      ['specialApproval', false, false],
    ]);
    const n = decideEligibility({ not: { field: 'category', op: 'eq', value: 'x' } }, { ...regularWelder, category: undefined });
    expect(n).toEqual({ eligible: true, checks: [{ field: 'category', op: 'eq', expected: 'x', actual: null, passed: false, negations: 1 }] });
  });
});
