import type { CyclePhaseName, PeriodKindName, SchemeDefinition } from './schema.js';

/** The windowed phases of a cycle in the order they run. */
export const CYCLE_PHASES: readonly CyclePhaseName[] = ['selfReview', 'rating', 'calibration', 'hrReview'];

/** A period kind a scheme's cycles may run over: rated (people fill forms) or computed from child results only. */
export interface SchemeCycleKind {
  kind: PeriodKindName;
  /** True when appraisals of this kind are rated; false for roll-up-only periods (cafeteria annual = average of months). */
  rated: boolean;
  /** The roll-up computed for cycles of this kind, if any. */
  rollup?: string;
}

/**
 * The period kinds a scheme's cycles may run over: its own period, and the period of each roll-up. A roll-up's
 * period is rated when one of its inputs is that period's own appraisal (Part 5: the quarter's own score).
 * Example: schemeCycleKinds(seedPrograms.cafeteria) -> [{ kind: 'month', rated: true }, { kind: 'year', rated: false, rollup: 'annual' }]
 */
export function schemeCycleKinds(doc: SchemeDefinition): SchemeCycleKind[] {
  const out: SchemeCycleKind[] = [{ kind: doc.period, rated: true }];
  for (const r of doc.rollups) {
    const ownInput = r.inputs.some((i) => i.source?.period === r.period && i.source.use === 'own');
    const existing = out.find((k) => k.kind === r.period);
    if (existing) {
      existing.rollup ??= r.id;
      existing.rated ||= ownInput;
    } else {
      out.push({ kind: r.period, rated: ownInput, rollup: r.id });
    }
  }
  return out;
}
