import { describe, expect, it } from 'vitest';
import { canonicalJson, sameJson } from './json.js';

describe('canonicalJson / sameJson', () => {
  it('sorts keys at every level, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }, 'x'] })).toBe('{"a":[{"c":3,"d":2},"x"],"b":1}');
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });

  it('equals a value read back from jsonb (keys shortest first) to the one computed', () => {
    const computed = { ratings: [{ slotKey: 'DIRECT_SUPERVISOR', items: { hygiene: { points: '22' }, service: { points: '18' } } }], appraisalId: 'a1', participated: true };
    const fromJsonb = JSON.parse('{"appraisalId": "a1", "participated": true, "ratings": [{"items": {"service": {"points": "18"}, "hygiene": {"points": "22"}}, "slotKey": "DIRECT_SUPERVISOR"}]}') as unknown;
    expect(JSON.stringify(computed)).not.toBe(JSON.stringify(fromJsonb));
    expect(sameJson(computed, fromJsonb)).toBe(true);
  });

  it('treats an undefined property as absent and sees real differences', () => {
    expect(sameJson({ a: 1, comment: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1, comment: null }, { a: 1 })).toBe(false);
    expect(sameJson({ a: { points: '22' } }, { a: { points: '20' } })).toBe(false);
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ when: new Date('2025-10-03T00:00:00Z') })).toBe('{"when":"2025-10-03T00:00:00.000Z"}');
  });
});
