import { hasRole, type Actor } from './actor.js';
import { NO_FACTS, sameFor, type FieldPolicy, type NoFacts, type ResourceAccess } from './access.js';
import { asLineSupervisor, asSubject, factCombinations, type SubjectRelation } from './facts.js';

const isHR = (actor: Actor): boolean => hasRole(actor, 'HR');
const isApprover = (actor: Actor): boolean => hasRole(actor, 'APPROVER');
const anyPersonRole = (actor: Actor): boolean => hasRole(actor, 'EMPLOYEE', 'SUPERVISOR', 'HR', 'COMMITTEE', 'ADMIN', 'APPROVER');

/** Fields of the LedgerRule GraphQL type. */
export const LEDGER_RULE_FIELDS = ['id', 'code', 'name', 'kind', 'unit', 'amount', 'perOccurrence', 'hourRate', 'caps', 'settlement', 'accountingMonth', 'regulation', 'policy', 'component', 'program', 'usedBySchemes', 'active', 'version', 'createdAt', 'updatedAt'] as const;

/**
 * The catalog is the published rulebook: everyone signed in reads it (employees read the rules that govern them);
 * only HR changes it. Example: ledgerRuleAccess.fields.amount(employeeActor, NO_FACTS) -> true
 */
export const ledgerRuleAccess: ResourceAccess<NoFacts> = {
  typeName: 'LedgerRule',
  factClasses: (actor) => (anyPersonRole(actor) ? [NO_FACTS] : []),
  fields: sameFor<NoFacts>(LEDGER_RULE_FIELDS, (actor) => anyPersonRole(actor)),
};

/** Creating, changing and retiring catalog rules. Example: canManageLedgerRules(supervisorActor) -> false */
export function canManageLedgerRules(actor: Actor): boolean {
  return isHR(actor);
}

/** What one ledger entry row is to the actor, computed in SQL per row. */
export interface LedgerEntryFacts {
  /** The entry's person relative to the actor. */
  subject: SubjectRelation;
  /** The actor proposed this entry. */
  proposedByActor: boolean;
  /**
   * The entry states appraisal pay (generated from a published result, or the reversal of one): supervisors see its
   * amount only where the cycle's scheme lets them see pay.
   */
  payFromAppraisal: boolean;
  /** For appraisal pay: the cycle lets supervisors of the line see pay (vis_supervisor_pay and the result). */
  supervisorPay: boolean;
  /** The entry is in a batch submitted for approval or approved (what an APPROVER checks). */
  inSubmittedBatch: boolean;
}

/**
 * Which entries an actor may list. HR: all. APPROVER: entries of batches submitted or approved. Others (OR in SQL):
 * their own (EMPLOYEE, SUPERVISOR), their line's (SUPERVISOR: `employee.supervisor_path @> array[me]`), and the
 * ones they proposed (SUPERVISOR). COMMITTEE as such: none — the committee never sees ledger amounts.
 * Example: ledgerEntryRowScope({ userId: 'u', employeeId: 'e', roles: ['SUPERVISOR'] }) -> { kind: 'some', employeeId: 'e', own: true, line: true, proposed: true, batches: false }
 */
export type LedgerEntryRowScope =
  | { kind: 'all' }
  | { kind: 'some'; employeeId: string | null; own: boolean; line: boolean; proposed: boolean; batches: boolean }
  | { kind: 'none' };

export function ledgerEntryRowScope(actor: Actor): LedgerEntryRowScope {
  if (isHR(actor)) return { kind: 'all' };
  const person = actor.employeeId !== null && hasRole(actor, 'EMPLOYEE', 'SUPERVISOR');
  const batches = isApprover(actor);
  if (!person && !batches) return { kind: 'none' };
  const supervises = person && hasRole(actor, 'SUPERVISOR');
  return { kind: 'some', employeeId: actor.employeeId, own: person, line: supervises, proposed: supervises, batches };
}

function ledgerEntryFactClasses(actor: Actor): LedgerEntryFacts[] {
  const scope = ledgerEntryRowScope(actor);
  if (scope.kind === 'none') return [];
  const all = factCombinations<LedgerEntryFacts>({
    subject: ['self', 'line', 'other'],
    proposedByActor: [true, false],
    payFromAppraisal: [true, false],
    supervisorPay: [true, false],
    inSubmittedBatch: [true, false],
  });
  if (scope.kind === 'all') return all;
  return all.filter((f) => (scope.own && f.subject === 'self') || (scope.line && f.subject === 'line') || (scope.proposed && f.proposedByActor) || (scope.batches && f.inSubmittedBatch));
}

const proposer = (actor: Actor, f: LedgerEntryFacts): boolean => f.proposedByActor && hasRole(actor, 'SUPERVISOR', 'HR');
const lineSeesAmount = (actor: Actor, f: LedgerEntryFacts): boolean => asLineSupervisor(actor, f.subject) && (!f.payFromAppraisal || f.supervisorPay);

/** Who is affected, by which rule, when, and its state: everyone whose scope holds the row. */
const readsRow: FieldPolicy<LedgerEntryFacts> = (actor, f) =>
  isHR(actor) || asSubject(actor, f.subject) || asLineSupervisor(actor, f.subject) || proposer(actor, f) || (isApprover(actor) && f.inSubmittedBatch);
/** The amount and money: HR, the person, the line (appraisal pay only where the scheme shows pay), the proposer, the approver of its batch. Never the committee. */
const readsAmount: FieldPolicy<LedgerEntryFacts> = (actor, f) =>
  isHR(actor) || asSubject(actor, f.subject) || lineSeesAmount(actor, f) || (proposer(actor, f) && !f.payFromAppraisal) || (isApprover(actor) && f.inSubmittedBatch);
/** Evidence and attachments: HR, the person, the line and the proposer. */
const readsEvidence: FieldPolicy<LedgerEntryFacts> = (actor, f) => isHR(actor) || asSubject(actor, f.subject) || asLineSupervisor(actor, f.subject) || proposer(actor, f);
/** Who proposed and approved it, the rejection reason, the batch it was paid in: HR, the person, the line, the proposer, the approver. */
const readsHandling: FieldPolicy<LedgerEntryFacts> = readsRow;

/** Fields of the LedgerEntry GraphQL type, grouped by policy. */
export const LEDGER_ENTRY_FIELDS = {
  row: ['id', 'employee', 'department', 'rule', 'component', 'unit', 'status', 'occurredOn', 'periodKey', 'source', 'appraisal', 'reverses', 'reversedBy', 'team', 'version', 'createdAt', 'updatedAt'],
  amount: ['quantity', 'count', 'amount', 'money', 'explanation', 'teamShare'],
  evidence: ['evidence', 'attachments'],
  handling: ['proposedBy', 'approvedBy', 'approvedAt', 'rejectionReason', 'batch', 'paidAt'],
} as const;

/**
 * Field access of the LedgerEntry type: employees read their own entries with amounts; supervisors their line's
 * (appraisal pay only where the scheme shows them pay); the proposer what they proposed; the approver the entries
 * of batches before them; the committee nothing.
 * Example: ledgerEntryAccess.fields.amount(supervisorActor, { subject: 'line', payFromAppraisal: true, supervisorPay: false, ... }) -> false
 */
export const ledgerEntryAccess: ResourceAccess<LedgerEntryFacts> = {
  typeName: 'LedgerEntry',
  factClasses: ledgerEntryFactClasses,
  fields: {
    ...sameFor(LEDGER_ENTRY_FIELDS.row, readsRow),
    ...sameFor(LEDGER_ENTRY_FIELDS.amount, readsAmount),
    ...sameFor(LEDGER_ENTRY_FIELDS.evidence, readsEvidence),
    ...sameFor(LEDGER_ENTRY_FIELDS.handling, readsHandling),
  },
};

/** Proposing an entry for someone: HR for anyone, a supervisor for their line. Example: canProposeLedgerEntry(supervisorActor, 'line') -> true */
export function canProposeLedgerEntry(actor: Actor, subject: SubjectRelation): boolean {
  return isHR(actor) || asLineSupervisor(actor, subject);
}

/** Approving, rejecting and reversing entries. Example: canApproveLedgerEntries(supervisorActor) -> false */
export function canApproveLedgerEntries(actor: Actor): boolean {
  return isHR(actor);
}

/** Reading a person's statement: HR, the person, a supervisor of the line. Example: canReadStatement(employeeActor, 'self') -> true */
export function canReadStatement(actor: Actor, subject: SubjectRelation): boolean {
  return isHR(actor) || asSubject(actor, subject) || asLineSupervisor(actor, subject);
}

/** What one payout batch row is to the actor. */
export interface PayoutBatchFacts {
  /** Submitted or approved (an APPROVER's view); drafts and cancelled batches are HR's. */
  beforeApprover: boolean;
  /** The actor prepared it (they may read it but never approve it). */
  preparedByActor: boolean;
}

/** Which batches an actor may list: HR all; APPROVER submitted and approved ones; nobody else. Example: payoutBatchRowScope(approverActor) -> { kind: 'submittedOrApproved' } */
export function payoutBatchRowScope(actor: Actor): { kind: 'all' } | { kind: 'submittedOrApproved' } | { kind: 'none' } {
  if (isHR(actor)) return { kind: 'all' };
  if (isApprover(actor)) return { kind: 'submittedOrApproved' };
  return { kind: 'none' };
}

/** Fields of the PayoutBatch GraphQL type. */
export const PAYOUT_BATCH_FIELDS = [
  'id',
  'number',
  'periodKey',
  'accountingMonth',
  'periodStart',
  'periodEnd',
  'scope',
  'status',
  'total',
  'entryCount',
  'peopleCount',
  'totalsByDepartment',
  'totalsByComponent',
  'lines',
  'entries',
  'checksum',
  'preparedBy',
  'submittedAt',
  'approvedBy',
  'approvedAt',
  'returnReason',
  'cancelReason',
  'version',
  'createdAt',
  'updatedAt',
] as const;

const readsBatch: FieldPolicy<PayoutBatchFacts> = (actor, f) => isHR(actor) || (isApprover(actor) && f.beforeApprover);

/**
 * Field access of the PayoutBatch type: HR prepares and reads every batch; an APPROVER reads the batches put
 * before them (totals, lines, entries); nobody else sees batches.
 * Example: payoutBatchAccess.fields.total(employeeActor, { beforeApprover: true, preparedByActor: false }) -> false
 */
export const payoutBatchAccess: ResourceAccess<PayoutBatchFacts> = {
  typeName: 'PayoutBatch',
  factClasses: (actor) => {
    const scope = payoutBatchRowScope(actor);
    if (scope.kind === 'none') return [];
    const all = factCombinations<PayoutBatchFacts>({ beforeApprover: [true, false], preparedByActor: [true, false] });
    return scope.kind === 'all' ? all : all.filter((f) => f.beforeApprover);
  },
  fields: sameFor(PAYOUT_BATCH_FIELDS, readsBatch),
};

/** Building, submitting and cancelling batches, and exporting them. Example: canPrepareBatches(hrActor) -> true */
export function canPrepareBatches(actor: Actor): boolean {
  return isHR(actor);
}

/**
 * Approving or returning a batch: an APPROVER who did not prepare it (the workflow guard checks the preparer too).
 * Example: canApproveBatch(approverActor, { preparedByActor: true, beforeApprover: true }) -> false
 */
export function canApproveBatch(actor: Actor, f: PayoutBatchFacts): boolean {
  return isApprover(actor) && f.beforeApprover && !f.preparedByActor;
}

/** Exporting a batch for payroll: HR and APPROVER (approved batches export identically every time). Example: canExportBatch(approverActor) -> true */
export function canExportBatch(actor: Actor): boolean {
  return isHR(actor) || isApprover(actor);
}
