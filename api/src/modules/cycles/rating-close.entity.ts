import { Entity, Enum, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { EditableEntity } from '../../core/record.js';
import { Cycle } from './cycle.entity.js';

export const RATING_CLOSE_STATUSES = ['RUNNING', 'DONE', 'FAILED'] as const;
export type RatingCloseStatus = (typeof RATING_CLOSE_STATUSES)[number];

/** Progress of the close job: counts, and the appraisals the missing-rater policy could not score, with why. */
export interface RatingCloseProgress {
  total: number;
  done: number;
  computed: number;
  unchanged: number;
  blocked: number;
  blockedAppraisals: Array<{ appraisalId: string; employeeId: string; issues: Array<{ code: string; message: string; params: Record<string, unknown> | null }> }>;
  startedAt: string;
  finishedAt?: string;
  error?: string;
}

/**
 * HR closed the rating phase of a cycle: from then on ratings are taken only under an HR reopening, and the
 * `cycle.closeRatingPhase` job computes the results still missing with the scheme's missing-rater policy.
 * One row per cycle; the job's progress lives here (the cycle row stays the cycle's own).
 */
@Entity({ tableName: 'cycle_rating_close' })
@Unique({ properties: ['cycle'] })
export class CycleRatingClose extends EditableEntity {
  @ManyToOne({ entity: () => Cycle, deleteRule: 'restrict' })
  cycle!: Cycle;

  @Enum({ items: [...RATING_CLOSE_STATUSES], type: 'string' })
  status: Opt<RatingCloseStatus> = 'RUNNING';

  @Property({ type: 'json' })
  progress!: RatingCloseProgress;

  @Property({ type: 'uuid', nullable: true })
  closedByUserId: string | null = null;
}
