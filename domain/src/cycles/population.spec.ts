import { describe, expect, it } from 'vitest';
import { seedPrograms } from '../programs/index.js';
import { buildPopulation, type PopulationEmployee } from './population.js';
import { assignRaters, changeRater, ratersFor, type OrgDirectory } from './raters.js';

const span = { start: '2026-04-26', end: '2026-05-25' };
const worker = (employeeId: string, over: Partial<PopulationEmployee> = {}): PopulationEmployee => ({
  employeeId,
  departmentLineage: ['welding', 'workshop', 'production'],
  positionId: 'welder',
  employmentStatus: 'REGULAR',
  category: 'production_frontline',
  hireDate: '2024-03-01',
  probationEndDate: null,
  disciplinaryDecision: false,
  specialApproval: false,
  active: true,
  ...over,
});
const target = { departmentIds: ['workshop'], positionIds: [] };

describe('buildPopulation: Part 4 Article 3', () => {
  const employees = [
    worker('w1'),
    worker('probationer', { employmentStatus: 'PROBATION', probationEndDate: '2026-07-31', hireDate: '2026-02-01' }),
    worker('intern', { employmentStatus: 'INTERN' }),
    worker('approvedIntern', { employmentStatus: 'INTERN', specialApproval: true }),
    worker('disciplined', { disciplinaryDecision: true, specialApproval: true }),
    worker('engineer', { category: 'technical', departmentLineage: ['tech', 'production'] }),
    worker('gone', { employmentStatus: 'LEFT', active: false }),
    worker('newcomer', { hireDate: '2026-06-01' }),
  ];

  it('includes regular first-line staff and specially approved people, excludes probation, interns and disciplinary decisions, with reasons', () => {
    const p = buildPopulation({ scheme: seedPrograms.workshop, span, target, employees });
    expect(p.included.map((e) => e.employeeId)).toEqual(['w1', 'approvedIntern']);
    expect(p.excluded.map((e) => [e.employeeId, e.reasons.map((r) => r.code)])).toEqual([
      ['probationer', ['population_not_eligible']],
      ['intern', ['population_not_eligible']],
      ['disciplined', ['population_not_eligible']],
      ['engineer', ['population_outside_target', 'population_not_eligible']],
      ['gone', ['population_left', 'population_not_eligible']],
      ['newcomer', ['population_hired_after_period']],
    ]);
    const w1 = p.included[0];
    expect(w1?.reasons.map((r) => [r.code, r.params])).toEqual([
      ['population_in_target', { via: 'department', id: 'workshop' }],
      [
        'population_eligible',
        { conditions: 'disciplinaryDecision is false: yes (disciplinaryDecision = false); employmentStatus is not LEFT: yes (employmentStatus = REGULAR); employmentStatus is REGULAR: yes (employmentStatus = REGULAR); onProbation is false: yes (onProbation = false); category is production_frontline: yes (category = production_frontline)' },
      ],
    ]);
    const disciplined = p.excluded.find((e) => e.employeeId === 'disciplined');
    expect(disciplined?.reasons[0]?.checks).toEqual([{ field: 'disciplinaryDecision', op: 'eq', expected: false, actual: true, passed: false, negations: 0 }]);
    expect(p.excluded.find((e) => e.employeeId === 'newcomer')?.reasons[0]?.params).toEqual({ hireDate: '2026-06-01', periodEnd: '2026-05-25' });
  });

  it('applies HR additions and removals with reasons, keeping the rule verdict they override', () => {
    const p = buildPopulation({
      scheme: seedPrograms.workshop,
      span,
      target,
      employees,
      changes: [
        { employeeId: 'probationer', action: 'add', reason: 'covers the welding shortage, approved by the minister' },
        { employeeId: 'w1', action: 'remove', reason: 'seconded to the Shanghai plant' },
      ],
    });
    expect(p.issues).toEqual([]);
    expect(p.included.map((e) => [e.employeeId, e.manual, e.reasons.map((r) => r.code)])).toEqual([
      ['probationer', 'add', ['population_added_by_hr', 'population_not_eligible', 'population_in_target']],
      ['approvedIntern', undefined, ['population_in_target', 'population_eligible']],
    ]);
    expect(p.excluded[0]).toMatchObject({ employeeId: 'w1', manual: 'remove', reasons: [{ code: 'population_removed_by_hr', params: { reason: 'seconded to the Shanghai plant' } }] });
  });

  it('refuses changes without a reason, for unknown people, or adding and removing the same person', () => {
    const p = buildPopulation({
      scheme: seedPrograms.workshop,
      span,
      target,
      employees,
      changes: [
        { employeeId: 'intern', action: 'add', reason: '' },
        { employeeId: 'nobody', action: 'remove', reason: 'x' },
        { employeeId: 'w1', action: 'remove', reason: 'x' },
        { employeeId: 'w1', action: 'add', reason: 'y' },
      ],
    });
    expect(p.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['population_reason_required', 'changes.0.reason'],
      ['population_unknown_employee', 'changes.1.employeeId'],
      ['population_change_conflict', 'changes.3'],
    ]);
    expect(p.excluded.find((e) => e.employeeId === 'intern')?.manual).toBeUndefined();
  });

  it('treats a scheme without eligibility as everyone targeted, and positions as targets', () => {
    const p = buildPopulation({ scheme: seedPrograms.cafeteria, span, target: { departmentIds: [], positionIds: ['cook'] }, employees: [worker('c1', { positionId: 'cook' }), worker('w1')] });
    expect(p.included.map((e) => [e.employeeId, e.reasons.map((r) => r.code)])).toEqual([['c1', ['population_in_target', 'population_no_eligibility_rule']]]);
  });

  it('counts a re-positioned employee with a new probation as on probation', () => {
    const p = buildPopulation({ scheme: seedPrograms.workshop, span, target, employees: [worker('moved', { probationEndDate: '2026-06-30' })] });
    expect(p.excluded[0]?.reasons[0]?.checks?.map((c) => [c.field, c.actual])).toContainEqual(['onProbation', true]);
  });
});

describe('assignRaters', () => {
  // director -> shiftLead -> teamLead -> welder (Part 4 Article 12: level by level)
  const org: OrgDirectory = {
    supervisorOf: new Map<string, string | null>([
      ['welder', 'teamLead'],
      ['teamLead', 'shiftLead'],
      ['shiftLead', 'director'],
      ['director', null],
      ['hr1', 'hrHead'],
      ['hrHead', null],
    ]),
    lineageOf: new Map([
      ['welder', ['welding', 'workshop']],
      ['teamLead', ['welding', 'workshop']],
      ['shiftLead', ['workshop']],
      ['director', ['workshop']],
      ['hr1', ['hr']],
      ['hrHead', ['hr']],
    ]),
    departmentRaters: new Map([['workshop', ['director']]]),
    hrReviewers: new Map([['workshop', ['hr1']]]),
    hrDefault: ['hrHead'],
    committee: ['c1', 'c2'],
    peers: new Map([['welder', ['w2', 'welder', 'w3']]]),
  };

  it('resolves the supervisor chain level by level, the department rater, HR and chosen peers; nobody rates themself', () => {
    expect(ratersFor('DIRECT_SUPERVISOR', 'welder', org)).toEqual(['teamLead']);
    expect(ratersFor('SECOND_LEVEL_SUPERVISOR', 'welder', org)).toEqual(['shiftLead']);
    expect(ratersFor('DEPARTMENT', 'welder', org)).toEqual(['director']);
    expect(ratersFor('DEPARTMENT', 'director', org)).toEqual([]);
    expect(ratersFor('HR', 'welder', org)).toEqual(['hr1']);
    expect(ratersFor('HR', 'hr1', org)).toEqual(['hrHead']);
    expect(ratersFor('PEER', 'welder', org)).toEqual(['w2', 'w3']);
    expect(ratersFor('COMMITTEE', 'welder', org)).toEqual(['c1', 'c2']);
  });

  it('gives Part 5 appraisals self, direct supervisor, supervisor in charge and HR slots', () => {
    const a = assignRaters(seedPrograms.headquarters, 'welder', org);
    expect(a.slots.map((s) => s.key)).toEqual(['self/SELF/welder', 'scale/DIRECT_SUPERVISOR/teamLead', 'scale/SECOND_LEVEL_SUPERVISOR/shiftLead', 'scale/HR/hr1']);
    expect(a.unresolved).toEqual([]);
  });

  it('reports roles nobody fills with the policy: renormalised scale raters do not block, unless none is left', () => {
    const top = assignRaters(seedPrograms.headquarters, 'director', org);
    expect(top.unresolved.map((u) => [u.code, u.policy, u.blocking])).toEqual([
      ['rater_no_supervisor', 'renormalise', false],
      ['rater_no_second_level_supervisor', 'renormalise', false],
    ]);
    const alone: OrgDirectory = { ...org, hrReviewers: new Map(), hrDefault: [] };
    expect(assignRaters(seedPrograms.headquarters, 'director', alone).unresolved.map((u) => [u.role, u.blocking])).toEqual([
      ['DIRECT_SUPERVISOR', true],
      ['SECOND_LEVEL_SUPERVISOR', true],
      ['HR', true],
    ]);
  });

  it('blocks under the fail policy (nursing) and gives the survey a data slot', () => {
    const a = assignRaters(seedPrograms.nursing, 'director', org);
    expect(a.slots.map((s) => [s.key, s.source])).toEqual([['satisfaction/SURVEY/data', 'data']]);
    expect(a.unresolved.map((u) => [u.code, u.blocking, u.params])).toEqual([
      ['rater_no_supervisor', true, { section: 'headNurse', role: 'DIRECT_SUPERVISOR', employeeId: 'director', policy: 'fail' }],
      ['rater_no_department_rater', true, { section: 'nursingDept', role: 'DEPARTMENT', employeeId: 'director', policy: 'fail' }],
    ]);
  });

  it('lets HR replace a rater with a reason, refusing submitted ratings, the subject, duplicates and fixed slots', () => {
    const a = assignRaters(seedPrograms.headquarters, 'welder', org);
    const ok = changeRater(seedPrograms.headquarters, a, { section: 'scale', role: 'HR', from: 'hr1', to: 'hrHead', reason: 'hr1 on leave' }, new Set());
    expect(ok).toEqual({
      ok: true,
      value: {
        removed: { key: 'scale/HR/hr1', section: 'scale', role: 'HR', raterId: 'hr1', source: 'person' },
        added: { key: 'scale/HR/hrHead', section: 'scale', role: 'HR', raterId: 'hrHead', source: 'person' },
      },
    });
    const bad = changeRater(seedPrograms.headquarters, a, { section: 'scale', role: 'HR', from: 'hr1', to: 'welder', reason: '' }, new Set(['scale/HR/hr1']));
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(['rater_change_reason', 'rater_is_subject', 'rater_reassign_submitted']);
    const dup = changeRater(seedPrograms.headquarters, a, { section: 'scale', role: 'DIRECT_SUPERVISOR', to: 'teamLead', reason: 'x' }, new Set());
    expect(dup.ok ? [] : dup.issues.map((i) => i.code)).toEqual(['rater_duplicate']);
    const self = changeRater(seedPrograms.headquarters, a, { section: 'self', role: 'SELF', from: 'welder', to: 'teamLead', reason: 'x' }, new Set());
    expect(self.ok ? [] : self.issues.map((i) => i.code)).toEqual(['rater_slot_fixed']);
    const role = changeRater(seedPrograms.headquarters, a, { section: 'self', role: 'PEER', to: 'w2', reason: 'x' }, new Set());
    expect(role.ok ? [] : role.issues.map((i) => i.code)).toEqual(['rater_role_not_in_section']);
  });
});
