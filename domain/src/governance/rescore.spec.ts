import { describe, expect, it } from 'vitest';
import type { AppraisalInput } from '../scoring/types.js';
import { applyRescore } from './appeals.js';

const input: AppraisalInput = {
  employeeId: 'e1',
  ratings: [
    { section: 'headNurse', role: 'DIRECT_SUPERVISOR', raterId: 'r1', items: { attitude: { points: '6' }, attendance: { points: '10' } } },
    { section: 'peers', role: 'PEER', raterId: 'r2', items: { attitude: { points: '8' } } },
  ],
  adjustments: [{ rule: 'lateness', count: 2 }, { rule: 'praise', count: 1 }],
};

describe('applyRescore: an upheld appeal corrects the recorded input', () => {
  it('replaces the item of every rating of the role in the section and removes one adjustment, leaving the rest', () => {
    const done = applyRescore(input, { items: [{ section: 'headNurse', role: 'DIRECT_SUPERVISOR', item: 'attitude', value: { points: '9' } }], removeAdjustments: ['lateness'] });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.value.ratings[0]?.items).toEqual({ attitude: { points: '9' }, attendance: { points: '10' } });
    expect(done.value.ratings[1]?.items).toEqual({ attitude: { points: '8' } });
    expect(done.value.adjustments).toEqual([{ rule: 'praise', count: 1 }]);
    // The recorded input is not touched (the old result version keeps it).
    expect(input.ratings[0]?.items.attitude).toEqual({ points: '6' });
    expect(input.adjustments).toHaveLength(2);
  });

  it('refuses a correction naming nothing of the result, or no correction at all', () => {
    const wrong = applyRescore(input, { items: [{ section: 'self', role: 'SELF', item: 'x', value: { points: '1' } }], removeAdjustments: ['overtime'] });
    expect(wrong.ok ? [] : wrong.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['appeal_correction_target', 'correction.items.0'],
      ['appeal_correction_target', 'correction.removeAdjustments.0'],
    ]);
    const none = applyRescore(input, {});
    expect(none.ok ? [] : none.issues.map((i) => i.code)).toEqual(['appeal_correction_required']);
  });
});
