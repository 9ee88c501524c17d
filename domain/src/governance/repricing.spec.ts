import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { priceCalibratedGroup, type GroupPay } from '../cycles/pay.js';
import { seedPrograms } from '../programs/index.js';
import type { AppraisalResult } from '../scoring/index.js';
import { repriceGroup, type StandingPay } from './repricing.js';

const result = (employeeId: string, total: string): AppraisalResult => ({
  employeeId,
  participated: true,
  total,
  weighted: total,
  adjustmentPoints: '0',
  adjustmentMoney: '0',
  adjustmentHours: '0',
  sections: [],
  adjustments: [],
  failedItems: [],
  trace: [],
});

/** Headquarters (Part 5): floating pay around the group's average and a bonus pool split by score. */
const priceHeadquarters = (totals: Record<string, string>): GroupPay => {
  const priced = priceCalibratedGroup(
    seedPrograms.headquarters,
    Object.entries(totals).map(([id, total]) => ({ employeeId: id, result: result(id, total), facts: { base: '1000' } })),
    { pool: '10000' },
  );
  if (!priced.ok) throw new Error(JSON.stringify(priced.issues));
  return priced.value;
};

/** What the members hold after publication: the sum of their pay lines per component. */
const standingOf = (pay: GroupPay): StandingPay[] =>
  Object.keys(pay.totals).map((employeeId) => ({
    employeeId,
    components: Object.fromEntries(pay.lines.filter((l) => l.employeeId === employeeId).map((l) => [l.component, l.amount])),
  }));

const held = (standing: StandingPay[], changes: ReturnType<typeof repriceGroup>, component: string): string => {
  if (!changes.ok) throw new Error('refused');
  const moved = new Map(changes.value.members.map((m) => [m.employeeId, m.lines.filter((l) => l.component === component).reduce((s, l) => s.plus(l.amount), new Decimal(0))]));
  return standing.reduce((s, m) => s.plus(moved.get(m.employeeId) ?? m.components[component] ?? '0'), new Decimal(0)).toFixed(2);
};

describe('repriceGroup: an upheld appeal re-splits the whole pool', () => {
  it('moves every share of the pool when one result changes, and the pool still adds up to the cent', () => {
    const published = priceHeadquarters({ e0: '90', e1: '80', e2: '70' });
    const standing = standingOf(published);
    // e2's appeal is upheld: 70 -> 85. The pool is split again over the same three people.
    const done = repriceGroup(standing, priceHeadquarters({ e0: '90', e1: '80', e2: '85' }));
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.value.members.map((m) => m.employeeId)).toEqual(['e0', 'e1', 'e2']);
    const bonus = (id: string) => done.value.members.find((m) => m.employeeId === id)?.changes.find((c) => c.component === 'bonus');
    expect(bonus('e0')).toEqual({ component: 'bonus', from: '3750.00', to: expect.any(String) });
    expect(Number(bonus('e0')?.to)).toBeLessThan(3750);
    expect(Number(bonus('e2')?.to)).toBeGreaterThan(2916.67);
    expect(done.value.pools).toEqual([{ component: 'bonus', amount: '10000', before: '10000.00', after: '10000.00' }]);
    // Standing amounts of unchanged members plus the re-issued ones: exactly the pool.
    expect(held(standing, done, 'bonus')).toBe('10000.00');
  });

  it('leaves members whose pay does not move alone (an individual pay rule moves only the appellant)', () => {
    const scheme = { ...seedPrograms.nursing, pay: [{ id: 'merit', name: { en: 'Merit', zh: '绩效' }, rule: { kind: 'gradePercentOfBase' as const, grades: [{ grade: 'excellent', percent: '120' }, { grade: 'good', percent: '100' }, { grade: 'qualified', percent: '80' }, { grade: 'unqualified', percent: '0' }], rounding: { places: 2, mode: 'halfUp' as const } } }] };
    const withGrade = (id: string, grade: string) => ({ employeeId: id, result: { ...result(id, '90'), grade: { grade, band: grade } } as unknown as AppraisalResult, facts: { base: '1000' } });
    const before = priceCalibratedGroup(scheme, [withGrade('n1', 'good'), withGrade('n2', 'qualified')]);
    const after = priceCalibratedGroup(scheme, [withGrade('n1', 'good'), withGrade('n2', 'excellent')]);
    if (!before.ok || !after.ok) throw new Error('priced');
    const done = repriceGroup(standingOf(before.value), after.value);
    expect(done.ok && done.value.members.map((m) => [m.employeeId, m.changes])).toEqual([['n2', [{ component: 'merit', from: '800.00', to: '1200.00' }]]]);
    expect(done.ok && done.value.pools).toEqual([]);
  });

  it('refuses when the group paid is not the group priced again (nothing half re-issued)', () => {
    const published = priceHeadquarters({ e0: '90', e1: '80', e2: '70' });
    const done = repriceGroup(standingOf(published), priceHeadquarters({ e0: '90', e1: '80' }));
    expect(done.ok ? [] : done.issues.map((i) => [i.code, i.params?.employeeId])).toEqual([['appeal_pool_member', 'e2']]);
  });

  it('refuses a split that does not add up to its pool', () => {
    const published = priceHeadquarters({ e0: '90', e1: '80', e2: '70' });
    const broken: GroupPay = { ...published, lines: published.lines.map((l) => (l.employeeId === 'e0' && l.component === 'bonus' ? { ...l, amount: '3750.01' } : l)) };
    const done = repriceGroup(standingOf(published), broken);
    expect(done.ok ? [] : done.issues.map((i) => i.code)).toEqual(['pay_split_mismatch']);
  });
});
