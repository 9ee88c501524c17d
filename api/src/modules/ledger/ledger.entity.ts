import { LEDGER_ENTRY_STATES, PAYOUT_BATCH_STATES, type LedgerEntryState, type LedgerKind, type LedgerRule, type LedgerSettlement, type LedgerSourceKind, type LedgerUnit, type PayoutBatchState } from '@appraisal/domain';
import { ArrayType, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { EditableEntity } from '../../core/record.js';
import { Department } from '../org/department.entity.js';
import { Employee } from '../org/employee.entity.js';
import { Policy } from '../policies/policy.entity.js';

// Foreign keys of the ledger tables are plain `references` (no cascade either way): entries outlive nothing.
const plainFk = { updateRule: 'no action', deleteRule: 'no action' } as const;

/** A rule of the reward-and-punishment catalog (write model): the validated LedgerRule document and its revision. */
@Entity({ tableName: 'ledger_rule' })
@Index({ name: 'ledger_rule_program_index', properties: ['program'] })
export class LedgerRuleRecord extends EditableEntity {
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Property({ type: 'json' })
  document!: LedgerRule;

  /** The policy that governs the rule (issue 11; `LedgerRule.policy`). */
  @ManyToOne({ entity: () => Policy, joinColumn: 'policy_id', mapToPk: true, nullable: true, deleteRule: 'set null', updateRule: 'cascade' })
  @Index({ name: 'ledger_rule_policy_id_index' })
  policyId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  program: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  /** Bumped on every save; `ledger_rule_revision` keeps each document. */
  @Property({ type: 'integer', default: 1 })
  revision: Opt<number> = 1;
}

/** Every saved document of a catalog rule (append-only: a trigger refuses UPDATE and DELETE). Written by SQL. */
@Entity({ tableName: 'ledger_rule_revision' })
export class LedgerRuleRevision {
  @ManyToOne({ entity: () => LedgerRuleRecord, fieldName: 'rule_id', primary: true, mapToPk: true, ...plainFk })
  ruleId!: string;

  @PrimaryKey({ type: 'integer' })
  revision!: number;

  @Property({ type: 'json' })
  document!: LedgerRule;

  @Property({ type: 'uuid', nullable: true })
  createdByUserId: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** A team incident (joint liability): priced once, split into one `team` entry per member. Written once. */
@Entity({ tableName: 'ledger_incident' })
@Index({ name: 'ledger_incident_rule_code_occurred_on_index', properties: ['ruleCode', 'occurredOn'] })
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

  @Property({ type: 'json', default: "'[]'" })
  attachments: Opt<unknown[]> = [];

  @Property({ type: 'uuid' })
  proposedByUserId!: string;
}

/**
 * One line of the ledger (write model). Never deleted; once approved never changed except approved -> paid by a
 * batch (a database trigger enforces both). A correction is a reversal entry pointing at the original.
 */
@Entity({ tableName: 'ledger_entry' })
@Index({ name: 'ledger_entry_employee_period_index', properties: ['employeeId', 'periodKey'] })
@Index({ name: 'ledger_entry_department_period_index', properties: ['departmentId', 'periodKey'] })
@Index({ name: 'ledger_entry_caps_index', properties: ['employeeId', 'ruleCode', 'occurredOn'] })
@Index({ name: 'ledger_entry_incident_index', properties: ['incidentId'] })
@Index({ name: 'ledger_entry_batch_index', properties: ['batchId'] })
@Unique({ name: 'ledger_entry_idempotency_key_unique', properties: ['idempotencyKey'] })
// One standing reversal per entry (rejected and withdrawn proposals do not count).
@Index({
  name: 'ledger_entry_reverses_id_unique',
  expression: `create unique index "ledger_entry_reverses_id_unique" on "ledger_entry" ("reverses_id") where "reverses_id" is not null and "status" not in ('rejected', 'withdrawn')`,
})
@Index({ name: 'ledger_entry_appraisal_index', expression: `create index "ledger_entry_appraisal_index" on "ledger_entry" ("appraisal_id") where "source_kind" = 'appraisal'` })
// Batch selection: approved payroll money of an accounting month and convention.
@Index({
  name: 'ledger_entry_batch_selection_index',
  expression: `create index "ledger_entry_batch_selection_index" on "ledger_entry" ("accounting_month", "period_key", "department_id") where "status" = 'approved' and "settlement" = 'payroll' and "money" is not null`,
})
// HR's queue of proposals.
@Index({ name: 'ledger_entry_proposed_index', expression: `create index "ledger_entry_proposed_index" on "ledger_entry" ("status", "proposed_at") where "status" = 'proposed'` })
export class LedgerEntry extends EditableEntity {
  @ManyToOne({ entity: () => Employee, fieldName: 'employee_id', mapToPk: true, ...plainFk })
  employeeId!: string;

  @ManyToOne({ entity: () => Department, fieldName: 'department_id', mapToPk: true, ...plainFk })
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

  @Property({ type: 'integer', default: 1 })
  count: Opt<number> = 1;

  /** Signed amount in the unit. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  amount!: string;

  /** Signed money, null for points and unpaid hours. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  money: string | null = null;

  @Enum({ items: ['payroll', 'appraisal', 'record'], type: 'string' })
  settlement!: LedgerSettlement;

  @Property({ type: 'string', length: 32, default: 'calendar' })
  accountingMonth: Opt<string> = 'calendar';

  @Property({ type: 'character', length: 7 })
  periodKey!: string;

  @Property({ type: 'date' })
  occurredOn!: string;

  @Enum({ items: [...LEDGER_ENTRY_STATES], type: 'string' })
  status!: LedgerEntryState;

  @Enum({ items: ['manual', 'team', 'appraisal', 'award', 'reversal'], type: 'string' })
  sourceKind!: LedgerSourceKind;

  @Property({ type: 'boolean', default: false })
  payFromAppraisal: Opt<boolean> = false;

  @Property({ type: 'uuid', nullable: true })
  appraisalId: string | null = null;

  @Property({ type: 'integer', nullable: true })
  resultNumber: number | null = null;

  @Property({ type: 'uuid', nullable: true })
  cycleId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  awardId: string | null = null;

  @ManyToOne({ entity: () => LedgerIncident, fieldName: 'incident_id', mapToPk: true, nullable: true, ...plainFk })
  incidentId: string | null = null;

  @ManyToOne({ entity: () => LedgerEntry, fieldName: 'reverses_id', mapToPk: true, nullable: true, ...plainFk })
  reversesId: string | null = null;

  @ManyToOne({ entity: () => LedgerEntry, fieldName: 'corrects_id', mapToPk: true, nullable: true, ...plainFk })
  correctsId: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'json', nullable: true })
  basis: Opt<Record<string, unknown>> | null = null;

  /** Generated entries: the manual entries (hours and money plus/minus) they pay. */
  @Property({ type: ArrayType, columnType: 'uuid[]', nullable: true })
  inputs: Opt<string[]> | null = null;

  @Property({ type: 'text', nullable: true })
  evidence: string | null = null;

  @Property({ type: 'json', default: "'[]'" })
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

  @ManyToOne({ entity: () => PayoutBatch, fieldName: 'batch_id', mapToPk: true, nullable: true, ...plainFk })
  batchId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  paidAt: Date | null = null;
}

/** A payout batch ("special project application"): draft -> submitted -> approved (frozen) | cancelled. */
@Entity({ tableName: 'payout_batch' })
@Index({ name: 'payout_batch_status_period_key_index', properties: ['status', 'periodKey'] })
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

  @Enum({ items: [...PAYOUT_BATCH_STATES], type: 'string', default: 'draft' })
  status: Opt<PayoutBatchState> = 'draft';

  @Property({ type: 'decimal', precision: 16, scale: 2, defaultRaw: '0' })
  total: Opt<string> = '0.00';

  @Property({ type: 'integer', default: 0 })
  entryCount: Opt<number> = 0;

  @Property({ type: 'integer', default: 0 })
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

/** An entry collected into a batch (one live batch per entry; rows leave only draft batches). Written by SQL. */
@Entity({ tableName: 'payout_batch_entry' })
@Unique({ name: 'payout_batch_entry_entry_id_unique', properties: ['entryId'] })
export class PayoutBatchEntry {
  @ManyToOne({ entity: () => PayoutBatch, fieldName: 'batch_id', primary: true, mapToPk: true, ...plainFk })
  batchId!: string;

  @ManyToOne({ entity: () => LedgerEntry, fieldName: 'entry_id', primary: true, mapToPk: true, ...plainFk })
  entryId!: string;
}

/** A payroll line frozen at approval: one person, one component (append-only). Written by SQL. */
@Entity({ tableName: 'payout_batch_line' })
export class PayoutBatchLine {
  @ManyToOne({ entity: () => PayoutBatch, fieldName: 'batch_id', primary: true, mapToPk: true, ...plainFk })
  batchId!: string;

  @PrimaryKey({ type: 'integer' })
  lineNo!: number;

  @Property({ type: 'uuid' })
  employeeId!: string;

  @Property({ type: 'string', length: 32 })
  employeeNumber!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 32 })
  departmentCode!: string;

  @Property({ type: 'string', length: 100 })
  departmentName!: string;

  @Property({ type: 'string', length: 64 })
  component!: string;

  @Property({ type: 'decimal', precision: 16, scale: 2 })
  amount!: string;

  @Property({ type: 'integer' })
  entries!: number;
}
