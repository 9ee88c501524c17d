import { describe, expect, it } from 'vitest';
import { wouldCreateDepartmentCycle } from './department-rules.js';
import { isIsoDate, normalizeMoney, validateEmployeeFields, wouldCreateSupervisorCycle } from './employee-rules.js';

describe('employee field rules', () => {
  it('accepts a complete, valid record', () => {
    expect(
      validateEmployeeFields(
        { employeeNumber: 'E-001', name: 'Li Na', hireDate: '2026-03-01', employmentStatus: 'REGULAR', performancePayBase: '900.00' },
        true,
      ),
    ).toEqual([]);
  });

  it('reports every broken rule with its field and code', () => {
    const issues = validateEmployeeFields(
      { employeeNumber: 'bad number!', name: 'X', hireDate: '2026-02-30', employmentStatus: 'RETIRED', performancePayBase: '-5' },
      true,
    );
    expect(issues.map((i) => `${i.path.join('.')}:${i.code}`).sort()).toEqual([
      'employeeNumber:format',
      'employmentStatus:one_of',
      'hireDate:date',
      'performancePayBase:money',
    ]);
  });

  it('requires the mandatory fields on create only', () => {
    expect(validateEmployeeFields({}, true).map((i) => i.path[0])).toEqual(['employeeNumber', 'name', 'hireDate', 'employmentStatus']);
    expect(validateEmployeeFields({}, false)).toEqual([]);
  });

  it('rejects a probation that ends before the hire date, and probation without an end', () => {
    expect(validateEmployeeFields({ hireDate: '2026-05-01', probationEndDate: '2026-04-30' }, false)[0]?.code).toBe('before_hire_date');
    const onProbation = validateEmployeeFields({ employeeNumber: 'E1', name: 'A', hireDate: '2026-05-01', employmentStatus: 'PROBATION' }, true);
    expect(onProbation.map((i) => i.code)).toEqual(['required_on_probation']);
  });

  it('checks dates and money exactly', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(normalizeMoney('900')).toBe('900.00');
    expect(normalizeMoney('0900.5')).toBe('900.50');
    expect(normalizeMoney('0.5')).toBe('0.50');
  });
});

describe('cycle detection', () => {
  const chain: Record<string, string | null> = { worker: 'lead', lead: 'director', director: null };
  const supervisorOf = (id: string) => chain[id] ?? null;

  it('finds a supervisor loop through the proposed supervisor', () => {
    expect(wouldCreateSupervisorCycle('director', 'worker', supervisorOf)).toBe(true);
    expect(wouldCreateSupervisorCycle('director', 'director', supervisorOf)).toBe(true);
    expect(wouldCreateSupervisorCycle('worker', 'director', supervisorOf)).toBe(false);
  });

  it('terminates on a pre-existing loop that does not involve the employee', () => {
    const loop: Record<string, string> = { a: 'b', b: 'a' };
    expect(wouldCreateSupervisorCycle('x', 'a', (id) => loop[id])).toBe(false);
  });

  it('finds department loops the same way', () => {
    const parents: Record<string, string | null> = { welding: 'workshop', workshop: 'group', group: null };
    expect(wouldCreateDepartmentCycle('group', 'welding', (id) => parents[id])).toBe(true);
    expect(wouldCreateDepartmentCycle('welding', 'group', (id) => parents[id])).toBe(false);
  });
});

describe('probation end date on updates', () => {
  it('is required when the record being saved is on probation without an end date', () => {
    expect(validateEmployeeFields({ employmentStatus: 'PROBATION', probationEndDate: null }, false).map((i) => i.code)).toEqual(['required_on_probation']);
    expect(validateEmployeeFields({ employmentStatus: 'PROBATION' }, false)).toEqual([]);
  });
});
