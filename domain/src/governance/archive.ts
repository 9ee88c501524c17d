import type { DomainIssue } from '../issues.js';
import { compareIsoDates, parseIsoDate, isoDate, type IsoDate } from '../calendar/dates.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import type { LocalText } from '../scheme/schema.js';

/**
 * One event of a person's archive. Every kind points at its source record; the archive is a composition of
 * immutable records (closed appraisals, acknowledgements, appeals, ledger entries, honours, probation outcomes,
 * policy acknowledgements), never a copy that could drift.
 */
export type ArchiveEvent =
  | { kind: 'appraisal'; date: IsoDate; id: string; cycleId: string; cycleName: LocalText; periodKey: string; schemeVersionId: string; resultNumber: number; total: string; grade?: string }
  | { kind: 'acknowledgement'; date: IsoDate; id: string; appraisalId: string; outcome: 'acknowledged' | 'refused' | 'lapsed' }
  | { kind: 'appeal'; date: IsoDate; id: string; target: 'result' | 'ledgerEntry'; state: string; outcome?: 'upheld' | 'rejected'; decidedOn?: IsoDate }
  | { kind: 'ledgerEntry'; date: IsoDate; id: string; ruleCode: string | null; component: string; unit: 'points' | 'money' | 'hours'; amount: string; money?: string; reversesId?: string }
  | { kind: 'honor'; date: IsoDate; id: string; programId: string; title: LocalText }
  | { kind: 'probation'; date: IsoDate; id: string; outcome: 'confirmed' | 'extended' | 'terminated' }
  | { kind: 'policyAcknowledgement'; date: IsoDate; id: string; policyId: string; versionNumber: number };

/** The kinds of archive events, in the order events of one day are listed. */
export const ARCHIVE_KINDS: readonly ArchiveEvent['kind'][] = ['appraisal', 'acknowledgement', 'appeal', 'ledgerEntry', 'honor', 'probation', 'policyAcknowledgement'];

/**
 * A person's archive in time order: oldest first; on one day in ARCHIVE_KINDS order, then by id. Filters by kind
 * and date range are the console's; the API reads each source with `employee_id = :id` and this merges them.
 * Example: composeArchive([ledger, appraisals]).map((e) => e.kind) -> ['appraisal', 'ledgerEntry', 'appraisal']
 */
export function composeArchive(sources: readonly (readonly ArchiveEvent[])[], range?: { from?: IsoDate; to?: IsoDate; kinds?: readonly ArchiveEvent['kind'][] }): ArchiveEvent[] {
  const all = sources.flat().filter((e) => {
    if (range?.from && compareIsoDates(e.date, range.from) < 0) return false;
    if (range?.to && compareIsoDates(e.date, range.to) > 0) return false;
    return !range?.kinds || range.kinds.includes(e.kind);
  });
  return all.sort((a, b) => compareIsoDates(a.date, b.date) || ARCHIVE_KINDS.indexOf(a.kind) - ARCHIVE_KINDS.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How long archives are kept, per kind (HR's setting). */
export interface RetentionSetting {
  /** Years after the record's date before it may be purged. */
  years: number;
  /** Longer periods for some kinds (e.g. money records kept as long as the accounts). */
  byKind?: Partial<Record<ArchiveEvent['kind'], number>>;
}

/** Checks a retention setting: whole years from 1 to 100. Example: checkRetention({ years: 0 }) -> [{ code: 'retention_years_invalid', ... }] */
export function checkRetention(r: RetentionSetting): DomainIssue[] {
  const bad = (y: number) => !Number.isInteger(y) || y < 1 || y > 100;
  const issues: DomainIssue[] = [];
  if (bad(r.years)) issues.push(issue('retention_years_invalid', 'keep archives 1 to 100 whole years', { value: r.years }, ['years']));
  for (const [kind, y] of Object.entries(r.byKind ?? {})) if (y !== undefined && bad(y)) issues.push(issue('retention_years_invalid', 'keep archives 1 to 100 whole years', { value: y }, ['byKind', kind]));
  return issues;
}

/** A record a purge considers: its kind, date and person, and whether something still holds it. */
export interface PurgeCandidate {
  id: string;
  kind: ArchiveEvent['kind'];
  employeeId: string;
  date: IsoDate;
  /** An open appeal, an unpaid batch, or a legal hold keeps the record whatever its age. */
  held: boolean;
}

/** Why a record stays. */
export type KeepReason = 'withinRetention' | 'notExported' | 'held';

/** The last day a record of a kind is kept. Example: keptUntil({ years: 10 }, 'appraisal', '2015-06-30') -> '2025-06-30' */
export function keptUntil(r: RetentionSetting, kind: ArchiveEvent['kind'], date: IsoDate): IsoDate {
  const d = parseIsoDate(date);
  const years = r.byKind?.[kind] ?? r.years;
  // Feb 29 plus N years lands on Feb 28 in a common year (isoDate would roll into March).
  const day = d.month === 2 && d.day === 29 ? 28 : d.day;
  return isoDate(d.year + years, d.month, day);
}

/**
 * What a purge may remove today: records past their retention (per kind), of people whose archive was exported on or
 * after the record's date, and not held. Everything else stays, with the reason. The API runs the purge as a job that
 * deletes exactly `purge` (as the migration owner, since the application role cannot delete archive rows) and writes
 * one audit row with the counts per kind and the export it relied on.
 * Example: purgePlan(records, { years: 10 }, '2026-01-01', new Map([['e1', '2025-12-31']])).purge.length -> 42
 */
export function purgePlan(records: readonly PurgeCandidate[], retention: RetentionSetting, today: IsoDate, lastExport: ReadonlyMap<string, IsoDate>): { purge: string[]; keep: { id: string; reason: KeepReason }[]; counts: Record<string, number> } {
  const purge: string[] = [];
  const keep: { id: string; reason: KeepReason }[] = [];
  const counts: Record<string, number> = {};
  for (const r of records) {
    const exported = lastExport.get(r.employeeId);
    if (r.held) keep.push({ id: r.id, reason: 'held' });
    else if (compareIsoDates(keptUntil(retention, r.kind, r.date), today) >= 0) keep.push({ id: r.id, reason: 'withinRetention' });
    else if (!exported || compareIsoDates(exported, r.date) < 0) keep.push({ id: r.id, reason: 'notExported' });
    else {
      purge.push(r.id);
      counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    }
  }
  return { purge, keep, counts };
}
