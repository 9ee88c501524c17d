import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Checked, DomainIssue } from '../issues.js';
import type { IsoDate } from '../calendar/dates.js';
import { periodBounds, type AccountingConvention } from '../calendar/periods.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import { isPayable, type LedgerEntryRecord } from './record.js';
import { fromHundredths, toHundredths } from './quantity.js';

/** What a payout batch covers: one accounting month under a convention, and a scope. */
export interface BatchSpec {
  /** The accounting month, YYYY-MM. */
  periodKey: string;
  /** Work calendar convention code ('calendar' = months from the 1st; the workshop's 26th-25th). */
  accountingMonth: string;
  /** Departments (each with its sub-departments, resolved by the API); absent = every department. */
  departmentIds?: readonly string[];
  /** Components (pay components and rule components); absent = all. */
  components?: readonly string[];
  /** Also collect approved, unpaid entries of earlier months (left out of earlier batches). */
  includeEarlier: boolean;
}

/** The dates a batch's accounting month covers. Example: batchPeriod({ periodKey: '2026-05', ... }, { monthStartDay: 26 }) -> { start: '2026-04-26', end: '2026-05-25' } */
export function batchPeriod(spec: Pick<BatchSpec, 'periodKey'>, convention: AccountingConvention): { start: IsoDate; end: IsoDate } {
  return periodBounds(spec.periodKey, convention);
}

/** Why an entry is not collected into a batch. */
export type BatchSkipReason = 'notApproved' | 'notPayable' | 'inAnotherBatch' | 'otherPeriod' | 'otherConvention' | 'outOfScope';

/** An entry as batch selection reads it: the record plus its rule's accounting-month convention. */
export type BatchCandidate = LedgerEntryRecord & { accountingMonth: string };

/**
 * Whether an entry belongs in a batch: approved and not paid, worth money and settled through payroll, in no
 * other batch, of the batch's accounting convention and month (or earlier, when asked), inside the scope.
 * Example: batchSkipReason({ status: 'proposed', ... }, spec) -> 'notApproved'
 */
export function batchSkipReason(e: BatchCandidate, spec: BatchSpec): BatchSkipReason | null {
  if (e.status !== 'approved') return 'notApproved';
  if (!isPayable(e)) return 'notPayable';
  if (e.batchId) return 'inAnotherBatch';
  if (e.accountingMonth !== spec.accountingMonth) return 'otherConvention';
  if (e.periodKey !== spec.periodKey && !(spec.includeEarlier && e.periodKey < spec.periodKey)) return 'otherPeriod';
  if (spec.departmentIds && !spec.departmentIds.includes(e.departmentId)) return 'outOfScope';
  if (spec.components && !spec.components.includes(e.component)) return 'outOfScope';
  return null;
}

/**
 * Picks a batch's entries from candidates, in a stable order (employee, component, id), with the skipped ones and why.
 * The reference of the SQL `INSERT INTO payout_batch_entry SELECT ... WHERE status = 'approved' AND batch_id IS NULL ...`.
 * Example: selectBatchEntries(candidates, spec).entries.length -> 10000
 */
export function selectBatchEntries(candidates: readonly BatchCandidate[], spec: BatchSpec): { entries: BatchCandidate[]; skipped: { id: string; reason: BatchSkipReason }[] } {
  const entries: BatchCandidate[] = [];
  const skipped: { id: string; reason: BatchSkipReason }[] = [];
  for (const e of candidates) {
    const reason = batchSkipReason(e, spec);
    if (reason) skipped.push({ id: e.id, reason });
    else entries.push(e);
  }
  entries.sort((a, b) => cmp(a.employeeId, b.employeeId) || cmp(a.component, b.component) || cmp(a.id, b.id));
  return { entries, skipped };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A batch's totals: overall, by department, by component, by both. */
export interface BatchTotals {
  total: string;
  entries: number;
  people: number;
  byDepartment: { departmentId: string; total: string; entries: number }[];
  byComponent: { component: string; total: string; entries: number }[];
  byDepartmentComponent: { departmentId: string; component: string; total: string; entries: number }[];
}

/**
 * Exact totals of a batch's money (bigint cents), overall and grouped, sorted by key. The API computes the same
 * with `GROUP BY GROUPING SETS ((), (department_id), (component), (department_id, component))` and stores them at
 * submission; approval compares them again (batch_totals_changed).
 * Example: batchTotals([{ departmentId: 'd1', component: 'bonus', money: '0.10' }, { departmentId: 'd1', component: 'bonus', money: '0.20' }]).total -> '0.30'
 */
export function batchTotals(entries: readonly Pick<LedgerEntryRecord, 'employeeId' | 'departmentId' | 'component' | 'money'>[]): BatchTotals {
  let total = 0n;
  const dep = new Map<string, { t: bigint; n: number }>();
  const comp = new Map<string, { t: bigint; n: number }>();
  const both = new Map<string, { d: string; c: string; t: bigint; n: number }>();
  const people = new Set<string>();
  for (const e of entries) {
    const m = toHundredths(e.money ?? '0');
    total += m;
    people.add(e.employeeId);
    const d = dep.get(e.departmentId) ?? { t: 0n, n: 0 };
    d.t += m;
    d.n += 1;
    dep.set(e.departmentId, d);
    const c = comp.get(e.component) ?? { t: 0n, n: 0 };
    c.t += m;
    c.n += 1;
    comp.set(e.component, c);
    const key = `${e.departmentId}\u0000${e.component}`;
    const b = both.get(key) ?? { d: e.departmentId, c: e.component, t: 0n, n: 0 };
    b.t += m;
    b.n += 1;
    both.set(key, b);
  }
  return {
    total: fromHundredths(total),
    entries: entries.length,
    people: people.size,
    byDepartment: [...dep].sort(([a], [b]) => cmp(a, b)).map(([departmentId, v]) => ({ departmentId, total: fromHundredths(v.t), entries: v.n })),
    byComponent: [...comp].sort(([a], [b]) => cmp(a, b)).map(([component, v]) => ({ component, total: fromHundredths(v.t), entries: v.n })),
    byDepartmentComponent: [...both.values()].sort((a, b) => cmp(a.d, b.d) || cmp(a.c, b.c)).map((v) => ({ departmentId: v.d, component: v.c, total: fromHundredths(v.t), entries: v.n })),
  };
}

/** Who a batch line pays, as frozen at approval (names and departments may change later; exports must not). */
export interface PayeeSnapshot {
  employeeNumber: string;
  name: string;
  departmentCode: string;
  departmentName: string;
}

/** One export row: one person, one component, the exact sum of their entries of that component. */
export interface BatchLine extends PayeeSnapshot {
  employeeId: string;
  component: string;
  amount: string;
  entries: number;
}

/**
 * The batch's lines, one per person per component (sums in cents), ordered by employee number then component.
 * Computed once at approval and stored (payout_batch_line), so every export of a frozen batch reads the same rows.
 * Example: batchLines(entries, payees).map((l) => [l.employeeNumber, l.component, l.amount]) -> [['W-001', 'outputPay', '2310.55'], ['W-001', 'adjustmentHours', '-40.25']]
 */
export function batchLines(entries: readonly Pick<LedgerEntryRecord, 'employeeId' | 'component' | 'money'>[], payees: ReadonlyMap<string, PayeeSnapshot>): Checked<BatchLine[]> {
  const groups = new Map<string, { employeeId: string; component: string; t: bigint; n: number }>();
  const issues: DomainIssue[] = [];
  for (const e of entries) {
    if (!payees.has(e.employeeId)) {
      issues.push(issue('batch_payee_missing', `no payee record for ${e.employeeId}`, { employeeId: e.employeeId }, ['entries']));
      continue;
    }
    const key = `${e.employeeId}\u0000${e.component}`;
    const g = groups.get(key) ?? { employeeId: e.employeeId, component: e.component, t: 0n, n: 0 };
    g.t += toHundredths(e.money ?? '0');
    g.n += 1;
    groups.set(key, g);
  }
  if (issues.length) return { ok: false, issues: dedupe(issues) };
  const lines = [...groups.values()].map((g): BatchLine => ({ ...(payees.get(g.employeeId) as PayeeSnapshot), employeeId: g.employeeId, component: g.component, amount: fromHundredths(g.t), entries: g.n }));
  lines.sort((a, b) => cmp(a.employeeNumber, b.employeeNumber) || cmp(a.employeeId, b.employeeId) || cmp(a.component, b.component));
  return { ok: true, value: lines };
}

function dedupe(issues: DomainIssue[]): DomainIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.code}:${String(i.params?.employeeId)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The header of an exported batch. */
export interface BatchHeader {
  batchId: string;
  /** Human number, e.g. PB-2026-05-003. */
  number: string;
  periodKey: string;
  accountingMonth: string;
  currency: string;
}

/** An export ready for a spreadsheet writer: columns, rows (strings: exact cents), the totals row and the checksum. */
export interface BatchExport {
  columns: string[];
  rows: string[][];
  totals: string[];
  total: string;
  lineCount: number;
  /** Hex SHA-256 of the canonical text (header, rows, totals): identical on every export of the same batch. */
  checksum: string;
}

/** The columns of the payroll export, in order. */
export const BATCH_EXPORT_COLUMNS = ['employeeNumber', 'name', 'departmentCode', 'departmentName', 'component', 'amount', 'entries'] as const;

/** The text the checksum covers: tab-separated fields, one record per line, LF line ends. Example: batchCanonicalText(header, lines).split('\n')[0] -> 'PB-2026-05-003\t2026-05\tcalendar\tCNY\t...' */
export function batchCanonicalText(header: BatchHeader, lines: readonly BatchLine[]): string {
  const total = fromHundredths(lines.reduce((s, l) => s + toHundredths(l.amount), 0n));
  // Tabs and line ends inside names would make two different exports read the same; they are replaced.
  const clean = (s: string) => s.replace(/[\t\r\n]/g, ' ');
  const out = [[header.batchId, header.number, header.periodKey, header.accountingMonth, header.currency, String(lines.length), total].map(clean).join('\t')];
  for (const l of lines) out.push([l.employeeNumber, l.name, l.departmentCode, l.departmentName, l.component, l.amount, String(l.entries)].map(clean).join('\t'));
  out.push(['TOTAL', String(lines.length), total].join('\t'));
  return `${out.join('\n')}\n`;
}

/** SHA-256 of the canonical text. Example: batchChecksum(header, lines).length -> 64 */
export function batchChecksum(header: BatchHeader, lines: readonly BatchLine[]): string {
  return bytesToHex(sha256(utf8ToBytes(batchCanonicalText(header, lines))));
}

/**
 * The payroll export of a frozen batch: one row per person per component with exact cents, a totals row, and a
 * checksum over both that anyone can recompute from the file (and the API compares with the stored one).
 * Example: exportBatch(header, lines).totals -> ['TOTAL', '', '', '', '', '1234567.89', '10000']
 */
export function exportBatch(header: BatchHeader, lines: readonly BatchLine[]): BatchExport {
  const total = fromHundredths(lines.reduce((s, l) => s + toHundredths(l.amount), 0n));
  const entries = lines.reduce((s, l) => s + l.entries, 0);
  return {
    columns: [...BATCH_EXPORT_COLUMNS],
    rows: lines.map((l) => [l.employeeNumber, l.name, l.departmentCode, l.departmentName, l.component, l.amount, String(l.entries)]),
    totals: ['TOTAL', '', '', '', '', total, String(entries)],
    total,
    lineCount: lines.length,
    checksum: batchChecksum(header, lines),
  };
}

/**
 * Checks an export against its batch: the totals row equals the batch total stored at approval and the checksum
 * is the stored one (a re-export of a frozen batch is byte-identical).
 * Example: verifyBatchExport(exportBatch(header, lines), { total: '1234567.89', checksum }) -> []
 */
export function verifyBatchExport(exported: BatchExport, stored: { total: string; checksum?: string }): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (toHundredths(exported.total) !== toHundredths(stored.total)) issues.push(issue('batch_export_total_mismatch', `the export adds up to ${exported.total}, the batch to ${stored.total}`, { exported: exported.total, stored: stored.total }));
  if (stored.checksum !== undefined && stored.checksum !== exported.checksum) issues.push(issue('batch_export_checksum_mismatch', 'the export differs from the frozen batch', { exported: exported.checksum, stored: stored.checksum }));
  return issues;
}
