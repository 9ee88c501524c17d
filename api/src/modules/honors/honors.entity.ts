import { HONOR_PROGRAM_STATES, type HonorEligibility, type HonorProgram, type HonorProgramState, NOMINATION_STATES, type NominationState, type Tally } from '@appraisal/domain';
import { Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { AppendOnlyEntity, EditableEntity } from '../../core/record.js';
import { Department } from '../org/department.entity.js';
import { Employee } from '../org/employee.entity.js';

export const HONOR_KINDS = ['employee', 'team'] as const;
export type HonorKind = (typeof HONOR_KINDS)[number];
export const VOTE_CHOICES = ['approve', 'reject', 'abstain'] as const;
export type VoteChoiceValue = (typeof VOTE_CHOICES)[number];

/**
 * An annual excellent employee or team program (write model): the validated HonorProgram document HR configures,
 * its workflow state and the chair's decision. Frozen by a trigger once announced or cancelled.
 */
@Entity({ tableName: 'honor_program' })
@Index({ properties: ['year', 'kind'] })
export class HonorProgramRecord extends EditableEntity {
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Property({ type: 'smallint' })
  year!: number;

  @Enum({ items: [...HONOR_KINDS], type: 'string' })
  kind!: HonorKind;

  @Property({ type: 'json' })
  document!: HonorProgram;

  @Enum({ items: [...HONOR_PROGRAM_STATES], type: 'string' })
  state: Opt<HonorProgramState> = 'draft';

  @Property({ type: 'text', nullable: true })
  minutes: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidedByUserId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  announcedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  noticeId: string | null = null;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByUserId: string | null = null;
}

/** A candidate (a person, or a team's department) nominated with a written reason; HR's eligibility check and the chair's decision. */
@Entity({ tableName: 'nomination' })
@Index({
  name: 'nomination_program_candidate_unique',
  expression: `create unique index "nomination_program_candidate_unique" on "nomination" ("program_id", "candidate_employee_id") where "state" <> 'withdrawn'`,
})
@Index({
  name: 'nomination_program_team_unique',
  expression: `create unique index "nomination_program_team_unique" on "nomination" ("program_id", "team_department_id") where "state" <> 'withdrawn'`,
})
@Index({ properties: ['program', 'state'] })
export class Nomination extends EditableEntity {
  @ManyToOne({ entity: () => HonorProgramRecord, deleteRule: 'restrict' })
  program!: HonorProgramRecord;

  @ManyToOne({ entity: () => Employee, nullable: true, deleteRule: 'restrict' })
  candidateEmployee: Employee | null = null;

  @ManyToOne({ entity: () => Department, nullable: true, deleteRule: 'restrict' })
  teamDepartment: Department | null = null;

  /** The candidate's department when nominated (quotas count per department). */
  @ManyToOne({ entity: () => Department, deleteRule: 'restrict' })
  department!: Department;

  @Property({ type: 'uuid' })
  nominatedByUserId!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Enum({ items: [...NOMINATION_STATES], type: 'string' })
  state: Opt<NominationState> = 'nominated';

  /** candidateEligibility / teamEligibility at HR's review. */
  @Property({ type: 'json', nullable: true })
  eligibility: HonorEligibility | null = null;

  @Property({ type: 'uuid', nullable: true })
  reviewedByUserId: string | null = null;

  /** tallyVotes at the chair's decision. */
  @Property({ type: 'json', nullable: true })
  tally: Tally | null = null;

  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  awardId: string | null = null;
}

/** One committee member's vote on one candidate. Final: append-only, one per member and candidate. */
@Entity({ tableName: 'vote' })
@Unique({ properties: ['nomination', 'memberEmployee'] })
export class Vote extends AppendOnlyEntity {
  @ManyToOne({ entity: () => Nomination, deleteRule: 'restrict' })
  nomination!: Nomination;

  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  memberEmployee!: Employee;

  @Enum({ items: [...VOTE_CHOICES], type: 'string' })
  choice!: VoteChoiceValue;

  @Property({ type: 'datetime' })
  castAt!: Date;
}

/** An honour given at the announcement: the title, the citation and (through the ledger) the reward. Append-only. */
@Entity({ tableName: 'award' })
export class Award extends AppendOnlyEntity {
  @ManyToOne({ entity: () => HonorProgramRecord, deleteRule: 'restrict' })
  program!: HonorProgramRecord;

  @ManyToOne({ entity: () => Nomination, deleteRule: 'restrict', unique: true })
  nomination!: Nomination;

  @ManyToOne({ entity: () => Employee, nullable: true, deleteRule: 'restrict' })
  recipientEmployee: Employee | null = null;

  @ManyToOne({ entity: () => Department, nullable: true, deleteRule: 'restrict' })
  teamDepartment: Department | null = null;

  @Property({ type: 'json' })
  title!: { en: string; zh: string };

  @Property({ type: 'text' })
  citation!: string;

  @Property({ type: 'datetime' })
  announcedAt!: Date;
}
