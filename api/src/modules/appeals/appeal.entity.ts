import { APPEAL_STATES, type AppealState } from '@appraisal/domain';
import { Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { AppendOnlyEntity, EditableEntity } from '../../core/record.js';
import { Appraisal, AppraisalResult } from '../cycles/appraisal.entity.js';
import { LedgerEntry } from '../ledger/ledger.entity.js';
import { Department } from '../org/department.entity.js';
import { Employee } from '../org/employee.entity.js';
import { SchemeVersion } from '../schemes/scheme-version.entity.js';

export const APPEAL_TARGET_KINDS = ['result', 'ledgerEntry'] as const;
export const APPEAL_OUTCOMES = ['upheld', 'rejected'] as const;
export const APPEAL_HANDLER_ROLES = ['handler', 'committee'] as const;

/**
 * An employee's appeal against a published result or an approved ledger entry (write model; reads go through
 * appeal.read.ts). The database refuses deleting it, changing what was filed, and any change once closed or withdrawn.
 */
@Entity({ tableName: 'appeal' })
@Index({ name: 'appeal_one_open_per_appraisal', expression: `create unique index "appeal_one_open_per_appraisal" on "appeal" ("appraisal_id") where "state" in ('filed', 'under_review', 'decided')` })
@Index({ name: 'appeal_one_open_per_entry', expression: `create unique index "appeal_one_open_per_entry" on "appeal" ("ledger_entry_id") where "state" in ('filed', 'under_review', 'decided')` })
@Index({ name: 'appeal_open_due_index', expression: `create index "appeal_open_due_index" on "appeal" ("due_on") where "state" in ('filed', 'under_review')` })
@Index({ properties: ['appellantEmployee', 'filedOn'] })
@Index({ properties: ['department', 'filedOn'] })
export class Appeal extends EditableEntity {
  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  appellantEmployee!: Employee;

  /** The appellant's department when filing (analytics by department). */
  @ManyToOne({ entity: () => Department, deleteRule: 'restrict' })
  department!: Department;

  @Enum({ items: [...APPEAL_TARGET_KINDS], type: 'string' })
  targetKind!: (typeof APPEAL_TARGET_KINDS)[number];

  @ManyToOne({ entity: () => Appraisal, nullable: true, deleteRule: 'restrict' })
  appraisal: Appraisal | null = null;

  /** The appealed result version. */
  @ManyToOne({ entity: () => AppraisalResult, nullable: true, deleteRule: 'restrict' })
  result: AppraisalResult | null = null;

  @ManyToOne({ entity: () => LedgerEntry, nullable: true, deleteRule: 'restrict' })
  ledgerEntry: LedgerEntry | null = null;

  @ManyToOne({ entity: () => SchemeVersion, nullable: true, deleteRule: 'restrict' })
  schemeVersion: SchemeVersion | null = null;

  @Property({ type: 'text' })
  grounds!: string;

  /** Attachment metadata (name, type, size, SHA-256); the files live with the document store. */
  @Property({ type: 'json' })
  attachments!: Array<{ name: string; contentType: string; size: number; sha256: string }>;

  @Property({ type: 'date' })
  filedOn!: string;

  @Property({ type: 'date', nullable: true })
  windowCloses: string | null = null;

  /** N working days after filing on the work calendar (the scheme's `appeals.responseWorkingDays`). */
  @Property({ type: 'date' })
  dueOn!: string;

  @Enum({ items: [...APPEAL_STATES], type: 'string' })
  state: Opt<AppealState> = 'filed';

  @Enum({ items: [...APPEAL_OUTCOMES], type: 'string', nullable: true })
  outcome: (typeof APPEAL_OUTCOMES)[number] | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'json', nullable: true })
  correction: Record<string, unknown> | null = null;

  /** Upheld result appeals: the re-scored result version (the appealed one is kept). */
  @ManyToOne({ entity: () => AppraisalResult, nullable: true, deleteRule: 'restrict' })
  newResult: AppraisalResult | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidedByUserId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  withdrawalReason: string | null = null;
}

/** Someone HR assigned to handle an appeal (a supervisor, or a committee member where the scheme lets the committee handle). */
@Entity({ tableName: 'appeal_handler' })
@Unique({ properties: ['appeal', 'employee'] })
@Index({ properties: ['employee'] })
export class AppealHandler extends AppendOnlyEntity {
  @ManyToOne({ entity: () => Appeal, deleteRule: 'restrict' })
  appeal!: Appeal;

  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  employee!: Employee;

  @Enum({ items: [...APPEAL_HANDLER_ROLES], type: 'string' })
  role!: (typeof APPEAL_HANDLER_ROLES)[number];

  @Property({ type: 'uuid', nullable: true })
  assignedByUserId: string | null = null;
}

/** A handling note (HR and the handlers read it; the appellant does not). Append-only. */
@Entity({ tableName: 'appeal_note' })
@Index({ properties: ['appeal', 'createdAt'] })
export class AppealNote extends AppendOnlyEntity {
  @ManyToOne({ entity: () => Appeal, deleteRule: 'restrict' })
  appeal!: Appeal;

  @Property({ type: 'uuid', nullable: true })
  authorUserId: string | null = null;

  @Property({ type: 'text' })
  text!: string;
}

/** A question to a rater of the appealed result with the excerpt HR shares; the statement is written once. */
@Entity({ tableName: 'statement_request' })
@Index({ properties: ['raterEmployee', 'answeredAt'] })
@Index({ properties: ['appeal'] })
export class StatementRequestEntity extends EditableEntity {
  @ManyToOne({ entity: () => Appeal, deleteRule: 'restrict' })
  appeal!: Appeal;

  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  raterEmployee!: Employee;

  @Property({ type: 'text' })
  question!: string;

  @Property({ type: 'text' })
  sharedExcerpt!: string;

  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'text', nullable: true })
  statement: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  answeredAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  askedByUserId: string | null = null;
}

/** The retention setting (one row): years per archive kind (domain `RetentionSetting`). */
@Entity({ tableName: 'archive_setting' })
export class ArchiveSetting extends EditableEntity {
  @Property({ type: 'json' })
  retention!: { years: number; byKind?: Record<string, number> };
}

/** One export of a person's archive (the file's hash, what it covered). Append-only. */
@Entity({ tableName: 'archive_export' })
@Index({ properties: ['employee', 'createdAt'] })
export class ArchiveExport extends AppendOnlyEntity {
  @ManyToOne({ entity: () => Employee, deleteRule: 'restrict' })
  employee!: Employee;

  /** The export covers records up to this day. */
  @Property({ type: 'date' })
  upTo!: string;

  @Property({ type: 'string', length: 64 })
  fileSha256!: string;

  @Enum({ items: ['xlsx'], type: 'string' })
  format!: 'xlsx';

  @Property({ type: 'integer' })
  events!: number;

  @Property({ type: 'uuid', nullable: true })
  exportedByUserId: string | null = null;
}

/** One purge run (written by the database function `archive_purge`). Append-only. */
@Entity({ tableName: 'archive_purge' })
export class ArchivePurge extends AppendOnlyEntity {
  @Property({ type: 'json' })
  retention!: Record<string, unknown>;

  @Property({ type: 'json' })
  counts!: Record<string, number>;

  @Property({ type: 'json' })
  exportIds!: string[];

  @Property({ type: 'uuid', nullable: true })
  byUserId: string | null = null;
}
