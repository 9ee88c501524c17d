import { PROBATION_REVIEW_STATES, type ProbationReviewState } from '@appraisal/domain';
import { Entity, Enum, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { EditableEntity } from '../../core/record.js';
import { Appraisal } from '../cycles/appraisal.entity.js';
import { Cycle } from '../cycles/cycle.entity.js';
import { Employee } from '../org/employee.entity.js';

export const PROBATION_OUTCOMES = ['confirm', 'extend', 'terminate'] as const;
export type ProbationOutcomeKind = (typeof PROBATION_OUTCOMES)[number];

/** The evaluation of a new or re-positioned employee's probation, ending in confirm / extend / terminate. */
@Entity({ tableName: 'probation_review' })
@Index({
  name: 'probation_review_employee_end_unique',
  expression:
    `create unique index "probation_review_employee_end_unique" on "probation_review" ("employee_id", "probation_end_date") where "state" <> 'cancelled'`,
})
@Index({ properties: ['state', 'probationEndDate'] })
export class ProbationReview extends EditableEntity {
  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  employee!: Employee;

  @Property({ type: 'date' })
  probationStart!: string;

  @Property({ type: 'date' })
  probationEndDate!: string;

  @Enum({ items: [...PROBATION_REVIEW_STATES], type: 'string' })
  state: Opt<ProbationReviewState> = 'scheduled';

  @ManyToOne({ entity: () => Cycle, nullable: true, deleteRule: 'restrict' })
  cycle: Cycle | null = null;

  @ManyToOne({ entity: () => Appraisal, nullable: true, deleteRule: 'restrict' })
  appraisal: Appraisal | null = null;

  @Enum({ items: [...PROBATION_OUTCOMES], type: 'string', nullable: true })
  recommendedOutcome: ProbationOutcomeKind | null = null;

  @Property({ type: 'text', nullable: true })
  recommendation: string | null = null;

  @Enum({ items: [...PROBATION_OUTCOMES], type: 'string', nullable: true })
  outcome: ProbationOutcomeKind | null = null;

  @Property({ type: 'date', nullable: true })
  newEndDate: string | null = null;

  @Property({ type: 'date', nullable: true })
  lastWorkingDay: string | null = null;

  @Property({ type: 'date', nullable: true })
  effectiveOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidedByUserId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  appliedAt: Date | null = null;
}
