import type { IsoDate } from '../calendar/dates.js';
import type { LedgerEntryState } from '../workflow/ledger-entry.js';
import type { LedgerSettlement, LedgerUnit } from './rule.js';

/**
 * Where an entry comes from:
 * - manual: proposed by a supervisor or HR under a catalog rule;
 * - team: one member's share of a team incident (joint liability), all shares of an incident share its id;
 * - appraisal: one pay component of a published appraisal result (generated; links the appraisal and result number);
 * - award: the reward of an honour;
 * - reversal: the negation of an approved entry (a correction is a reversal plus a new entry).
 */
export type LedgerSource =
  | { kind: 'manual' }
  | { kind: 'team'; incidentId: string }
  | { kind: 'appraisal'; appraisalId: string; resultNumber: number; cycleId: string; component: string }
  | { kind: 'award'; awardId: string }
  | { kind: 'reversal'; reversesId: string };

/** The kinds of LedgerSource. */
export type LedgerSourceKind = LedgerSource['kind'];

/**
 * A stored ledger entry as the pure functions read it (the API selects these columns). Amounts are signed
 * 2-place strings; `money` is present when the entry is worth money.
 */
export interface LedgerEntryRecord {
  id: string;
  employeeId: string;
  /** The person's department when the entry was recorded (department totals do not move with transfers). */
  departmentId: string;
  ruleCode: string | null;
  component: string;
  unit: LedgerUnit;
  amount: string;
  money?: string;
  settlement: LedgerSettlement;
  periodKey: string;
  occurredOn: IsoDate;
  status: LedgerEntryState;
  source: LedgerSource;
  batchId?: string | null;
}

/** Entries that count: approved or paid (proposed ones are pending, rejected and withdrawn never count). Example: countsInLedger({ status: 'paid' }) -> true */
export function countsInLedger(e: Pick<LedgerEntryRecord, 'status'>): boolean {
  return e.status === 'approved' || e.status === 'paid';
}

/**
 * Whether an entry is paid through a payout batch: it is worth money and either its rule settles through payroll or
 * it was generated (appraisal pay, awards) — reversals follow the entry they reverse (the API copies its settlement).
 * Example: isPayable({ money: '-40.25', settlement: 'appraisal', source: { kind: 'manual' } }) -> false (paid through the appraisal's generated entries)
 */
export function isPayable(e: Pick<LedgerEntryRecord, 'money' | 'settlement'>): boolean {
  return e.money !== undefined && e.settlement === 'payroll';
}
