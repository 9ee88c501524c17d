import type { EligibilityRule } from './rule.js';

/**
 * Part 4, Article 3 as data — who the workshop's output-value appraisal applies to:
 * (a) regular first-line production employees of the production and processing department;
 * (b) others with a written special approval for special contributions or skills;
 * (c) probationers and interns "in principle" not — we read "in principle" as "unless specially approved";
 * (d) never anyone with a written disciplinary decision (this overrides a special approval).
 * The category value 'production_frontline' is the name HR gives first-line production staff.
 * Example: isEligible(workshopOutputEligibility, regularWelder).eligible -> true
 */
export const workshopOutputEligibility: EligibilityRule = {
  all: [
    { field: 'disciplinaryDecision', op: 'eq', value: false },
    { field: 'employmentStatus', op: 'neq', value: 'LEFT' },
    {
      any: [
        {
          all: [
            { field: 'employmentStatus', op: 'eq', value: 'REGULAR' },
            { field: 'onProbation', op: 'eq', value: false },
            { field: 'category', op: 'eq', value: 'production_frontline' },
          ],
        },
        { field: 'specialApproval', op: 'eq', value: true },
      ],
    },
  ],
};
