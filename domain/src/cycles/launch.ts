import type { SchemeDefinition } from '../scheme/index.js';
import type { Population } from './population.js';
import { assignRaters, type OrgDirectory, type RaterSlot, type UnresolvedSlot } from './raters.js';

/** One appraisal the launch job creates: its person, rater slots and what could not be resolved. */
export interface LaunchAppraisal {
  employeeId: string;
  slots: RaterSlot[];
  unresolved: UnresolvedSlot[];
}

/** What launching a cycle creates, in a stable order (employee id), and the blocking gaps HR must fill. */
export interface LaunchPlan {
  appraisals: LaunchAppraisal[];
  /** People whose appraisal cannot be scored as assigned (fail policy, or no rater left in a section). */
  blocked: { employeeId: string; unresolved: UnresolvedSlot[] }[];
  counts: { appraisals: number; slots: number; dataSlots: number; unresolved: number };
}

/**
 * Plans a launch: one appraisal per included person with their rater slots, sorted by employee id so the job can
 * work in resumable batches (insert ... on conflict (cycle_id, employee_id) do nothing; slots on (appraisal_id,
 * slot_key)). Pure and linear: 10,000 people plan in well under a second.
 * Example: planLaunch(seedPrograms.nursing, population, org).counts -> { appraisals: 10, slots: 30, dataSlots: 10, unresolved: 0 }
 */
export function planLaunch(scheme: SchemeDefinition, population: Pick<Population, 'included'>, org: OrgDirectory): LaunchPlan {
  const ids = population.included.map((e) => e.employeeId).sort();
  const appraisals: LaunchAppraisal[] = [];
  const blocked: LaunchPlan['blocked'] = [];
  let slots = 0;
  let dataSlots = 0;
  let unresolved = 0;
  for (const employeeId of ids) {
    const a = assignRaters(scheme, employeeId, org);
    appraisals.push(a);
    slots += a.slots.length;
    dataSlots += a.slots.filter((s) => s.source === 'data').length;
    unresolved += a.unresolved.length;
    const blocking = a.unresolved.filter((u) => u.blocking);
    if (blocking.length) blocked.push({ employeeId, unresolved: blocking });
  }
  return { appraisals, blocked, counts: { appraisals: appraisals.length, slots, dataSlots, unresolved } };
}
