import { describe, expect, it } from 'vitest';
import { seedPrograms } from '../programs/index.js';
import { planLaunch } from './launch.js';
import { buildPopulation, type PopulationEmployee } from './population.js';
import type { OrgDirectory } from './raters.js';

describe('planLaunch', () => {
  it('plans 10,000 appraisals with their raters in a stable order, quickly, and lists the blocked ones', () => {
    const n = 10_000;
    const employees: PopulationEmployee[] = [];
    const supervisorOf = new Map<string, string | null>();
    const lineageOf = new Map<string, readonly string[]>();
    for (let i = 0; i < n; i++) {
      const id = `e${String(i).padStart(5, '0')}`;
      const ward = `ward${i % 200}`;
      employees.push({ employeeId: id, departmentLineage: [ward, 'nursing'], positionId: 'nurse', employmentStatus: 'REGULAR', category: 'nursing', hireDate: '2020-01-01', probationEndDate: null, disciplinaryDecision: false, specialApproval: false, active: true });
      // Every 1000th nurse has no head nurse on record: the nursing scheme fails without that rater.
      supervisorOf.set(id, i % 1000 === 999 ? null : `head-${ward}`);
      lineageOf.set(id, [ward, 'nursing']);
    }
    const org: OrgDirectory = { supervisorOf, lineageOf, departmentRaters: new Map([['nursing', ['director']]]), hrReviewers: new Map(), hrDefault: [], committee: [], peers: new Map() };
    const started = performance.now();
    const population = buildPopulation({ scheme: seedPrograms.nursing, span: { start: '2026-05-01', end: '2026-05-31' }, target: { departmentIds: ['nursing'], positionIds: [] }, employees: [...employees].reverse() });
    const plan = planLaunch(seedPrograms.nursing, population, org);
    const ms = performance.now() - started;
    expect(plan.counts).toEqual({ appraisals: n, slots: 3 * n - 10, dataSlots: n, unresolved: 10 });
    expect(plan.appraisals[0]?.employeeId).toBe('e00000');
    expect(plan.blocked.map((b) => [b.employeeId, b.unresolved[0]?.code])).toContainEqual(['e00999', 'rater_no_supervisor']);
    // Generous on a shared machine; typically a few hundred milliseconds.
    expect(ms).toBeLessThan(5000);
  });
});
