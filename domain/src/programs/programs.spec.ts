import { describe, expect, it } from 'vitest';
import { validateScheme } from '../scheme/index.js';
import { priceGroup, rollUp, scoreAppraisal, type AppraisalInput, type AppraisalResult, type PayFacts } from '../scoring/index.js';
import { calibrateGroup, checkQuotas } from '../distribution/index.js';
import { explain } from '../explain/index.js';
import { isEligible } from '../eligibility/index.js';
import { seedPrograms, seedProgramNames } from './index.js';

function score(key: keyof typeof seedPrograms, input: AppraisalInput): AppraisalResult {
  const r = scoreAppraisal(seedPrograms[key], input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('seed programs as data', () => {
  it('every program passes validateScheme and has names in both languages', () => {
    for (const [key, scheme] of Object.entries(seedPrograms)) {
      const r = validateScheme(scheme);
      expect(r.ok ? [] : r.issues, key).toEqual([]);
      expect(scheme.notes.length, key).toBeGreaterThan(0);
    }
    expect(Object.keys(seedProgramNames).sort()).toEqual(['cafeteria', 'headquarters', 'hotelAudit', 'nursing', 'workshop']);
    expect(seedProgramNames.nursing.zh).toBe('护理人员月度绩效考核');
  });

  it('survives a JSON round trip unchanged (the document is JSON)', () => {
    for (const scheme of Object.values(seedPrograms)) expect(JSON.parse(JSON.stringify(scheme))).toEqual(scheme);
  });
});

describe('Part 1 hotel audit: 100 points a day linked to the day\'s wage', () => {
  const day = (occurrences: Record<string, number>, adjustments: AppraisalInput['adjustments'] = []) =>
    score('hotelAudit', { employeeId: 'clerk', ratings: [{ section: 'daily', role: 'DIRECT_SUPERVISOR', items: { dailyConduct: { occurrences } } }], adjustments });
  const wage = (results: AppraisalResult[], base = '200') =>
    priceGroup(seedPrograms.hotelAudit, { results, facts: Object.fromEntries(results.map((r) => [r.employeeId, { base }])) });

  it('a clean day is 100 points and the full day\'s wage', () => {
    const r = day({});
    expect(r.total).toBe('100');
    const pay = wage([r]);
    expect(pay.ok && pay.value.totals.clerk).toBe('200.00');
  });

  it('an unclear handover (30) and a complaint (50) leave 20 points: 20% of the wage', () => {
    const r = day({ handoverUnclear: 1, complaint: 1 });
    expect(r.total).toBe('20');
    const pay = wage([r], '150');
    expect(pay.ok && pay.value.totals.clerk).toBe('30.00');
  });

  it('overtime reward (+30) offsets a rent irregularity (-30)', () => {
    expect(day({ rentIssueMissed: 1 }, [{ rule: 'overtimeDiligence', amount: '30' }]).total).toBe('100');
  });

  it('three complaints (150) floor the day at 0 and pay nothing', () => {
    const r = day({ complaint: 3 });
    expect(r.total).toBe('0');
    expect(r.trace.some((s) => s.step === 'bound')).toBe(false); // the deduction floor already holds it at 0
    const pay = wage([r]);
    expect(pay.ok && pay.value.totals.clerk).toBe('0.00');
  });

  it('rewards are capped at 100 points a day (choice), so the best day pays twice the wage', () => {
    const r = day({}, [
      { rule: 'excellentStaff', amount: '100' },
      { rule: 'goodDeed', amount: '60' },
    ]);
    expect(r.adjustmentPoints).toBe('100');
    expect(r.total).toBe('200');
    expect(wage([r]).ok && (wage([r]) as { ok: true; value: { totals: Record<string, string> } }).value.totals.clerk).toBe('400.00');
  });

  it('rejects a reward outside its range (proposal adopted is 30-50)', () => {
    const r = scoreAppraisal(seedPrograms.hotelAudit, {
      employeeId: 'clerk',
      ratings: [{ section: 'daily', role: 'DIRECT_SUPERVISOR', items: { dailyConduct: {} } }],
      adjustments: [{ rule: 'proposalAdopted', amount: '60' }],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['adjustment_out_of_range']);
  });
});

describe('Part 2 cafeteria: monthly score -> percentage of the performance pay base', () => {
  const month = (id: string, points: [string, string, string, string, string]) =>
    score('cafeteria', {
      employeeId: id,
      ratings: [
        {
          section: 'monthly',
          role: 'DIRECT_SUPERVISOR',
          items: {
            hygiene: { points: points[0] },
            foodQuality: { points: points[1] },
            service: { points: points[2] },
            discipline: { points: points[3] },
            safety: { points: points[4] },
          },
        },
      ],
    });

  it('pays 100% / 80% / 60% / 0% of bases 900 and 600 by band', () => {
    const results = [
      month('cookA85', ['22', '23', '18', '12', '10']), // 85
      month('cookB75', ['20', '20', '15', '10', '10']), // 75
      month('cookA65', ['18', '17', '12', '9', '9']), // 65
      month('cookB59', ['15', '15', '12', '9', '8']), // 59
    ];
    expect(results.map((r) => r.total)).toEqual(['85', '75', '65', '59']);
    expect(results.map((r) => r.grade?.grade)).toEqual(['A', 'B', 'C', 'D']);
    const pay = priceGroup(seedPrograms.cafeteria, {
      results,
      facts: { cookA85: { base: '900' }, cookB75: { base: '600' }, cookA65: { base: '900' }, cookB59: { base: '600' } },
    });
    expect(pay.ok && pay.value.totals).toEqual({ cookA85: '900.00', cookB75: '480.00', cookA65: '540.00', cookB59: '0.00' });
  });

  it('rounds the total to whole points before banding: 79.5 -> 80 (100%), 69.4 -> 69 (60%)', () => {
    const high = month('a', ['20', '20', '19.5', '10', '10']);
    const low = month('b', ['18', '17', '14.4', '10', '10']);
    expect([high.total, low.total]).toEqual(['80', '69']);
    const pay = priceGroup(seedPrograms.cafeteria, { results: [high, low], facts: { a: { base: '900' }, b: { base: '900' } } });
    expect(pay.ok && pay.value.totals).toEqual({ a: '900.00', b: '540.00' });
  });

  it('annual result is the average of the 12 monthly totals', () => {
    const months = ['85', '90', '78', '82', '88', '91', '76', '80', '84', '86', '79', '83'];
    const r = rollUp(seedPrograms.cafeteria, 'annual', Object.fromEntries(months.map((m, i) => [`month${i + 1}`, m])));
    expect(r.ok && r.value.value).toBe('83.5'); // 1002 / 12
  });

  it('rejects points outside an item\'s range', () => {
    const r = scoreAppraisal(seedPrograms.cafeteria, {
      employeeId: 'x',
      ratings: [{ section: 'monthly', role: 'DIRECT_SUPERVISOR', items: { hygiene: { points: '26' }, foodQuality: { points: '1' }, service: { points: '1' }, discipline: { points: '1' }, safety: { points: '1' } } }],
    });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, ...i.path])).toEqual([['item_out_of_range', 'ratings', 0, 'items', 'hygiene']]);
  });
});

describe('Part 3 nursing: 30% head nurse + 30% nursing department + 40% satisfaction + plus/minus', () => {
  const head = (points: number[]) =>
    Object.fromEntries(
      ['workCompletion', 'businessAbility', 'workEfficiency', 'workQuality', 'laborDiscipline', 'attitude', 'attendance', 'solidarity', 'errorsAccidents', 'serviceAttitude'].map(
        (id, i) => [id, { points: String(points[i] ?? 0) }],
      ),
    );
  const nurse = (id: string, h: number[], dept: [string, string, string], satisfied: string, returned: string, adjustments: AppraisalInput['adjustments'] = []): AppraisalInput => ({
    employeeId: id,
    ratings: [
      { section: 'headNurse', role: 'DIRECT_SUPERVISOR', items: head(h) },
      { section: 'nursingDept', role: 'DEPARTMENT', items: { medicalEthics: { points: dept[0] }, theoryExam: { points: dept[1] }, operationExam: { points: dept[2] } } },
      { section: 'satisfaction', role: 'SURVEY', items: { patientSatisfaction: { values: { satisfied, returned } } } },
    ],
    adjustments,
  });

  it('computes the seed formula: 92 x 30% + 87 x 30% + 96 x 40% + (10 - 10 + 2 x 0.5) = 93.1, excellent', () => {
    const r = score(
      'nursing',
      nurse('n1', [10, 9, 9, 9, 10, 9, 9, 9, 9, 9], ['38', '24', '25'], '48', '50', [
        { rule: 'praise' },
        { rule: 'errorComplaint' },
        { rule: 'learning', count: 2 },
      ]),
    );
    expect(r.sections.map((s) => [s.id, s.score])).toEqual([
      ['headNurse', '92'],
      ['nursingDept', '87'],
      ['satisfaction', '96'],
    ]);
    expect(r.weighted).toBe('92.1');
    expect(r.adjustmentPoints).toBe('1');
    expect(r.total).toBe('93.1');
    expect(r.grade).toEqual({ grade: 'excellent', bandGrade: 'excellent', reason: 'band' });
  });

  it('bands: 90 is good, 90.01 excellent, 79.99 qualified, 59.99 unqualified', () => {
    const all = (v: number) => Array.from({ length: 10 }, () => v);
    // head nurse 90, department 90 (36+27+27), satisfaction 90% -> 90
    expect(score('nursing', nurse('a', all(9), ['36', '27', '27'], '9', '10')).grade?.grade).toBe('good');
    expect(score('nursing', nurse('b', all(9), ['36', '27', '27'], '9', '10', [{ rule: 'learning' }])).grade?.grade).toBe('excellent'); // 90.5
    expect(score('nursing', nurse('c', all(8), ['32', '24', '24'], '8', '10', [{ rule: 'learning' }])).grade?.grade).toBe('good'); // 80.5
    expect(score('nursing', nurse('d', all(8), ['32', '24', '24'], '8', '10', [{ rule: 'examFailed' }])).grade?.grade).toBe('qualified'); // 75
    expect(score('nursing', nurse('e', all(6), ['24', '18', '18'], '6', '10', [{ rule: 'learning' }, { rule: 'errorComplaint' }])).grade?.grade).toBe('unqualified'); // 50.5
  });

  it('failing the theory exam caps an excellent total at qualified', () => {
    const r = score('nursing', nurse('n2', Array.from({ length: 10 }, () => 10), ['40', '15', '30'], '50', '50', [{ rule: 'examFailed' }]));
    // 100 x 30% + 85 x 30% + 100 x 40% - 5 = 90.5
    expect(r.total).toBe('90.5');
    expect(r.failedItems).toEqual(['theoryExam']);
    expect(r.grade).toEqual({ grade: 'qualified', bandGrade: 'excellent', reason: 'failedItemCap' });
    expect(explain(r.trace, 'en', seedPrograms.nursing)).toContain('Failed Three-basics theory exam: grade lowered from Excellent to Qualified');
  });

  it('non-participation gives the lowest grade', () => {
    const r = score('nursing', { employeeId: 'n3', participated: false, ratings: [] });
    expect(r.grade).toEqual({ grade: 'unqualified', bandGrade: 'unqualified', reason: 'nonParticipation' });
    expect(explain(r.trace, 'zh', seedPrograms.nursing)).toContain('等级：不合格（未参加考核）');
  });

  it('caps the total at 100 after plus points', () => {
    const r = score('nursing', nurse('n4', Array.from({ length: 10 }, () => 10), ['40', '30', '30'], '1', '1', [{ rule: 'thesis' }]));
    expect(r.total).toBe('100');
    expect(r.trace).toContainEqual({ step: 'bound', bound: 'cap', before: '110', after: '100' });
  });

  it('a month without returned questionnaires counts as full satisfaction (choice)', () => {
    const r = score('nursing', nurse('n5', Array.from({ length: 10 }, () => 9), ['36', '27', '27'], '0', '0'));
    expect(r.sections.find((s) => s.id === 'satisfaction')?.score).toBe('100');
  });

  it('forced distribution 30/50/20 in a department of 10: 5 excellent -> 3, overflow moves to good, 20% stays general', () => {
    const bands = seedPrograms.nursing.grades?.bands ?? [];
    const rule = seedPrograms.nursing.distribution;
    if (!rule) throw new Error('nursing has a distribution');
    const totals = ['98', '96', '95', '93', '91', '88', '86', '84', '82', '81'];
    const members = totals.map((t, i) => ({ employeeId: `n${i}`, total: t, grade: Number(t) > 90 ? 'excellent' : 'good' }));
    const before = checkQuotas(bands, rule, members);
    expect(before.map((v) => [v.quota.grade, v.limit, v.actual])).toEqual([
      ['excellent', 3, 5],
      ['qualified', 2, 0],
    ]);
    const proposal = calibrateGroup(bands, rule, members);
    expect(proposal.rows.map((r) => r.to)).toEqual(['excellent', 'excellent', 'excellent', 'good', 'good', 'good', 'good', 'good', 'qualified', 'qualified']);
    expect(proposal.after).toEqual([]);
  });
});

describe('Part 4 workshop: output value per kilogram, 55/45 by work-ticket hours x completion, hour penalties, rationalisation rewards', () => {
  const aspects = ['people', 'machine', 'material', 'method', 'environment'];
  const worker = (id: string, points = ['20', '20', '20', '20', '20'], adjustments: AppraisalInput['adjustments'] = []) =>
    score('workshop', {
      employeeId: id,
      ratings: [{ section: 'aspects', role: 'DIRECT_SUPERVISOR', items: Object.fromEntries(aspects.map((a, i) => [a, { points: points[i] ?? '0' }])) }],
      adjustments,
    });
  // The month of the seed's Article 4: revenue / kilograms produced = the value of a kilogram; finished products
  // that passed inspection (five products of 1,000 kg) carry that value.
  const month = { revenue: '1200000', kilogramsProduced: '60000', finishedKilograms: '5000' };

  it('the team leader\'s five aspects make the score: 18 + 17 + 16 + 19 + 20 = 90', () => {
    expect(worker('a', ['18', '17', '16', '19', '20']).total).toBe('90');
  });

  it('prices the month from revenue, kilograms and work tickets, nothing computed by hand, summing exactly', () => {
    const w1 = worker('w1');
    const w2 = worker('w2', undefined, [{ rule: 'workwear', count: 2 }]);
    const i1 = worker('i1', undefined, [{ rule: 'rationalisation', amount: '200' }]);
    const i2 = worker('i2');
    expect(w2.adjustmentMoney).toBe('-16.1'); // 2 h x 8.05
    const pay = priceGroup(seedPrograms.workshop, {
      results: [w1, w2, i1, i2],
      inputs: month,
      facts: {
        // w1: 100 h + 60 h in time = 160 h
        w1: { groupId: 'welding', tickets: [{ hours: '100', level: 'onTime' }, { hours: '60', level: 'onTime' }] },
        // w2: 100 h in time + 50 h over by at most two hours (90 %) = 100 + 45 = 145 h
        w2: { groupId: 'welding', tickets: [{ hours: '100', level: 'onTime' }, { hours: '50', level: 'overUpTo2h' }] },
        // i1: 170 h in time
        i1: { groupId: 'integrated', tickets: [{ hours: '170', level: 'onTime' }] },
        // i2: 60 h in time + 100 h that held up the delivery (50 %) + 8 h bargained (not counted) = 60 + 50 + 0 = 110 h
        i2: { groupId: 'integrated', tickets: [{ hours: '60', level: 'onTime' }, { hours: '100', level: 'delivery' }, { hours: '8', level: 'bargained' }] },
      },
    });
    if (!pay.ok) throw new Error(JSON.stringify(pay.issues));
    const output = pay.value.lines.filter((l) => l.component === 'outputPay');
    // 1,200,000 / 60,000 = 20 yuan a kilogram; x 5,000 kg = 100,000.00; welding 55 % = 55,000.00, integrated 45 % = 45,000.00.
    // welding by 160 : 145 -> 28,852.459.. / 26,147.540..; floors leave one cent, to the larger remainder (w1's .009)
    // integrated by 170 : 110 -> 27,321.428.. / 17,678.571..; the cent goes to i1 (.0086 against .0014)
    expect(output.map((l) => [l.employeeId, l.amount])).toEqual([
      ['w1', '28852.46'],
      ['w2', '26147.54'],
      ['i1', '27321.43'],
      ['i2', '17678.57'],
    ]);
    expect(output.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0)).toBe(10_000_000);
    expect(pay.value.totals).toEqual({ w1: '28852.46', w2: '26131.44', i1: '27521.43', i2: '17678.57' });
    expect(output[1]?.basis).toMatchObject({
      kind: 'output',
      outputValue: '100000.00',
      outputFormula: { formula: 'revenue / kilogramsProduced * finishedKilograms', exact: '100000' },
      group: 'welding',
      sharePercent: '55',
      groupAmount: '55000.00',
      hours: '145',
      groupHours: '305',
      completion: { by: 'tickets', tickets: [{ hours: '100', level: 'onTime', percent: '100' }, { hours: '50', level: 'overUpTo2h', percent: '90' }] },
    });
  });

  it('rounds a value per kilogram that does not end (1,000,000 / 60,000 x 5,000 = 83,333.33) and still splits exactly', () => {
    const a = worker('a');
    const b = worker('b');
    const pay = priceGroup(seedPrograms.workshop, {
      results: [a, b],
      inputs: { revenue: '1000000', kilogramsProduced: '60000', finishedKilograms: '5000' },
      facts: { a: { groupId: 'welding', tickets: [{ hours: '1', level: 'onTime' }] }, b: { groupId: 'integrated', tickets: [{ hours: '1', level: 'onTime' }] } },
    });
    if (!pay.ok) throw new Error(JSON.stringify(pay.issues));
    // 83,333.33 x 55 % = 45,833.3315 -> 45,833.33; the other 37,500.00
    expect(pay.value.totals).toEqual({ a: '45833.33', b: '37500.00' });
  });

  it('says which value or ticket is missing or wrong', () => {
    const a = worker('a');
    const priced = (facts: Record<string, PayFacts>, inputs: Record<string, string> = month) => {
      const r = priceGroup(seedPrograms.workshop, { results: [a], inputs, facts });
      return r.ok ? [] : r.issues.map((i) => [i.code, i.params]);
    };
    expect(priced({ a: { groupId: 'welding', tickets: [] } }, { revenue: '1', kilogramsProduced: '1' })).toEqual([['pay_input_missing', { name: 'finishedKilograms' }]]);
    expect(priced({ a: { groupId: 'welding', tickets: [] } }, { ...month, kilogramsProduced: '0' })).toEqual([['pay_output_value', { variant: 'divisionByZero' }]]);
    expect(priced({ a: { groupId: 'welding' } })).toEqual([['pay_fact_missing', { fact: 'tickets', person: 'a', variant: 'person' }]]);
    expect(priced({ a: { groupId: 'welding', tickets: [{ hours: '8', level: 'late' }] } })).toEqual([['pay_unknown_level', { person: 'a', level: 'late' }]]);
  });

  it('a penalty of 5-7 hours must state its hours within range', () => {
    const r = scoreAppraisal(seedPrograms.workshop, {
      employeeId: 'x',
      ratings: [{ section: 'aspects', role: 'DIRECT_SUPERVISOR', items: Object.fromEntries(aspects.map((a) => [a, { points: '20' }])) }],
      adjustments: [{ rule: 'exam5S', amount: '4' }],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['adjustment_out_of_range']);
  });

  it('applies Article 3 eligibility: probationers only with special approval, never with a disciplinary decision', () => {
    const rule = seedPrograms.workshop.eligibility;
    if (!rule) throw new Error('workshop has eligibility');
    const base = { employmentStatus: 'REGULAR' as const, category: 'production_frontline', onProbation: false, specialApproval: false, disciplinaryDecision: false };
    expect(isEligible(rule, base).eligible).toBe(true);
    expect(isEligible(rule, { ...base, employmentStatus: 'PROBATION', onProbation: true }).eligible).toBe(false);
    expect(isEligible(rule, { ...base, disciplinaryDecision: true }).eligible).toBe(false);
  });
});

describe('Part 5 group headquarters: roll-ups, floating pay by the average, bonus pool in full', () => {
  it('quarterly = (month1 + month2) x 20% + quarter x 60%', () => {
    const r = rollUp(seedPrograms.headquarters, 'quarterly', { month1: '80', month2: '90', quarter: '85' });
    expect(r.ok && r.value.value).toBe('85');
  });

  it('annual = (Q1 + Q2 + Q3) x 5% + (Oct + Nov) x 5% + annual x 75%, weights used as given (they sum to 100%)', () => {
    const r = rollUp(seedPrograms.headquarters, 'annual', { q1: '85', q2: '88', q3: '90', october: '86', november: '92', annual: '89' });
    // 263 x 5% = 13.15; 178 x 5% = 8.9; 89 x 75% = 66.75
    expect(r.ok && r.value.value).toBe('88.8');
    const same = rollUp(seedPrograms.headquarters, 'annual', { q1: '77', q2: '77', q3: '77', october: '77', november: '77', annual: '77' });
    expect(same.ok && same.value.value).toBe('77');
  });

  it('rounds roll-ups to 2 places', () => {
    const r = rollUp(seedPrograms.headquarters, 'quarterly', { month1: '80.33', month2: '90.01', quarter: '85.555' });
    // (170.34) x 0.2 = 34.068; 85.555 x 0.6 = 51.333 -> 85.401 -> 85.4
    expect(r.ok && r.value.value).toBe('85.4');
  });

  it('scores self 20% + scale 80% with a missing HR rater renormalised: 85.7', () => {
    const r = score('headquarters', {
      employeeId: 'h1',
      ratings: [
        { section: 'self', role: 'SELF', items: { self_moral: { points: '90' }, self_ability: { points: '90' }, self_diligence: { points: '90' }, self_performance: { points: '90' } } },
        { section: 'scale', role: 'DIRECT_SUPERVISOR', items: { moral: { level: 'good' }, ability: { level: 'outstanding' }, diligence: { level: 'good' }, performance: { level: 'good' } } },
        { section: 'scale', role: 'SECOND_LEVEL_SUPERVISOR', items: { moral: { level: 'competent' }, ability: { level: 'competent' }, diligence: { level: 'competent' }, performance: { level: 'competent' } } },
      ],
    });
    const scale = r.sections.find((s) => s.id === 'scale');
    expect(scale?.raters.map((x) => [x.role, x.score, x.effectiveWeight])).toEqual([
      ['DIRECT_SUPERVISOR', '89.5', '75'],
      ['SECOND_LEVEL_SUPERVISOR', '70', '25'],
      ['HR', undefined, '0'],
    ]);
    expect(scale?.score).toBe('84.625');
    expect(r.total).toBe('85.7');
  });

  it('floating pay: 90 / 80 / 70 around an average of 80 move a 1000 base to 1125 / 1000 / 875; a 10,000 pool splits 3750 / 3333.33 / 2916.67', () => {
    // The seed's example scores 90 / 80 / 70 are set as the totals; pricing only reads the total.
    const results = ['90', '80', '70'].map((total, i) => ({ ...score('headquarters', selfOnly(`e${i}`, total)), total }));
    const pay = priceGroup(seedPrograms.headquarters, { results, pool: '10000', facts: { e0: { base: '1000' }, e1: { base: '1000' }, e2: { base: '1000' } } });
    if (!pay.ok) throw new Error(JSON.stringify(pay.issues));
    const by = (c: string) => pay.value.lines.filter((l) => l.component === c).map((l) => l.amount);
    expect(by('floatingPay')).toEqual(['1125.00', '1000.00', '875.00']);
    expect(by('bonus')).toEqual(['3750.00', '3333.33', '2916.67']);
    expect(pay.value.totals).toEqual({ e0: '4875.00', e1: '4333.33', e2: '3791.67' });
  });
});

function selfOnly(id: string, v: string): AppraisalInput {
  return {
    employeeId: id,
    ratings: [
      { section: 'self', role: 'SELF', items: { self_moral: { points: v }, self_ability: { points: v }, self_diligence: { points: v }, self_performance: { points: v } } },
      { section: 'scale', role: 'HR', items: { moral: { level: 'good' }, ability: { level: 'good' }, diligence: { level: 'good' }, performance: { level: 'good' } } },
    ],
  };
}
