import type { Checked, DomainIssue } from '../issues.js';
import { compareIsoDates, isCalendarDate, type IsoDate } from '../calendar/dates.js';
import { periodContaining, type AccountingConvention, type PeriodKind } from '../calendar/periods.js';
import { workHourPenalty } from '../pay/work-hours.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import { describeLedgerRange, ledgerComponent, ledgerRuleBounds, multiply, type LedgerCapPeriod, type LedgerRule, type LedgerSettlement, type LedgerUnit } from './rule.js';
import { compareQuantities, fromHundredths, isLedgerQuantity, normalizeQuantity, toHundredths } from './quantity.js';

/** Longest evidence text of an entry (what happened, where, who saw it). */
export const LEDGER_EVIDENCE_MAX = 2000;
/** Most attachments per entry. */
export const LEDGER_ATTACHMENTS_MAX = 10;
/** Largest attachment (bytes); the file itself is stored outside the database. */
export const LEDGER_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/** Most occurrences one entry may state. */
export const LEDGER_COUNT_MAX = 100;

/** Metadata of an evidence file: the API stores the file by its hash and keeps this on the entry. */
export interface AttachmentMeta {
  name: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the content, so the file cannot be swapped after approval. */
  sha256: string;
}

/** What a supervisor or HR states when proposing an entry. */
export interface LedgerEntryDraft {
  ruleCode: string;
  employeeId: string;
  occurredOn: IsoDate;
  /** The magnitude of one occurrence, for range rules (a fixed rule may omit it or repeat its value). */
  quantity?: string;
  /** How many times it happened (rules that count occurrences; default 1). */
  count?: number;
  /** For multiple rules: the basis (e.g. repair hours) and the factor applied to it. */
  basis?: string;
  factor?: string;
  evidence: string;
  attachments?: readonly AttachmentMeta[];
}

/** An entry priced by its rule: exact amounts, signed by the rule's kind, and the accounting period. */
export interface PricedEntry {
  ruleCode: string;
  unit: LedgerUnit;
  settlement: LedgerSettlement;
  component: string;
  /** Magnitude of one occurrence, 2 places. */
  quantity: string;
  count: number;
  /** Signed total in the rule's unit (rewards positive, punishments negative), 2 places. */
  amount: string;
  /** Signed money when the entry is money or paid hours (hours x the rule's hour rate); absent for points and unpaid hours. */
  money?: string;
  /** The accounting month of the occurrence (YYYY-MM under the rule's convention). */
  periodKey: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

function checkAttachments(list: readonly AttachmentMeta[] | undefined): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (!list) return issues;
  if (list.length > LEDGER_ATTACHMENTS_MAX) issues.push(issue('ledger_attachments_too_many', `at most ${LEDGER_ATTACHMENTS_MAX} attachments`, { max: LEDGER_ATTACHMENTS_MAX, count: list.length }, ['attachments']));
  list.forEach((a, i) => {
    const bad = !a.name.trim() || a.name.length > 200 || !a.contentType.trim() || !Number.isInteger(a.size) || a.size < 0 || a.size > LEDGER_ATTACHMENT_MAX_BYTES || !SHA256.test(a.sha256);
    if (bad) issues.push(issue('ledger_attachment_invalid', `attachment ${i + 1} needs a name, a type, a size up to ${LEDGER_ATTACHMENT_MAX_BYTES} bytes and its SHA-256`, { index: i + 1, max: LEDGER_ATTACHMENT_MAX_BYTES }, ['attachments', i]));
  });
  return issues;
}

/** The refusal naming the rule's range, in the words the console shows. */
function outOfRange(rule: LedgerRule, value: string, path: (string | number)[]): DomainIssue {
  const b = ledgerRuleBounds(rule);
  return issue(
    'ledger_amount_out_of_range',
    `${value} is outside the range of ${rule.code} (${describeLedgerRange(rule)})`,
    { rule: rule.code, value, min: b?.min ?? '', max: b?.max ?? '', ...(b?.minExclusive ? { variant: 'exclusive' } : {}) },
    path,
  );
}

/**
 * Prices a proposed entry with its rule: the amount must lie in the rule's range (refused naming the range), a
 * fixed rule takes its value, a multiple states a basis and a factor in their ranges, counts only where the rule
 * counts occurrences; money follows from the unit (hours paid through payroll convert at the rule's hour rate).
 * The evidence text and attachment metadata are checked too. Every issue is reported, not only the first.
 * Example: priceLedgerEntry(seedLedgerRule('hotel.overtimeDiligence'), { ruleCode: 'hotel.overtimeDiligence', employeeId: 'e1', occurredOn: '2025-10-10', quantity: '60', evidence: 'night audit' }, { monthStartDay: 1 }) -> { ok: false, issues: [{ code: 'ledger_amount_out_of_range', params: { min: '20', max: '50', value: '60', ... } }] }
 */
export function priceLedgerEntry(rule: LedgerRule, draft: LedgerEntryDraft, convention: AccountingConvention): Checked<PricedEntry> {
  const issues: DomainIssue[] = [];
  if (draft.ruleCode !== rule.code) issues.push(issue('ledger_rule_mismatch', `the entry names ${draft.ruleCode}, priced with ${rule.code}`, { code: draft.ruleCode }, ['ruleCode']));
  if (!rule.active) issues.push(issue('ledger_rule_inactive', `the rule ${rule.code} is retired`, { rule: rule.code }, ['ruleCode']));
  if (rule.amount.kind === 'computed') issues.push(issue('ledger_rule_computed', `entries of ${rule.code} are generated from results and awards, never entered`, { rule: rule.code }, ['ruleCode']));
  if (!isCalendarDate(draft.occurredOn)) issues.push(issue('ledger_date_invalid', `${draft.occurredOn} is not a date`, { value: draft.occurredOn }, ['occurredOn']));
  const evidence = draft.evidence.trim();
  if (!evidence) issues.push(issue('ledger_evidence_required', 'say what happened: the evidence is required', {}, ['evidence']));
  else if (draft.evidence.length > LEDGER_EVIDENCE_MAX) issues.push(issue('text_too_long', `the evidence is ${draft.evidence.length} characters; at most ${LEDGER_EVIDENCE_MAX}`, { field: 'evidence', max: LEDGER_EVIDENCE_MAX, length: draft.evidence.length }, ['evidence']));
  issues.push(...checkAttachments(draft.attachments));

  const count = draft.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > LEDGER_COUNT_MAX) issues.push(issue('ledger_count_invalid', `a count is a whole number from 1 to ${LEDGER_COUNT_MAX}`, { value: count, max: LEDGER_COUNT_MAX }, ['count']));
  else if (count > 1 && !rule.perOccurrence) issues.push(issue('ledger_count_not_allowed', `${rule.code} is one amount per entry, not per occurrence`, { rule: rule.code }, ['count']));

  let quantity: string | undefined;
  const a = rule.amount;
  if (a.kind === 'fixed') {
    if (draft.quantity !== undefined && (!isLedgerQuantity(draft.quantity) || compareQuantities(draft.quantity, a.value) !== 0)) issues.push(outOfRange(rule, draft.quantity, ['quantity']));
    else quantity = a.value;
  } else if (a.kind === 'range') {
    if (draft.quantity === undefined || draft.quantity.trim() === '') issues.push(issue('ledger_amount_required', `state the amount (${describeLedgerRange(rule)})`, { rule: rule.code, min: a.min, max: a.max }, ['quantity']));
    else if (!isLedgerQuantity(draft.quantity)) issues.push(issue('ledger_amount_not_a_number', `"${draft.quantity}" is not an amount with at most 2 decimals`, { value: draft.quantity }, ['quantity']));
    else {
      const lo = compareQuantities(draft.quantity, a.min);
      if ((a.minExclusive ? lo <= 0 : lo < 0) || compareQuantities(draft.quantity, a.max) > 0) issues.push(outOfRange(rule, draft.quantity, ['quantity']));
      else quantity = draft.quantity;
    }
  } else if (a.kind === 'multiple') {
    const within = (v: string | undefined, lo: string, hi: string, field: 'basis' | 'factor') => {
      if (v === undefined || !isLedgerQuantity(v)) {
        issues.push(issue('ledger_multiple_required', `state the ${field === 'basis' ? a.basis.en : 'factor'} as a number`, { rule: rule.code, field, variant: field }, [field]));
        return false;
      }
      if (compareQuantities(v, lo) < 0 || compareQuantities(v, hi) > 0) {
        issues.push(issue('ledger_multiple_out_of_range', `the ${field} ${v} is outside ${lo} to ${hi}`, { rule: rule.code, field, value: v, min: lo, max: hi, variant: field }, [field]));
        return false;
      }
      return true;
    };
    const okBasis = within(draft.basis, a.minBasis, a.maxBasis, 'basis');
    const okFactor = within(draft.factor, a.minFactor, a.maxFactor, 'factor');
    if (okBasis && okFactor && draft.basis !== undefined && draft.factor !== undefined) quantity = multiply(draft.factor, draft.basis);
  }
  if (issues.length || quantity === undefined) return { ok: false, issues };

  const each = toHundredths(quantity);
  const magnitude = each * BigInt(count);
  const signed = rule.kind === 'reward' ? magnitude : -magnitude;
  const amount = fromHundredths(signed);
  let money: string | undefined;
  if (rule.unit === 'money') money = amount;
  else if (rule.unit === 'hours' && rule.settlement === 'payroll' && rule.hourRate !== undefined) {
    const value = workHourPenalty(fromHundredths(magnitude), rule.hourRate);
    money = rule.kind === 'reward' ? value : fromHundredths(-toHundredths(value));
  }
  return {
    ok: true,
    value: {
      ruleCode: rule.code,
      unit: rule.unit,
      settlement: rule.settlement,
      component: ledgerComponent(rule),
      quantity: normalizeQuantity(quantity),
      count,
      amount,
      ...(money === undefined ? {} : { money }),
      periodKey: periodContaining(draft.occurredOn, 'month', convention),
    },
  };
}

/** An earlier entry of the same person and rule that counts toward the caps (proposed, approved or paid, not reversed). */
export interface CapUsage {
  occurredOn: IsoDate;
  /** Signed or magnitude; caps count magnitudes. */
  amount: string;
  count: number;
}

/** The period of a date a cap counts over. Example: capPeriodKey('2026-04-27', 'month', { monthStartDay: 26 }) -> '2026-05' */
export function capPeriodKey(date: IsoDate, period: LedgerCapPeriod, convention: AccountingConvention): string {
  return period === 'day' ? date : periodContaining(date, period as PeriodKind, convention);
}

const abs = (v: bigint): bigint => (v < 0n ? -v : v);

/**
 * Checks a new entry against the rule's per-period caps, given the person's other entries of the rule: the total
 * magnitude and the number of occurrences in the cap's period (day, or accounting month, quarter, year).
 * Example: checkLedgerCaps(seedLedgerRule('hotel.excellentStaff'), { occurredOn: '2026-03-01', amount: '80', count: 1 }, [{ occurredOn: '2026-01-10', amount: '60', count: 1 }], { monthStartDay: 1 }) -> [{ code: 'ledger_cap_count_exceeded', params: { period: 'year', periodKey: '2026', max: 1, used: 1, ... } }]
 */
export function checkLedgerCaps(rule: LedgerRule, entry: CapUsage, existing: readonly CapUsage[], convention: AccountingConvention): DomainIssue[] {
  const issues: DomainIssue[] = [];
  for (const cap of rule.caps) {
    const key = capPeriodKey(entry.occurredOn, cap.period, convention);
    const same = existing.filter((e) => capPeriodKey(e.occurredOn, cap.period, convention) === key);
    if (cap.maxAmount !== undefined) {
      const used = same.reduce((s, e) => s + abs(toHundredths(e.amount)), 0n);
      const requested = abs(toHundredths(entry.amount));
      if (used + requested > toHundredths(cap.maxAmount)) {
        issues.push(
          issue('ledger_cap_exceeded', `${rule.code} allows ${cap.maxAmount} per ${cap.period} (${key}); ${fromHundredths(used)} is used, ${fromHundredths(requested)} more asked`, {
            rule: rule.code,
            period: cap.period,
            periodKey: key,
            max: cap.maxAmount,
            used: fromHundredths(used),
            requested: fromHundredths(requested),
          }, ['quantity']),
        );
      }
    }
    if (cap.maxCount !== undefined) {
      const used = same.reduce((s, e) => s + e.count, 0);
      if (used + entry.count > cap.maxCount) {
        issues.push(issue('ledger_cap_count_exceeded', `${rule.code} allows ${cap.maxCount} per ${cap.period} (${key}); ${used} already`, { rule: rule.code, period: cap.period, periodKey: key, max: cap.maxCount, used, requested: entry.count }, ['count']));
      }
    }
  }
  return issues;
}

/** Context of validateLedgerEntry: the calendar convention of the rule, today, and the person's earlier entries of the rule. */
export interface LedgerCheckContext {
  convention: AccountingConvention;
  today: IsoDate;
  existing: readonly CapUsage[];
}

/**
 * Everything a proposed entry must satisfy: priced inside the rule's range, not dated in the future, within the
 * caps. The API calls this on propose and again on approve (the caps may have filled up meanwhile).
 * Example: validateLedgerEntry(rule, draft, { convention: { monthStartDay: 1 }, today: '2026-05-01', existing: [] }).ok -> true
 */
export function validateLedgerEntry(rule: LedgerRule, draft: LedgerEntryDraft, ctx: LedgerCheckContext): Checked<PricedEntry> {
  const priced = priceLedgerEntry(rule, draft, ctx.convention);
  const future = isCalendarDate(draft.occurredOn) && compareIsoDates(draft.occurredOn, ctx.today) > 0;
  const dateIssue = future ? [issue('ledger_date_future', `${draft.occurredOn} is after today (${ctx.today})`, { date: draft.occurredOn, today: ctx.today }, ['occurredOn'])] : [];
  if (!priced.ok) return { ok: false, issues: [...priced.issues, ...dateIssue] };
  const caps = checkLedgerCaps(rule, { occurredOn: draft.occurredOn, amount: priced.value.amount, count: priced.value.count }, ctx.existing, ctx.convention);
  const all = [...dateIssue, ...caps];
  return all.length ? { ok: false, issues: all } : priced;
}
