import type { Checked, DomainIssue } from '../issues.js';
import { isCalendarDate, type IsoDate } from '../calendar/dates.js';
import { periodContaining, type AccountingConvention } from '../calendar/periods.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import type { LedgerEntryRecord } from './record.js';
import { negateQuantity } from './quantity.js';
import { validateLedgerEntry, type LedgerCheckContext, type LedgerEntryDraft, type PricedEntry } from './entry.js';
import type { LedgerRule } from './rule.js';

/** A reversal to write: the negated original, posted in the period of the correction (closed periods stay as they were). */
export interface ReversalDraft extends Omit<LedgerEntryRecord, 'id' | 'status' | 'batchId'> {
  source: { kind: 'reversal'; reversesId: string };
  reason: string;
}

/** What a reversal needs to know besides the original. */
export interface ReversalRequest {
  reason: string;
  /** The day the correction is posted. */
  on: IsoDate;
  /** The accounting-month convention of the original's rule. */
  convention: AccountingConvention;
  /** Ids of entries that already reverse the original (proposed or approved). */
  existingReversals: readonly string[];
}

/**
 * The reversal of an approved (or paid) entry: same person, department, rule, component and unit, the amount and
 * money negated, pointing at the original. Refused for entries that are not approved yet (withdraw or reject
 * those), for reversals (post a new entry instead) and for entries already reversed.
 * Example: reversalOf({ id: 'e1', amount: '-30.00', status: 'approved', ... }, { reason: 'wrong person', on: '2026-06-02', convention: { monthStartDay: 1 }, existingReversals: [] }) -> { ok: true, value: { amount: '30.00', periodKey: '2026-06', source: { kind: 'reversal', reversesId: 'e1' }, ... } }
 */
export function reversalOf(original: LedgerEntryRecord, request: ReversalRequest): Checked<ReversalDraft> {
  const issues: DomainIssue[] = [];
  if (original.status !== 'approved' && original.status !== 'paid') {
    issues.push(issue('ledger_reverse_not_approved', `only approved or paid entries are reversed; this one is ${original.status}`, { status: original.status }, ['entryId']));
  }
  if (original.source.kind === 'reversal') issues.push(issue('ledger_reverse_reversal', 'a reversal is not reversed; post a new entry instead', { entryId: original.id }, ['entryId']));
  if (request.existingReversals.length > 0) issues.push(issue('ledger_already_reversed', 'this entry is already reversed', { entryId: original.id, reversalId: request.existingReversals[0] ?? '' }, ['entryId']));
  if (!request.reason.trim()) issues.push(issue('ledger_reversal_reason', 'a reversal needs a reason', {}, ['reason']));
  if (!isCalendarDate(request.on)) issues.push(issue('ledger_date_invalid', `${request.on} is not a date`, { value: request.on }, ['on']));
  if (issues.length) return { ok: false, issues };
  const { id: _id, status: _status, batchId: _batch, money: _money, ...rest } = original;
  return {
    ok: true,
    value: {
      ...rest,
      amount: negateQuantity(original.amount),
      ...(original.money === undefined ? {} : { money: negateQuantity(original.money) }),
      occurredOn: request.on,
      periodKey: periodContaining(request.on, 'month', request.convention),
      source: { kind: 'reversal', reversesId: original.id },
      reason: request.reason.trim(),
    },
  };
}

/**
 * The net amount of entries after reversals: what a person really has, per entry that still stands.
 * Example: standingEntries([e1, reversalOfE1, e2]).map((e) => e.id) -> ['e2']
 */
export function standingEntries<E extends Pick<LedgerEntryRecord, 'id' | 'source' | 'status'>>(entries: readonly E[]): E[] {
  const reversed = new Set<string>();
  const reversals = new Set<string>();
  for (const e of entries) {
    if (e.source.kind === 'reversal' && (e.status === 'approved' || e.status === 'paid')) {
      reversed.add(e.source.reversesId);
      reversals.add(e.id);
    }
  }
  return entries.filter((e) => !reversed.has(e.id) && !reversals.has(e.id) && (e.status === 'approved' || e.status === 'paid'));
}

/** A correction: the reversal of the original and the entry that replaces it, written together. */
export interface Correction {
  reversal: ReversalDraft;
  replacement: PricedEntry & { correctsId: string };
}

/**
 * Corrects an approved entry the only way the ledger allows: reverse it and propose the right one (which goes
 * through approval like any entry). Both are checked before either is written.
 * Example: correctionOf(original, rule, { ...draft, quantity: '40' }, request, ctx).value.replacement.amount -> '40.00'
 */
export function correctionOf(original: LedgerEntryRecord, rule: LedgerRule, draft: LedgerEntryDraft, request: ReversalRequest, ctx: LedgerCheckContext): Checked<Correction> {
  const reversal = reversalOf(original, request);
  // The original no longer counts toward the caps once it is reversed.
  const replacement = validateLedgerEntry(rule, draft, ctx);
  const issues = [...(reversal.ok ? [] : reversal.issues), ...(replacement.ok ? [] : replacement.issues.map((i) => ({ ...i, path: ['replacement', ...i.path] })))];
  if (!reversal.ok || !replacement.ok) return { ok: false, issues };
  return { ok: true, value: { reversal: reversal.value, replacement: { ...replacement.value, correctsId: original.id } } };
}
