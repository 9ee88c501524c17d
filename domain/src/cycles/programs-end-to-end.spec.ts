import { describe, expect, it } from 'vitest';
import { cnYears } from '../calendar/__fixtures__/cn-years.js';
import { seedPrograms } from '../programs/index.js';
import type { ItemInput } from '../scoring/index.js';
import { runCycle, simpleOrg, staff } from './__fixtures__/run-cycle.js';
import { explainPublished } from './publication.js';
import { occurrenceInputs, surveyValues, validateOccurrence, validateWorkTicket, workshopOutputValue, type OccurrenceEntry, type WorkTicket } from './measured.js';
import { computeRollup } from './rollups.js';
import { checkActionWindow } from './windows.js';

// Each seed program runs through the cycle functions as the API will call them: schedule on HR's calendar,
// population, raters, forms and measured inputs, results, calibration, publication check, group pay, roll-ups.

describe('Part 1 hotel audit: a day cycle from the auditor\'s occurrence log to the day\'s wage', () => {
  const day = { start: '2025-10-09', end: '2025-10-09' };
  const log: OccurrenceEntry[] = [
    { date: '2025-10-09', item: 'dailyConduct', rule: 'handoverUnclear', count: 1, note: 'night shift handover' },
    { date: '2025-10-09', item: 'dailyConduct', rule: 'complaint', count: 1, note: 'guest complaint, room 1208' },
  ];
  const run = () =>
    runCycle({
      scheme: seedPrograms.hotelAudit,
      schemeVersionId: 'hotelAudit-v1',
      period: { kind: 'day', date: '2025-10-09' },
      calendar: cnYears,
      target: { departmentIds: [], positionIds: ['auditClerk'] },
      employees: [staff('clerkA', ['audit'], { positionId: 'auditClerk' }), staff('clerkB', ['audit'], { positionId: 'auditClerk' }), staff('auditor', ['audit'], { positionId: 'chiefAuditor' })],
      org: simpleOrg({ supervisors: { clerkA: 'auditor', clerkB: 'auditor', auditor: null }, lineage: { clerkA: ['audit'], clerkB: ['audit'], auditor: ['audit'] } }),
      ratingDay: '2025-10-10',
      rate: (_slot, employeeId) => (employeeId === 'clerkB' ? occurrenceInputs(log) : { dailyConduct: { occurrences: {} } }),
      groupOf: () => 'audit',
      payFacts: { clerkA: { base: '200' }, clerkB: { base: '150' } },
    });

  it('validates the log, scores 100 and 20 points, and pays 200.00 and 30.00 of the day\'s wages', () => {
    for (const e of log) expect(validateOccurrence(seedPrograms.hotelAudit, e, day)).toEqual([]);
    const r = run();
    expect(r.schedule.phases.map((p) => [p.phase, p.opens, p.closes])).toEqual([['rating', '2025-10-09', '2025-10-10']]);
    expect(r.population.included.map((e) => e.employeeId)).toEqual(['clerkA', 'clerkB']);
    expect(r.population.excluded.map((e) => [e.employeeId, e.reasons[0]?.code])).toEqual([['auditor', 'population_outside_target']]);
    expect([...r.records.values()].map((x) => [x.employeeId, x.output.total])).toEqual([
      ['clerkA', '100'],
      ['clerkB', '20'],
    ]);
    expect(r.pay.totals).toEqual({ clerkA: '200.00', clerkB: '30.00' });
    expect(r.publish).toEqual({ ok: true, overridden: [] });
    expect(explainPublished(r.published.get('clerkB')!, 'en', seedPrograms.hotelAudit).at(-1)).toBe("Pay, Day's wage: 30.00 yuan = the day's wage 150 × 20 of 100 points (20%)");
  });

  it('refuses the sheet after the next working day', () => {
    const phases = run().schedule.phases;
    expect(checkActionWindow({ action: 'rating.submit', today: '2025-10-11', phases, target: { appraisalId: 'x' } })).toMatchObject({ ok: false, issue: { code: 'phase_closed', params: { phase: 'rating', closedOn: '2025-10-10' } } });
  });
});

describe('Part 2 cafeteria: September 2025 rated by October 9 (the 5th postponed past National Day), paid by band, annual average', () => {
  const points: Record<string, [string, string, string, string, string]> = {
    cookA85: ['22', '23', '18', '12', '10'],
    cookB75: ['20', '20', '15', '10', '10'],
    cookA65: ['18', '17', '12', '9', '9'],
    cookB59: ['15', '15', '12', '9', '8'],
  };
  const ids = ['hygiene', 'foodQuality', 'service', 'discipline', 'safety'];
  const cooks = Object.keys(points);
  const run = runCycle({
    scheme: seedPrograms.cafeteria,
    schemeVersionId: 'cafeteria-v1',
    period: { kind: 'month', key: '2025-09' },
    calendar: cnYears,
    target: { departmentIds: ['canteen'], positionIds: [] },
    employees: [...cooks.map((c) => staff(c, ['canteen', 'logistics'])), staff('newCook', ['canteen', 'logistics'], { hireDate: '2025-10-08' })],
    org: simpleOrg({ supervisors: { ...Object.fromEntries(cooks.map((c) => [c, 'chef'])), newCook: 'chef' }, lineage: Object.fromEntries(cooks.map((c) => [c, ['canteen', 'logistics']])) }),
    ratingDay: '2025-10-09',
    rate: (_slot, employeeId) => Object.fromEntries(ids.map((id, i) => [id, { points: points[employeeId]?.[i] ?? '0' }])),
    groupOf: () => 'canteen',
    payFacts: { cookA85: { base: '900' }, cookB75: { base: '600' }, cookA65: { base: '900' }, cookB59: { base: '600' } },
  });

  it('computes the window, the population, the totals, grades and 100 / 80 / 60 / 0 % pay', () => {
    expect(run.schedule.phases[0]).toMatchObject({ phase: 'rating', opens: '2025-10-01', closes: '2025-10-09', nominalCloses: '2025-10-05', postponed: true });
    expect(run.population.excluded.map((e) => [e.employeeId, e.reasons[0]?.code])).toEqual([['newCook', 'population_hired_after_period']]);
    expect([...run.records.values()].map((r) => [r.output.total, r.output.grade?.grade])).toEqual([
      ['85', 'A'],
      ['75', 'B'],
      ['65', 'C'],
      ['59', 'D'],
    ]);
    expect(run.pay.totals).toEqual({ cookA85: '900.00', cookB75: '480.00', cookA65: '540.00', cookB59: '0.00' });
    expect(run.publish.ok).toBe(true);
  });

  it('rolls twelve months up into the annual average (83.5, grade A)', () => {
    const months = ['85', '90', '78', '82', '88', '91', '76', '80', '84', '86', '79', '83'];
    const children = new Map(months.map((m, i) => [`2025-${String(i + 1).padStart(2, '0')}`, { own: m }]));
    const annual = computeRollup(seedPrograms.cafeteria, 'annual', '2025', children);
    expect(annual.ok && [annual.value.value, annual.value.grade]).toEqual(['83.5', 'A']);
  });
});

describe('Part 3 nursing: a ward of ten, the seed\'s 93.1 nurse, the 30/50/20 distribution', () => {
  // Nurses scored evenly at x: head nurse x, department x (ethics 40%, exams 30% each), satisfaction x %, so the total is x.
  const even = (x: number) => ({
    head: Object.fromEntries(['workCompletion', 'businessAbility', 'workEfficiency', 'workQuality', 'laborDiscipline', 'attitude', 'attendance', 'solidarity', 'errorsAccidents', 'serviceAttitude'].map((id) => [id, { points: String(x / 10) }])),
    dept: { medicalEthics: { points: String((x * 4) / 10) }, theoryExam: { points: String((x * 3) / 10) }, operationExam: { points: String((x * 3) / 10) } },
    survey: { satisfied: x, returned: 100 },
  });
  const seed = {
    head: Object.fromEntries(
      ['workCompletion', 'businessAbility', 'workEfficiency', 'workQuality', 'laborDiscipline', 'attitude', 'attendance', 'solidarity', 'errorsAccidents', 'serviceAttitude'].map((id, i) => [id, { points: String([10, 9, 9, 9, 10, 9, 9, 9, 9, 9][i]) }]),
    ),
    dept: { medicalEthics: { points: '38' }, theoryExam: { points: '24' }, operationExam: { points: '25' } },
    survey: { satisfied: 48, returned: 50 },
  };
  const plan: Record<string, ReturnType<typeof even>> = { n0: even(98), n1: seed, n2: even(96), n3: even(95), n4: even(91), n5: even(88), n6: even(86), n7: even(84), n8: even(82), n9: even(81) };
  const nurses = Object.keys(plan);
  const run = runCycle({
    scheme: seedPrograms.nursing,
    schemeVersionId: 'nursing-v1',
    period: { kind: 'month', key: '2026-05' },
    calendar: cnYears,
    target: { departmentIds: ['ward3'], positionIds: [] },
    employees: [...nurses.map((n) => staff(n, ['ward3', 'nursing', 'hospital'], { category: 'nursing' })), staff('drLi', ['ward3', 'nursing', 'hospital'], { category: 'medical' })],
    org: simpleOrg({
      supervisors: Object.fromEntries(nurses.map((n) => [n, 'headNurse'])),
      lineage: Object.fromEntries(nurses.map((n) => [n, ['ward3', 'nursing', 'hospital']])),
      departmentRaters: new Map([['nursing', ['nursingDirector']]]),
    }),
    ratingDay: '2026-06-03',
    rate: (slot, id) => (slot.role === 'DIRECT_SUPERVISOR' ? plan[id]?.head : plan[id]?.dept) as Record<string, ItemInput> | undefined,
    data: (_slot, id) => {
      const v = surveyValues(plan[id]?.survey ?? { satisfied: 0, returned: 0 });
      if (!v.ok) throw new Error('survey');
      return { patientSatisfaction: v.value };
    },
    adjustments: { n1: [{ rule: 'praise', note: 'letter from bed 12' }, { rule: 'errorComplaint', note: 'wrong infusion time' }, { rule: 'learning', count: 2 }] },
    groupOf: () => 'ward3',
    acceptProposal: true,
  });

  it('includes the nurses (eligibility: category nursing), assigns head nurse, nursing director and the survey', () => {
    expect(run.population.included).toHaveLength(10);
    expect(run.population.excluded.map((e) => [e.employeeId, e.reasons[0]?.code])).toEqual([['drLi', 'population_not_eligible']]);
    expect(run.assignments.get('n1')?.slots.map((s) => s.key)).toEqual(['headNurse/DIRECT_SUPERVISOR/headNurse', 'nursingDept/DEPARTMENT/nursingDirector', 'satisfaction/SURVEY/data']);
  });

  it('computes the seed formula for n1: 92 x 30% + 87 x 30% + 96 x 40% + 1 = 93.1, excellent', () => {
    const n1 = run.records.get('n1');
    expect(n1?.output.sections.map((s) => [s.id, s.score])).toEqual([
      ['headNurse', '92'],
      ['nursingDept', '87'],
      ['satisfaction', '96'],
    ]);
    expect([n1?.output.total, n1?.output.grade?.grade]).toEqual(['93.1', 'excellent']);
  });

  it('calibrates 5 excellent down to 3 and leaves 20% qualified, then may publish', () => {
    expect(run.reports[0]?.violations.map((v) => [v.code, v.params?.limit, v.params?.actual])).toEqual([
      ['quota_exceeded', 3, 5],
      ['quota_not_met', 2, 0],
    ]);
    expect(run.changes.map((c) => [c.employeeId, c.from, c.to, c.rank])).toEqual([
      ['n1', 'excellent', 'good', 4],
      ['n4', 'excellent', 'good', 5],
      ['n8', 'good', 'qualified', 9],
      ['n9', 'good', 'qualified', 10],
    ]);
    expect(run.reportsAfter[0]?.counts.map((c) => c.count)).toEqual([3, 5, 2, 0]);
    expect(run.publish).toEqual({ ok: true, overridden: [] });
    const n1 = run.published.get('n1');
    expect([n1?.total, n1?.engineGrade, n1?.grade, n1?.pay]).toEqual(['93.1', 'excellent', 'good', null]);
    expect(explainPublished(n1!, 'zh', seedPrograms.nursing).at(-1)).toBe('校准：组内排名 4/10，按比例限制等级由优秀调整为良好');
  });
});

describe('Part 4 workshop: the 26th-25th month, work tickets, hour penalties and the 55/45 output split', () => {
  const tickets: Record<string, WorkTicket[]> = {
    w1: [ticket('W1-1', '80', '0'), ticket('W1-2', '80', '0')],
    w2: [ticket('W2-1', '75', '0'), ticket('W2-2', '75', '1')],
    i1: [ticket('I1-1', '170', '0')],
    i2: [ticket('I2-1', '100', '0'), ticket('I2-2', '60', '0', true)],
  };
  const workers = Object.keys(tickets);
  const group: Record<string, string> = { w1: 'welding', w2: 'welding', i1: 'integrated', i2: 'integrated' };
  // The template judges completion per ticket (Article 6): each ticket's level, as the team leader records it.
  const level = (t: WorkTicket): string =>
    t.affectsDelivery || t.personalReason ? 'delivery' : Number(t.overrunHours) <= 0 ? 'onTime' : Number(t.overrunHours) <= 2 ? 'overUpTo2h' : 'overMore';
  // The five aspects of Article 7, each of 20 points: w1 and i1 100, w2 90, i2 50.
  const aspects: Record<string, string> = { w1: '20', w2: '18', i1: '20', i2: '10' };
  const output = workshopOutputValue({ revenue: '100000', finishedKg: '25000' });
  const run = runCycle({
    scheme: seedPrograms.workshop,
    schemeVersionId: 'workshop-v1',
    period: { kind: 'month', key: '2026-05' },
    calendar: cnYears,
    target: { departmentIds: ['workshop'], positionIds: [] },
    employees: [
      ...workers.map((w) => staff(w, [`${group[w]}Team`, 'workshop'], { category: 'production_frontline' })),
      staff('trainee', ['weldingTeam', 'workshop'], { category: 'production_frontline', employmentStatus: 'PROBATION', probationEndDate: '2026-07-31' }),
      staff('fined', ['weldingTeam', 'workshop'], { category: 'production_frontline', disciplinaryDecision: true }),
    ],
    org: simpleOrg({ supervisors: Object.fromEntries(workers.map((w) => [w, 'teamLead'])), lineage: Object.fromEntries(workers.map((w) => [w, [`${group[w]}Team`, 'workshop']])) }),
    ratingDay: '2026-06-02',
    rate: (_slot, w) => Object.fromEntries(['people', 'machine', 'material', 'method', 'environment'].map((id) => [id, { points: aspects[w] ?? '0' }])),
    adjustments: { w2: [{ rule: 'workwear', count: 2, note: 'no helmet twice' }], i1: [{ rule: 'rationalisation', amount: '200', note: 'new welding jig' }] },
    groupOf: () => 'workshop',
    payFacts: Object.fromEntries(workers.map((w) => [w, { groupId: group[w] ?? '', tickets: (tickets[w] ?? []).map((t) => ({ hours: t.manHours, level: level(t) })) }])),
    // The month's revenue over the kilograms produced, times the kilograms of finished products (all 25,000 passed).
    payAmounts: { inputs: { revenue: '100000', kilogramsProduced: '25000', finishedKilograms: '25000' } },
  });

  it('runs April 26 - May 25 with Article 3 eligibility and tickets checked', () => {
    for (const t of Object.values(tickets).flat()) expect(validateWorkTicket(t)).toEqual([]);
    expect(run.schedule.span).toEqual({ start: '2026-04-26', end: '2026-05-25' });
    expect(run.population.excluded.map((e) => e.employeeId)).toEqual(['trainee', 'fined']);
    expect(output).toEqual({ ok: true, value: { outputValue: '100000.00', unitPricePerKg: '4.0000' } });
  });

  it('five aspects 100 / 90 / 100 / 50 and output pay by ticket hours 29090.91 / 25909.09 / 25500.00 / 19500.00, with hour penalties and the reward', () => {
    expect([...run.records.values()].map((r) => [r.employeeId, r.output.total, r.output.adjustmentMoney])).toEqual([
      ['w1', '100', '0'],
      ['w2', '90', '-16.1'],
      ['i1', '100', '200'],
      ['i2', '50', '0'],
    ]);
    // welding 55,000 by 160 : (75 + 75 x 90 %) = 160 : 142.5 -> 29090.909.. / 25909.090..; the spare cent to w1's larger remainder
    // integrated 45,000 by 170 : (100 + 60 x 50 %) = 170 : 130 -> 25500 / 19500
    expect(run.pay.lines.filter((l) => l.component === 'outputPay').map((l) => [l.employeeId, l.amount])).toEqual([
      ['w1', '29090.91'],
      ['w2', '25909.09'],
      ['i1', '25500.00'],
      ['i2', '19500.00'],
    ]);
    expect(run.pay.splits).toEqual([{ component: 'outputPay', amount: '100000.00', paid: '100000.00' }]);
    expect(run.pay.totals).toEqual({ w1: '29090.91', w2: '25892.99', i1: '25700.00', i2: '19500.00' });
  });
});

describe('Part 5 group headquarters: self + scale raters, floating pay and the bonus pool, quarterly and annual roll-ups', () => {
  const lv = (moral: string, ability: string, diligence: string, performance: string) => ({ moral: { level: moral }, ability: { level: ability }, diligence: { level: diligence }, performance: { level: performance } });
  const self = (v: string) => ({ self_moral: { points: v }, self_ability: { points: v }, self_diligence: { points: v }, self_performance: { points: v } });
  // Self 86 with scale 91 -> 90; self 60 with scale 85 -> 80; self 70 with scale 70 -> 70.
  const forms: Record<string, { self: string; scale: ReturnType<typeof lv> }> = {
    e0: { self: '86', scale: lv('outstanding', 'good', 'outstanding', 'good') },
    e1: { self: '60', scale: lv('good', 'good', 'good', 'good') },
    e2: { self: '70', scale: lv('competent', 'competent', 'competent', 'competent') },
  };
  const org = simpleOrg({
    supervisors: { e0: 'mgr', e1: 'mgr', e2: 'mgr', mgr: 'director', director: null },
    lineage: { e0: ['finance', 'hq'], e1: ['finance', 'hq'], e2: ['finance', 'hq'] },
    hrReviewers: new Map([['hq', ['hr1']]]),
  });
  const monthRun = (key: string, day: string, f: Record<string, { self: string; scale: ReturnType<typeof lv> }>, kind: 'month' | 'quarter' = 'month') =>
    runCycle({
      scheme: seedPrograms.headquarters,
      schemeVersionId: 'headquarters-v1',
      period: { kind, key },
      calendar: cnYears,
      target: { departmentIds: ['finance'], positionIds: [] },
      employees: Object.keys(f).map((e) => staff(e, ['finance', 'hq'])),
      org,
      ratingDay: day,
      rate: (slot, e) => (slot.role === 'SELF' ? self(f[e]?.self ?? '0') : f[e]?.scale),
      groupOf: () => 'finance',
      payFacts: Object.fromEntries(Object.keys(f).map((e) => [e, { base: '1000' }])),
      payAmounts: { pool: '10000' },
    });

  it('May 2026: window May 25 - June 5; totals 90 / 80 / 70; floating pay 1125 / 1000 / 875; bonus 3750.00 / 3333.33 / 2916.67', () => {
    const run = monthRun('2026-05', '2026-06-05', forms);
    expect(run.schedule.phases[1]).toMatchObject({ phase: 'rating', opens: '2026-05-25', closes: '2026-06-05' });
    expect(run.assignments.get('e0')?.slots.map((s) => s.key)).toEqual(['self/SELF/e0', 'scale/DIRECT_SUPERVISOR/mgr', 'scale/SECOND_LEVEL_SUPERVISOR/director', 'scale/HR/hr1']);
    expect([...run.records.values()].map((r) => r.output.total)).toEqual(['90', '80', '70']);
    const by = (c: string) => run.pay.lines.filter((l) => l.component === c).map((l) => l.amount);
    expect(by('floatingPay')).toEqual(['1125.00', '1000.00', '875.00']);
    expect(by('bonus')).toEqual(['3750.00', '3333.33', '2916.67']);
    expect(run.pay.splits).toEqual([{ component: 'bonus', amount: '10000', paid: '10000.00' }]);
    expect(run.pay.totals).toEqual({ e0: '4875.00', e1: '4333.33', e2: '3791.67' });
    const lines = explainPublished(run.published.get('e1')!, 'en', seedPrograms.headquarters);
    expect(lines).toContain('Total: 80');
    expect(lines.at(-1)).toBe('Pay, Bonus: 3333.33 yuan = the pool 10000 × score 80 ÷ 240, the scores of all 3 together (paid out in full, to the cent)');
  });

  it('Q2 2026: April 80, May 90 and the quarter\'s own 85 roll up to 85', () => {
    const one = (s: string, scale: ReturnType<typeof lv>) => ({ e1: { self: s, scale } });
    // April closes May 6 (May 5 is Labour Day), May on June 5, Q2 on July 6 (July 5 is a Sunday).
    const april = monthRun('2026-04', '2026-05-06', one('60', lv('good', 'good', 'good', 'good')));
    const may = monthRun('2026-05', '2026-06-05', one('86', lv('outstanding', 'good', 'outstanding', 'good')));
    const q2 = monthRun('2026-Q2', '2026-07-06', one('85', lv('good', 'good', 'good', 'good')), 'quarter');
    const own = (r: ReturnType<typeof monthRun>) => r.records.get('e1')?.output.total ?? '';
    expect([own(april), own(may), own(q2)]).toEqual(['80', '90', '85']);
    const rolled = computeRollup(seedPrograms.headquarters, 'quarterly', '2026-Q2', new Map([['2026-04', { own: own(april) }], ['2026-05', { own: own(may) }], ['2026-Q2', { own: own(q2) }]]));
    expect(rolled.ok && rolled.value.value).toBe('85');
  });

  it('annual 2026 from quarter results 85 / 88 / 90, October 86, November 92 and the annual appraisal 89 = 88.8; a missing quarter is an error', () => {
    const children = new Map([
      ['2026-Q1', { own: '84', result: '85' }],
      ['2026-Q2', { own: '87', result: '88' }],
      ['2026-Q3', { own: '91', result: '90' }],
      ['2026-10', { own: '86' }],
      ['2026-11', { own: '92' }],
      ['2026', { own: '89' }],
    ]);
    const annual = computeRollup(seedPrograms.headquarters, 'annual', '2026', children);
    expect(annual.ok && annual.value.value).toBe('88.8');
    children.delete('2026-Q3');
    const missing = computeRollup(seedPrograms.headquarters, 'annual', '2026', children);
    expect(missing.ok ? null : missing.issues.map((i) => i.code)).toEqual(['rollup_child_missing']);
  });
});

function ticket(id: string, manHours: string, overrunHours: string, affectsDelivery = false): WorkTicket {
  return { ticket: id, manHours, overrunHours, affectsDelivery, personalReason: false };
}
