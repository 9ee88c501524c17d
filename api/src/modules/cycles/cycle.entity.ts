import { CYCLE_STATES, type CycleState } from '@appraisal/domain';
import { ArrayType, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AppendOnlyEntity, EditableEntity, TimestampedEntity } from '../../core/record.js';
import { Employee } from '../org/employee.entity.js';
import type { Appraisal, Rating } from './appraisal.entity.js';
import { SchemeVersion } from '../schemes/scheme-version.entity.js';
import { Scheme, SchemePeriod } from '../schemes/scheme.entity.js';

export const LAUNCH_STATUSES = ['NOT_STARTED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type LaunchStatus = (typeof LAUNCH_STATUSES)[number];

export const PAY_GROUP_BY = ['CYCLE', 'CALIBRATION_GROUP'] as const;
export type PayGroupBy = (typeof PAY_GROUP_BY)[number];

/** Where the launch job stands (cycle.launch_progress): counts so far and the rater gaps found. */
export interface LaunchProgress {
  total: number;
  done: number;
  batches?: number;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
  blocked?: number;
}

/**
 * One run of a scheme over a period (write model). The scheme version is pinned at creation; the visibility of the
 * version's document is copied onto the row so appraisal facts are plain columns. Frozen once closed (trigger).
 */
@Entity({ tableName: 'cycle' })
@Index({
  name: 'cycle_scheme_period_unique',
  expression:
    `create unique index "cycle_scheme_period_unique" on "cycle" ("scheme_id", "period_kind", "period_key") where "period_kind" <> 'PROBATION' and "state" <> 'cancelled'`,
})
export class Cycle extends EditableEntity {
  @ManyToOne({ entity: () => Scheme, deleteRule: 'restrict' })
  scheme!: Scheme;

  @ManyToOne({ entity: () => SchemeVersion, deleteRule: 'restrict' })
  schemeVersion!: SchemeVersion;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  nameZh: string | null = null;

  @Enum({ items: () => SchemePeriod, type: 'string' })
  periodKind!: SchemePeriod;

  /** `cyclePeriodKey(period)`: '2026-05', '2026-Q2', a day's date, 'P<start>..<end>' for a probation. */
  @Property({ type: 'string', length: 32 })
  periodKey!: string;

  @Property({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'date' })
  @Index()
  periodEnd!: string;

  /** Day of the month accounting months start on (1 = calendar months; the workshop's 26). */
  @Property({ type: 'smallint' })
  accountingMonthStart: Opt<number> = 1;

  @Enum({ items: [...CYCLE_STATES], type: 'string' })
  @Index()
  state: Opt<CycleState> = 'draft';

  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}' })
  targetDepartmentIds: Opt<string[]> = [];

  @Property({ type: ArrayType, columnType: 'uuid[]', default: '{}' })
  targetPositionIds: Opt<string[]> = [];

  @Property({ type: 'smallint' })
  acknowledgementWorkingDays!: number;

  /** `never | afterPublication | always` (the version's visibility.supervisor.result). */
  @Property({ type: 'string', length: 32 })
  visSupervisorResult!: string;

  @Property({ type: 'boolean' })
  visSupervisorPay!: boolean;

  /** `hidden | scores | scoresAndComments` (the version's visibility.subject.ratings). */
  @Property({ type: 'string', length: 32 })
  visSubjectRatings!: string;

  @Property({ type: 'boolean' })
  visSubjectRaterNames!: boolean;

  @Enum({ items: [...LAUNCH_STATUSES], type: 'string' })
  launchStatus: Opt<LaunchStatus> = 'NOT_STARTED';

  @Property({ type: 'json', nullable: true })
  launchProgress: LaunchProgress | null = null;

  /** Included and excluded people with their reasons, frozen by the launch. */
  @Property({ type: 'json', nullable: true })
  populationSnapshot: Record<string, unknown> | null = null;

  @Enum({ items: [...PAY_GROUP_BY], type: 'string', default: 'CYCLE' })
  payGroupBy: Opt<PayGroupBy> = 'CYCLE';

  @Property({ type: 'text', nullable: true })
  quotaOverrideReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByUserId: string | null = null;
}

export const CYCLE_PHASES = ['selfReview', 'rating', 'calibration', 'hrReview'] as const;
export type CyclePhaseKey = (typeof CYCLE_PHASES)[number];

/** A phase window of a cycle, computed on the calendar when the cycle is created (or recomputed by HR) and stored. */
@Entity({ tableName: 'cycle_phase' })
export class CyclePhase extends TimestampedEntity {
  @ManyToOne({ entity: () => Cycle, primary: true, deleteRule: 'cascade' })
  cycle!: Cycle;

  @PrimaryKey({ type: 'string', length: 32 })
  phase!: CyclePhaseKey;

  @Property({ type: 'date' })
  opens!: string;

  @Property({ type: 'date' })
  closes!: string;

  /** The close before a holiday postponed it (equals `closes` when not postponed). */
  @Property({ type: 'date' })
  nominalCloses!: string;

  @Property({ type: 'boolean' })
  postponed: Opt<boolean> = false;

  @Property({ type: 'boolean' })
  overridden: Opt<boolean> = false;
}

export const POPULATION_ACTIONS = ['ADD', 'REMOVE'] as const;
export type PopulationAction = (typeof POPULATION_ACTIONS)[number];

/** HR's change to a draft cycle's population: add someone outside the target or remove someone, with a reason. */
@Entity({ tableName: 'cycle_population_change' })
@Unique({ properties: ['cycle', 'employee'] })
export class CyclePopulationChange extends EditableEntity {
  @ManyToOne({ entity: () => Cycle, deleteRule: 'cascade' })
  cycle!: Cycle;

  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  employee!: Employee;

  @Enum({ items: [...POPULATION_ACTIONS], type: 'string' })
  action!: PopulationAction;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'uuid', nullable: true })
  createdByUserId: string | null = null;
}

/** Amounts a group's pay is computed from (pool, the workshop's output value, revenue and tonnage). */
@Entity({ tableName: 'cycle_group_amount' })
export class CycleGroupAmount extends TimestampedEntity {
  @ManyToOne({ entity: () => Cycle, primary: true, deleteRule: 'cascade' })
  cycle!: Cycle;

  @PrimaryKey({ type: 'string', length: 64 })
  groupKey!: string;

  @Property({ type: 'integer', version: true })
  version!: Opt<number>;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  pool: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  outputValue: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  revenue: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 3, nullable: true })
  finishedKg: string | null = null;

  /** Inputs of the scheme's output value formula by name (decimal strings), e.g. { revenue, kilogramsProduced, finishedKilograms }. */
  @Property({ type: 'json', nullable: true })
  inputs: Record<string, string> | null = null;
}

export const REOPEN_SCOPES = ['CYCLE', 'APPRAISAL', 'RATING'] as const;
export type ReopenScope = (typeof REOPEN_SCOPES)[number];

/** HR reopened a window (a phase or the acknowledgement) until a date, for a cycle, one appraisal or one rating. Append-only. */
@Entity({ tableName: 'phase_reopening' })
@Index({ properties: ['cycle', 'window'] })
export class PhaseReopening extends AppendOnlyEntity {
  @ManyToOne({ entity: () => Cycle, deleteRule: 'restrict' })
  cycle!: Cycle;

  /** A phase (`selfReview`, `rating`, ...) or `acknowledgement`. */
  @Property({ type: 'string', length: 32 })
  window!: string;

  @Enum({ items: [...REOPEN_SCOPES], type: 'string' })
  scopeKind!: ReopenScope;

  @ManyToOne({ entity: 'Appraisal', nullable: true, deleteRule: 'restrict' })
  appraisal: Appraisal | null = null;

  @ManyToOne({ entity: 'Rating', nullable: true, deleteRule: 'restrict' })
  rating: Rating | null = null;

  @Property({ type: 'date' })
  until!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'uuid', nullable: true })
  createdByUserId: string | null = null;
}
