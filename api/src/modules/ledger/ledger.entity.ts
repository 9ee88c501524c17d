import { LEDGER_ENTRY_STATES, PAYOUT_BATCH_STATES, type LedgerEntryState, type LedgerKind, type LedgerRule, type LedgerSettlement, type LedgerSourceKind, type LedgerUnit, type PayoutBatchState } from '@appraisal/domain';
import { Entity, Enum, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EditableEntity } from '../../core/record.js';

/** A rule of the reward-and-punishment catalog (write model): the validated LedgerRule document and its revision. */
@Entity({ tableName: 'ledger_rule' })
export class LedgerRuleRecord extends EditableEntity {
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Property({ type: 'json' })
  document!: LedgerRule;

  @Property({ type: 'uuid', nullable: true })
  policyId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  program: string | null = null;

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;

  /** Bumped on every save; `ledger_rule_revision` keeps each document. */
  @Property({ type: 'integer' })
  revision: Opt<number> = 1;
}

/** A team incident (joint liability): priced once, split into one `team` entry per member. Written once. */
@Entity({ tableName: 'ledger_incident' })
export class LedgerIncident {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Opt<Date> = new Date();

  @Property({ type: 'string', length: 64 })
  ruleCode!: string;

  @Property({ type: 'integer' })
  ruleRevision!: number;

  @Property({ type: 'date' })
  occurredOn!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  quantity!: string;

  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  money: string | null = null;

  /** `TeamMember[]` as proposed. */
  @Property({ type: 'json' })
  members!: Array<{ employeeId: string; weight?: string }>;

  @Property({ type: 'text' })
  evidence!: string;

  @Property({ type: 'json' })
  attachments: Opt<unknown[]> = [];

  @Property({ type: 'uuid' })
  proposedByUserId!: string;
}

/**
 * One line of the ledger (write model). Never deleted; once approved never changed except approved -> paid by a
 * batch (a database trigger enforces both). A correction is a reversal entry pointing at the original.
 */
@Entity({ tableName: 'ledger_entry' })
export class LedgerEntry extends EditableEntity {
  @Property({ type: 'uuid' })
  employeeId!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  ruleCode: string | null = null;

  @Property({ type: 'integer', nullable: true })
  ruleRevision: number | null = null;

  @Enum({ items: ['reward', 'punishment'], type: 'string' })
  kind!: LedgerKind;

  @Property({ type: 'string', length: 64 })
  component!: string;

  @Enum({ items: ['points', 'money', 'hours'], type: 'string' })
  unit!: LedgerUnit;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  quantity!: string;

  @Property({ type: 'integer' })
  count: Opt<number> = 1;

  /** Signed amount in the unit. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount!: string;

  /** Signed money, null for points and unpaid hours. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  money: string | null = null;

  @Enum({ items: ['payroll', 'appraisal', 'record'], type: 'string' })
  settlement!: LedgerSettlement;

  @Property({ type: 'string', length: 32 })
  accountingMonth: Opt<string> = 'calendar';

  @Property({ type: 'character', length: 7 })
  periodKey!: string;

  @Property({ type: 'date' })
  occurredOn!: string;

  @Enum({ items: [...LEDGER_ENTRY_STATES], type: 'string' })
  status!: LedgerEntryState;

  @Enum({ items: ['manual', 'team', 'appraisal', 'award', 'reversal'], type: 'string' })
  sourceKind!: LedgerSourceKind;

  @Property({ type: 'boolean' })
  payFromAppraisal: Opt<boolean> = false;

  @Property({ type: 'uuid', nullable: true })
  appraisalId: string | null = null;

  @Property({ type: 'integer', nullable: true })
  resultNumber: number | null = null;

  @Property({ type: 'uuid', nullable: true })
  cycleId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  awardId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  incidentId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  reversesId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  correctsId: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'json', nullable: true })
  basis: Opt<Record<string, unknown>> | null = null;

  @Property({ type: 'text', nullable: true })
  evidence: string | null = null;

  @Property({ type: 'json' })
  attachments: Opt<unknown[]> = [];

  /** Why a reversal was posted. */
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  proposedByUserId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  proposedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  approvedByUserId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  approvedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  rejectedByUserId: string | null = null;

  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  batchId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;
}

/** A payout batch ("special project application"): draft -> submitted -> approved (frozen) | cancelled. */
@Entity({ tableName: 'payout_batch' })
export class PayoutBatch extends EditableEntity {
  @Property({ type: 'string', length: 32, unique: true })
  number!: string;

  @Property({ type: 'character', length: 7 })
  periodKey!: string;

  @Property({ type: 'string', length: 32 })
  accountingMonth!: string;

  @Property({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'date' })
  periodEnd!: string;

  /** `{ departmentIds, components, includeEarlier }` as chosen. */
  @Property({ type: 'json' })
  scope!: { departmentIds: string[] | null; components: string[] | null; includeEarlier: boolean };

  @Enum({ items: [...PAYOUT_BATCH_STATES], type: 'string' })
  status: Opt<PayoutBatchState> = 'draft';

  @Property({ type: 'decimal', precision: 16, scale: 2 })
  total: Opt<string> = '0.00';

  @Property({ type: 'integer' })
  entryCount: Opt<number> = 0;

  @Property({ type: 'integer' })
  peopleCount: Opt<number> = 0;

  /** `BatchTotals` as computed in SQL. */
  @Property({ type: 'json', nullable: true })
  totals: Opt<Record<string, unknown>> | null = null;

  @Property({ type: 'character', length: 64, nullable: true })
  checksum: string | null = null;

  @Property({ type: 'uuid' })
  preparedByUserId!: string;

  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  approvedByUserId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  approvedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  returnReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;
}
