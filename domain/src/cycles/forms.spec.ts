import { describe, expect, it } from 'vitest';
import { seedPrograms } from '../programs/index.js';
import { adjustmentForm, previewRating, ratingForm, selfReviewForm, validateAdjustmentEntry, validateRating, validateSelfReview, type RatingDraft } from './forms.js';
import {
  measuredRating,
  occurrenceInputs,
  surveyValues,
  ticketSummary,
  validateItemValues,
  validateOccurrence,
  validateWorkTicket,
  workshopOutputValue,
} from './measured.js';

const codes = (issues: { code: string; path: ReadonlyArray<string | number> }[]) => issues.map((i) => [i.code, i.path.join('.')]);
const cafe = (items: RatingDraft['items'], extra: Partial<RatingDraft> = {}): RatingDraft => ({ section: 'monthly', role: 'DIRECT_SUPERVISOR', items, ...extra });

describe('rating forms from the scheme', () => {
  it('describes every method: range, rubric, deduction, formula, pass/fail', () => {
    const f = ratingForm(seedPrograms.cafeteria, 'monthly', 'DIRECT_SUPERVISOR');
    expect(f.ok && f.value.items.map((i) => [i.id, i.input])).toEqual([
      ['hygiene', { kind: 'range', min: '0', max: '25' }],
      ['foodQuality', { kind: 'range', min: '0', max: '25' }],
      ['service', { kind: 'range', min: '0', max: '20' }],
      ['discipline', { kind: 'range', min: '0', max: '15' }],
      ['safety', { kind: 'range', min: '0', max: '15' }],
    ]);
    expect(f.ok && f.value.section).toEqual({ id: 'monthly', name: seedPrograms.cafeteria.sections[0]?.name, itemWeighting: 'points', fullMarks: '100', weight: '100' });
    const hq = ratingForm(seedPrograms.headquarters, 'scale', 'HR');
    expect(hq.ok && hq.value.items[0]?.input).toMatchObject({ kind: 'rubric', levels: [{ code: 'outstanding', points: '100' }, { code: 'good' }, { code: 'competent' }, { code: 'improve' }, { code: 'poor', points: '40' }] });
    const hotel = ratingForm(seedPrograms.hotelAudit, 'daily', 'DIRECT_SUPERVISOR');
    expect(hotel.ok && hotel.value.items[0]?.input).toMatchObject({ kind: 'deduction', startsAt: '100', floor: '0' });
    const nurse = ratingForm(seedPrograms.nursing, 'satisfaction', 'SURVEY');
    expect(nurse.ok && nurse.value.items[0]?.input).toEqual({ kind: 'formula', inputs: ['satisfied', 'returned'], expression: 'if(returned > 0, satisfied / returned * maxPoints, maxPoints)' });
    expect(ratingForm(seedPrograms.nursing, 'nursingDept', 'DEPARTMENT').ok && (ratingForm(seedPrograms.nursing, 'nursingDept', 'DEPARTMENT') as { value: { items: { passMark?: string }[] } }).value.items[1]?.passMark).toBe('18');
    const wrong = ratingForm(seedPrograms.nursing, 'headNurse', 'PEER');
    expect(wrong.ok ? null : wrong.issues[0]?.code).toBe('rater_not_in_section');
  });

  it('gives the plus/minus catalog with ranges and the self-review form of Part 5', () => {
    expect(adjustmentForm(seedPrograms.workshop).rules.find((r) => r.id === 'rationalisation')?.amount).toEqual({ kind: 'range', min: '10', max: '500' });
    expect(adjustmentForm(seedPrograms.workshop).hourRate).toBe('8.05');
    const self = selfReviewForm(seedPrograms.headquarters);
    expect(self.textFields.map((f) => f.field)).toEqual(['achievements', 'problems', 'plans']);
    expect(self.scored.map((f) => f.section.id)).toEqual(['self']);
    expect(selfReviewForm(seedPrograms.cafeteria).scored).toEqual([]);
  });
});

describe('validateRating', () => {
  it('refuses a value outside the item range, naming the range, in drafts and submissions', () => {
    const issues = validateRating(seedPrograms.cafeteria, cafe({ hygiene: { points: '26' } }), 'draft');
    expect(issues).toEqual([
      { path: ['items', 'hygiene'], code: 'item_out_of_range', message: 'item "hygiene": 26 is outside 0..25', params: { item: 'hygiene', value: '26', min: '0', max: '25' } },
    ]);
  });

  it('lets a draft be partial and requires every item on submit', () => {
    expect(validateRating(seedPrograms.cafeteria, cafe({ hygiene: { points: '20' } }), 'draft')).toEqual([]);
    expect(codes(validateRating(seedPrograms.cafeteria, cafe({ hygiene: { points: '20' } }), 'submit'))).toEqual([
      ['item_unrated', 'items.foodQuality'],
      ['item_unrated', 'items.service'],
      ['item_unrated', 'items.discipline'],
      ['item_unrated', 'items.safety'],
    ]);
  });

  it('checks numbers, rubric levels, deduction rules and counts, unknown items, comment lengths', () => {
    expect(codes(validateRating(seedPrograms.cafeteria, cafe({ hygiene: { points: 'twenty' }, coffee: { points: '1' } }, { comment: 'x'.repeat(2001), itemComments: { hygiene: 'y'.repeat(501) } }), 'draft'))).toEqual([
      ['item_not_a_number', 'items.hygiene.points'],
      ['unknown_item', 'items.coffee'],
      ['comment_too_long', 'comment'],
      ['comment_too_long', 'itemComments.hygiene'],
    ]);
    expect(codes(validateRating(seedPrograms.headquarters, { section: 'scale', role: 'HR', items: { moral: { level: 'superb' } } }, 'draft'))).toEqual([['rubric_unknown_level', 'items.moral']]);
    expect(codes(validateRating(seedPrograms.hotelAudit, { section: 'daily', role: 'DIRECT_SUPERVISOR', items: { dailyConduct: { occurrences: { napping: 1, complaint: 1.5 } } } }, 'submit'))).toEqual([
      ['deduction_unknown_rule', 'items.dailyConduct.occurrences.napping'],
    ]);
    expect(codes(validateRating(seedPrograms.hotelAudit, { section: 'daily', role: 'DIRECT_SUPERVISOR', items: { dailyConduct: { occurrences: { complaint: 1.5 } } } }, 'submit'))).toEqual([
      ['deduction_count', 'items.dailyConduct.occurrences.complaint'],
    ]);
    expect(codes(validateRating(seedPrograms.nursing, { section: 'headNurse', role: 'SURVEY', items: {} }, 'draft'))).toEqual([['rater_not_in_section', 'role']]);
  });

  it('accepts a draft formula item with one input still open, and checks the rest on submit', () => {
    const draft = { section: 'satisfaction', role: 'SURVEY' as const, items: { patientSatisfaction: { values: { satisfied: '45' } } } };
    expect(validateRating(seedPrograms.nursing, draft, 'draft')).toEqual([]);
    expect(codes(validateRating(seedPrograms.nursing, draft, 'submit'))).toEqual([['item_unrated', 'items.patientSatisfaction.values.returned']]);
  });
});

describe('previewRating: the live total as the rater types', () => {
  it('scores filled items and gives the section score once complete', () => {
    const partial = previewRating(seedPrograms.cafeteria, cafe({ hygiene: { points: '22' } }));
    expect(partial).toEqual({ items: { hygiene: { points: '22', failed: false } }, missing: ['foodQuality', 'service', 'discipline', 'safety'], issues: [] });
    const full = previewRating(seedPrograms.cafeteria, cafe({ hygiene: { points: '22' }, foodQuality: { points: '23' }, service: { points: '18' }, discipline: { points: '12' }, safety: { points: '10' } }));
    expect(full.sectionScore).toBe('85');
  });

  it('uses the section arithmetic of the engine: weighted rubric factors (Part 5) and a pass mark (nursing)', () => {
    const hq = previewRating(seedPrograms.headquarters, { section: 'scale', role: 'DIRECT_SUPERVISOR', items: { moral: { level: 'good' }, ability: { level: 'outstanding' }, diligence: { level: 'good' }, performance: { level: 'good' } } });
    expect(hq.sectionScore).toBe('89.5');
    const dept = previewRating(seedPrograms.nursing, { section: 'nursingDept', role: 'DEPARTMENT', items: { medicalEthics: { points: '40' }, theoryExam: { points: '15' }, operationExam: { points: '30' } } });
    expect(dept.items.theoryExam).toEqual({ points: '15', failed: true });
    expect(dept.sectionScore).toBe('85');
  });

  it('shows no section score while an entry is invalid', () => {
    const bad = previewRating(seedPrograms.cafeteria, cafe({ hygiene: { points: '30' }, foodQuality: { points: '23' }, service: { points: '18' }, discipline: { points: '12' }, safety: { points: '10' } }));
    expect(bad.sectionScore).toBeUndefined();
    expect(bad.missing).toEqual(['hygiene']);
    expect(bad.issues.map((i) => i.code)).toEqual(['item_out_of_range']);
  });
});

describe('plus/minus entries and self-review text', () => {
  it('refuses an amount outside the rule range, naming the range; unknown rules; fractional counts', () => {
    expect(validateAdjustmentEntry(seedPrograms.workshop, { rule: 'rationalisation', amount: '600' })).toEqual([
      { path: ['amount'], code: 'adjustment_out_of_range', message: 'rule "rationalisation" takes an amount in 10..500', params: { rule: 'rationalisation', min: '10', max: '500' } },
    ]);
    expect(validateAdjustmentEntry(seedPrograms.workshop, { rule: 'rationalisation', amount: '200', note: 'new welding jig' })).toEqual([]);
    expect(codes(validateAdjustmentEntry(seedPrograms.nursing, { rule: 'bribe' }))).toEqual([['adjustment_unknown_rule', 'rule']]);
    expect(codes(validateAdjustmentEntry(seedPrograms.nursing, { rule: 'learning', count: 0.5 }))).toEqual([['adjustment_count', 'count']]);
    expect(codes(validateAdjustmentEntry(seedPrograms.hotelAudit, { rule: 'goodDeed', amount: 'lots', note: 'z'.repeat(501) }))).toEqual([
      ['adjustment_not_a_number', 'amount'],
      ['comment_too_long', 'note'],
    ]);
  });

  it('requires the three parts of a self-review on submit and limits their length', () => {
    expect(validateSelfReview({ achievements: 'shipped', problems: '' }, 'draft')).toEqual([]);
    expect(codes(validateSelfReview({ achievements: 'shipped', problems: ' ', plans: 'x'.repeat(4001) }, 'submit'))).toEqual([
      ['self_review_text_required', 'problems'],
      ['text_too_long', 'plans'],
    ]);
  });
});

describe('measured inputs', () => {
  it('checks survey counts and turns them into the satisfaction item values', () => {
    expect(surveyValues({ satisfied: 48, returned: 50 })).toEqual({ ok: true, value: { satisfied: '48', returned: '50' } });
    const bad = surveyValues({ satisfied: 51, returned: 50 });
    expect(bad.ok ? null : bad.issues[0]).toMatchObject({ code: 'survey_satisfied_exceeds_returned', params: { satisfied: 51, returned: 50 } });
    const frac = surveyValues({ satisfied: 1.5, returned: -1 });
    expect(frac.ok ? [] : frac.issues.map((i) => i.code)).toEqual(['survey_count', 'survey_count']);
    expect(measuredRating('satisfaction', 'SURVEY', { patientSatisfaction: { satisfied: '48', returned: '50' } })).toEqual({
      section: 'satisfaction',
      role: 'SURVEY',
      items: { patientSatisfaction: { values: { satisfied: '48', returned: '50' } } },
    });
  });

  it('checks measured values against the formula item inputs', () => {
    expect(codes(validateItemValues(seedPrograms.nursing, 'patientSatisfaction', { satisfied: '48', surveys: '3' }))).toEqual([
      ['measured_value_missing', 'values.returned'],
      ['measured_value_unknown', 'values.surveys'],
    ]);
    expect(codes(validateItemValues(seedPrograms.nursing, 'patientSatisfaction', { satisfied: '-1', returned: 'ten' }))).toEqual([
      ['measured_negative', 'values.satisfied'],
      ['measured_not_a_number', 'values.returned'],
    ]);
    expect(codes(validateItemValues(seedPrograms.nursing, 'theoryExam', {}))).toEqual([['measured_item_not_formula', 'item']]);
  });

  it('checks the auditor\'s occurrence log (Part 1) and sums it per rule', () => {
    const day = { start: '2025-10-09', end: '2025-10-09' };
    expect(validateOccurrence(seedPrograms.hotelAudit, { date: '2025-10-09', item: 'dailyConduct', rule: 'complaint', count: 1 }, day)).toEqual([]);
    expect(codes(validateOccurrence(seedPrograms.hotelAudit, { date: '2025-10-10', item: 'dailyConduct', rule: 'napping', count: 0 }, day))).toEqual([
      ['deduction_unknown_rule', 'rule'],
      ['occurrence_count', 'count'],
      ['occurrence_outside_period', 'date'],
    ]);
    expect(
      occurrenceInputs([
        { date: '2025-10-09', item: 'dailyConduct', rule: 'complaint', count: 1 },
        { date: '2025-10-09', item: 'dailyConduct', rule: 'handoverUnclear', count: 1 },
        { date: '2025-10-09', item: 'dailyConduct', rule: 'complaint', count: 2 },
      ]),
    ).toEqual({ dailyConduct: { occurrences: { complaint: 3, handoverUnclear: 1 } } });
  });

  it('sums work tickets into man-hours and the worst completion of the month (Part 4)', () => {
    const t = (manHours: string, overrunHours: string, affectsDelivery = false) => ({ ticket: `T-${manHours}`, manHours, overrunHours, affectsDelivery, personalReason: false });
    expect(ticketSummary([t('80', '0'), t('70', '1.5')])).toEqual({ manHours: '150', values: { overrunHours: '1.5', affectsDelivery: '0', personalReason: '0' } });
    expect(ticketSummary([t('80', '0', true)]).values.affectsDelivery).toBe('1');
    expect(codes(validateWorkTicket({ ticket: '', manHours: '-8', overrunHours: 'x', affectsDelivery: false, personalReason: false }))).toEqual([
      ['measured_negative', 'manHours'],
      ['measured_not_a_number', 'overrunHours'],
      ['ticket_number_required', 'ticket'],
    ]);
  });

  it('derives the output value and the unit price per kilogram from revenue and finished tonnage', () => {
    expect(workshopOutputValue({ revenue: '100000', finishedKg: '25000' })).toEqual({ ok: true, value: { outputValue: '100000.00', unitPricePerKg: '4.0000' } });
    const none = workshopOutputValue({ revenue: '100', finishedKg: '0' });
    expect(none.ok ? null : none.issues[0]?.code).toBe('output_no_tonnage');
  });
});
