import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitTeamIncident } from './team.js';
import { fromHundredths, toHundredths } from './quantity.js';

const members = (...ids: string[]) => ids.map((employeeId) => ({ employeeId }));

describe('team incidents with joint liability', () => {
  it('splits 7 penalty hours three ways exactly; the spare hundredth goes to the lowest id on a tie', () => {
    const r = splitTeamIncident({ amount: '-7.00' }, members('c', 'a', 'b'));
    expect(r).toEqual({ ok: true, value: [{ employeeId: 'c', amount: '-2.33' }, { employeeId: 'a', amount: '-2.34' }, { employeeId: 'b', amount: '-2.33' }] });
  });

  it('weights the team leader double and splits money separately so it also sums exactly', () => {
    const r = splitTeamIncident({ amount: '-5.00', money: '-40.25' }, [{ employeeId: 'lead', weight: '2' }, { employeeId: 'm1' }, { employeeId: 'm2' }]);
    expect(r).toEqual({
      ok: true,
      value: [
        { employeeId: 'lead', amount: '-2.50', money: '-20.13' },
        { employeeId: 'm1', amount: '-1.25', money: '-10.06' },
        { employeeId: 'm2', amount: '-1.25', money: '-10.06' },
      ],
    });
  });

  it('refuses teams of one, duplicate members and negative weights', () => {
    const codes = (r: ReturnType<typeof splitTeamIncident>) => (r.ok ? [] : r.issues.map((i) => i.code));
    expect(codes(splitTeamIncident({ amount: '-7.00' }, members('a')))).toEqual(['ledger_team_too_small']);
    expect(codes(splitTeamIncident({ amount: '-7.00' }, members('a', 'a')))).toEqual(['ledger_team_duplicate']);
    expect(codes(splitTeamIncident({ amount: '-7.00' }, [{ employeeId: 'a', weight: '-1' }, { employeeId: 'b' }]))).toEqual(['ledger_team_weight']);
  });

  it('property: shares always sum exactly to the incident, keep its sign, and differ by at most one hundredth when equal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 40 }),
        fc.option(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 40, maxLength: 40 }), { nil: undefined }),
        (hundredths, ids, weights) => {
          const amount = fromHundredths(BigInt(hundredths));
          const list = ids.map((employeeId, i) => ({ employeeId, ...(weights ? { weight: String(weights[i] ?? 0) } : {}) }));
          const r = splitTeamIncident({ amount, money: amount }, list);
          if (!r.ok) return false;
          const sum = r.value.reduce((s, x) => s + toHundredths(x.amount), 0n);
          const moneySum = r.value.reduce((s, x) => s + toHundredths(x.money ?? '0'), 0n);
          const signOk = r.value.every((x) => (hundredths >= 0 ? toHundredths(x.amount) >= 0n : toHundredths(x.amount) <= 0n));
          const values = r.value.map((x) => toHundredths(x.amount));
          const spread = weights ? true : values.reduce((m, v) => (v > m ? v : m)) - values.reduce((m, v) => (v < m ? v : m)) <= 1n;
          return sum === BigInt(hundredths) && moneySum === BigInt(hundredths) && signOk && spread;
        },
      ),
      { numRuns: 300 },
    );
  });
});
