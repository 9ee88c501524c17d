import { describe, expect, it } from 'vitest';
import { cnYears } from '../calendar/__fixtures__/cn-years.js';
import { runCycle, simpleOrg, staff } from '../cycles/__fixtures__/run-cycle.js';
import { seedPrograms } from '../programs/index.js';
import { entriesFromPublishedResult, reissueEntries, HOURS_COMPONENT, MONEY_COMPONENT } from './generated.js';
import { toHundredths } from './quantity.js';
import { scoreAppraisal } from '../scoring/index.js';
import { priceCalibratedGroup } from '../cycles/pay.js';
import { publishedResult } from '../cycles/publication.js';
import { appraisalInputsFromLedger } from './scheme-link.js';

const workers = ['w1', 'w2', 'i1', 'i2'];
const group: Record<string, string> = { w1: 'welding', w2: 'welding', i1: 'integrated', i2: 'integrated' };
const workshop = runCycle({
  scheme: seedPrograms.workshop,
  schemeVersionId: 'workshop-v1',
  period: { kind: 'month', key: '2026-05' },
  calendar: cnYears,
  target: { departmentIds: ['workshop'], positionIds: [] },
  employees: workers.map((w) => staff(w, [`${group[w]}Team`, 'workshop'], { category: 'production_frontline' })),
  org: simpleOrg({ supervisors: Object.fromEntries(workers.map((w) => [w, 'teamLead'])), lineage: Object.fromEntries(workers.map((w) => [w, [`${group[w]}Team`, 'workshop']])) }),
  ratingDay: '2026-06-02',
  rate: () => Object.fromEntries(['people', 'machine', 'material', 'method', 'environment'].map((id) => [id, { points: '20' }])),
  // w2: two workwear breaches (ledger entries L1, L2) and i1: a rationalisation reward of 200 yuan (L3).
  adjustments: { w2: [{ rule: 'workwear', count: 2 }], i1: [{ rule: 'rationalisation', amount: '200' }] },
  groupOf: () => 'workshop',
  payFacts: Object.fromEntries(workers.map((w) => [w, { groupId: group[w] ?? '', tickets: [{ hours: '100', level: 'onTime' }] }])),
  payAmounts: { inputs: { revenue: '100000', kilogramsProduced: '25000', finishedKilograms: '25000' } },
});

const ctx = (employeeId: string, sources: Record<string, string[]> = {}) => ({ resultNumber: 1, cycleId: 'c-2026-05', departmentId: 'workshop', periodKey: '2026-05', publishedOn: '2026-06-08', sources });

describe('entries generated from published results', () => {
  it('one entry per pay component, the adjustment line split into converted hours and money, summing to the pay total', () => {
    const w2 = workshop.published.get('w2');
    const i1 = workshop.published.get('i1');
    if (!w2 || !i1) throw new Error('not published');
    const e2 = entriesFromPublishedResult(w2, seedPrograms.workshop, ctx('w2', { workwear: ['L1', 'L2'] }));
    expect(e2.map((e) => [e.component, e.amount, e.ruleCode, e.inputs])).toEqual([
      ['outputPay', '27500.00', 'ws.outputPay', []],
      [HOURS_COMPONENT, '-16.10', null, ['L1', 'L2']],
    ]);
    expect(e2[0]).toMatchObject({ key: 'appraisal:appraisal-w2:1:outputPay', source: { kind: 'appraisal', appraisalId: 'appraisal-w2', resultNumber: 1, cycleId: 'c-2026-05' }, basis: { kind: 'output' } });
    const e1 = entriesFromPublishedResult(i1, seedPrograms.workshop, ctx('i1', { rationalisation: ['L3'] }));
    expect(e1.map((e) => [e.component, e.amount, e.inputs])).toEqual([
      ['outputPay', '22500.00', []],
      [MONEY_COMPONENT, '200.00', ['L3']],
    ]);
    for (const p of workshop.published.values()) {
      const sum = entriesFromPublishedResult(p, seedPrograms.workshop, ctx(p.employeeId)).reduce((s, e) => s + toHundredths(e.amount), 0n);
      expect(sum).toBe(toHundredths(p.pay?.total ?? '0'));
    }
  });

  it('re-publication reverses what changed and issues the new amounts, keeping the rest', () => {
    const posted = [
      { id: 'g1', component: 'outputPay', amount: '27500.00', resultNumber: 1 },
      { id: 'g2', component: HOURS_COMPONENT, amount: '-16.10', resultNumber: 1 },
    ];
    const w2 = workshop.published.get('w2');
    if (!w2) throw new Error('not published');
    // An upheld appeal removes one workwear breach: result 2 has -8.05 of converted hours.
    const corrected = entriesFromPublishedResult(w2, seedPrograms.workshop, { ...ctx('w2'), resultNumber: 2 }).map((e) => (e.component === HOURS_COMPONENT ? { ...e, amount: '-8.05', money: '-8.05' } : e));
    const plan = reissueEntries(posted, corrected);
    expect(plan.keep.map((p) => p.id)).toEqual(['g1']);
    expect(plan.reverse.map((p) => p.id)).toEqual(['g2']);
    expect(plan.post.map((p) => [p.key, p.amount])).toEqual([[`appraisal:appraisal-w2:2:${HOURS_COMPONENT}`, '-8.05']]);
    expect(reissueEntries(posted, corrected, 'all').reverse.map((p) => p.id)).toEqual(['g2', 'g1']);
    // A component that no longer exists is reversed; a new one is posted.
    expect(reissueEntries(posted, corrected.filter((e) => e.component === 'outputPay'))).toMatchObject({ reverse: [{ id: 'g2' }], post: [] });
  });

  it('cafeteria: performance pay by band, including a withheld month (below 60 pays 0.00)', () => {
    const run = runCycle({
      scheme: seedPrograms.cafeteria,
      schemeVersionId: 'cafeteria-v1',
      period: { kind: 'month', key: '2026-05' },
      calendar: cnYears,
      target: { departmentIds: ['canteen'], positionIds: [] },
      employees: ['cook1', 'cook2'].map((c) => staff(c, ['canteen'])),
      org: simpleOrg({ supervisors: { cook1: 'chef', cook2: 'chef' }, lineage: { cook1: ['canteen'], cook2: ['canteen'] } }),
      ratingDay: '2026-06-03',
      rate: (_slot, e) => {
        const scores: Record<string, string[]> = { cook1: ['20', '20', '15', '10', '10'], cook2: ['10', '10', '10', '10', '10'] };
        const items = seedPrograms.cafeteria.sections.flatMap((s) => s.items.map((i) => i.id));
        return Object.fromEntries(items.map((id, k) => [id, { points: scores[e]?.[k] ?? '0' }]));
      },
      groupOf: () => 'canteen',
      payFacts: { cook1: { base: '900' }, cook2: { base: '600' } },
    });
    const lines = [...run.published.values()].flatMap((p) => entriesFromPublishedResult(p, seedPrograms.cafeteria, ctx(p.employeeId)).map((e) => [e.employeeId, e.component, e.amount, e.ruleCode]));
    expect(lines).toEqual([
      ['cook1', 'performancePay', '720.00', 'cafeteria.performancePay'],
      ['cook2', 'performancePay', '0.00', 'cafeteria.performancePay'],
    ]);
  });

  it("hotel: the day's wage from the day's points, fed by ledger entries (a complaint, an overtime reward)", () => {
    const inputs = appraisalInputsFromLedger(seedPrograms.hotelAudit, [
      { id: 'L1', ruleCode: 'hotel.complaint', count: 1 },
      { id: 'L2', ruleCode: 'hotel.overtimeDiligence', count: 1, quantity: '30' },
    ]);
    const input = { employeeId: 'clerk', ratings: [{ section: 'daily', role: 'DIRECT_SUPERVISOR' as const, items: inputs.occurrences }], adjustments: inputs.adjustments };
    const scored = scoreAppraisal(seedPrograms.hotelAudit, input);
    if (!scored.ok) throw new Error('scoring');
    expect(scored.value.total).toBe('80');
    const priced = priceCalibratedGroup(seedPrograms.hotelAudit, [{ employeeId: 'clerk', result: scored.value, facts: { base: '200' } }]);
    if (!priced.ok) throw new Error('pay');
    const record = { format: 1 as const, appraisalId: 'ap-clerk', employeeId: 'clerk', schemeVersionId: 'hotel-v1', basis: 'complete' as const, missingRatings: [], input, output: scored.value };
    const published = publishedResult(record, [], { lines: priced.value.lines, total: priced.value.totals.clerk ?? '0', trace: priced.value.traces.clerk ?? [] });
    const entries = entriesFromPublishedResult(published, seedPrograms.hotelAudit, { ...ctx('clerk', inputs.sources), periodKey: '2025-10' });
    expect(entries.map((e) => [e.component, e.amount, e.ruleCode, e.basis?.kind])).toEqual([['dailyWage', '160.00', 'hotel.dailyWage', 'dailyWage']]);
  });
});
