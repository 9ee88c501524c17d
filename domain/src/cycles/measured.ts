import type { Checked, DomainIssue } from '../issues.js';
import { compareIsoDates, isCalendarDate, type IsoDate } from '../calendar/dates.js';
import { Decimal, roundTo } from '../decimal.js';
import { plain } from '../formula/index.js';
import type { RaterRole, SchemeDefinition } from '../scheme/index.js';
import type { ItemInput, RatingInput } from '../scoring/index.js';
import { cycleIssue, fail } from './issue.js';
import type { PeriodSpan } from './period.js';

// Measured inputs are facts, not opinions: they arrive as data (imports, auditors' logs, work tickets) and are
// checked here before they become engine input. Every check returns all issues with codes and params.

const DECIMAL = /^\d+(\.\d+)?$/;

function nonNegative(name: string, value: string, path: ReadonlyArray<string | number>): DomainIssue | undefined {
  if (DECIMAL.test(value)) return undefined;
  return /^-\d+(\.\d+)?$/.test(value)
    ? cycleIssue('measured_negative', `${name} must not be negative (${value})`, { name, value }, path)
    : cycleIssue('measured_not_a_number', `${name} "${value}" is not a number`, { name, value }, path);
}

/**
 * Checks measured values for a formula item: the item exists and is a formula item, every declared input is
 * present as a non-negative number and no undeclared one is given.
 * Example: validateItemValues(seedPrograms.nursing, 'patientSatisfaction', { satisfied: '48' }) -> [{ code: 'measured_value_missing', params: { item: 'patientSatisfaction', name: 'returned' } }]
 */
export function validateItemValues(scheme: SchemeDefinition, itemId: string, values: Readonly<Record<string, string>>): DomainIssue[] {
  const item = scheme.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  if (!item) return [cycleIssue('unknown_item', `unknown item "${itemId}"`, { item: itemId }, ['item'])];
  if (item.method.kind !== 'formula') return [cycleIssue('measured_item_not_formula', `item "${itemId}" is rated, not computed from measured values`, { item: itemId }, ['item'])];
  const declared = item.method.inputs;
  const issues: DomainIssue[] = [];
  for (const name of declared) {
    const v = values[name];
    if (v === undefined) issues.push(cycleIssue('measured_value_missing', `item "${itemId}" needs "${name}"`, { item: itemId, name }, ['values', name]));
    else {
      const bad = nonNegative(name, v, ['values', name]);
      if (bad) issues.push(bad);
    }
  }
  for (const name of Object.keys(values)) {
    if (!declared.includes(name)) issues.push(cycleIssue('measured_value_unknown', `item "${itemId}" has no input "${name}" (it takes ${declared.join(', ')})`, { item: itemId, name }, ['values', name]));
  }
  return issues;
}

/** A patient-satisfaction survey result for one nurse (Part 3): questionnaires returned and those satisfied. */
export interface SurveyResult {
  satisfied: number;
  returned: number;
}

/**
 * Checks a survey count and turns it into the formula item's values: whole non-negative counts, satisfied never
 * above returned. Example: surveyValues({ satisfied: 48, returned: 50 }) -> { ok: true, value: { satisfied: '48', returned: '50' } }
 */
export function surveyValues(r: SurveyResult): Checked<Record<string, string>> {
  const issues: DomainIssue[] = [];
  for (const name of ['satisfied', 'returned'] as const) {
    const v = r[name];
    if (!Number.isInteger(v) || v < 0) issues.push(cycleIssue('survey_count', `${name} must be a whole number of questionnaires (${v})`, { name, value: v }, [name]));
  }
  if (issues.length === 0 && r.satisfied > r.returned) {
    issues.push(cycleIssue('survey_satisfied_exceeds_returned', `${r.satisfied} satisfied out of ${r.returned} returned is impossible`, { satisfied: r.satisfied, returned: r.returned }, ['satisfied']));
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: { satisfied: String(r.satisfied), returned: String(r.returned) } };
}

/**
 * The engine rating of a data slot (the SURVEY role): measured values per formula item of the section.
 * Example: measuredRating('satisfaction', 'SURVEY', { patientSatisfaction: { satisfied: '48', returned: '50' } }) -> { section: 'satisfaction', role: 'SURVEY', items: { patientSatisfaction: { values: { ... } } } }
 */
export function measuredRating(section: string, role: RaterRole, itemValues: Readonly<Record<string, Readonly<Record<string, string>>>>): RatingInput {
  const items: Record<string, ItemInput> = {};
  for (const [item, values] of Object.entries(itemValues)) items[item] = { values: { ...values } };
  return { section, role, items };
}

/** One occurrence an auditor records on a day (Part 1: "each time" a breach happens). */
export interface OccurrenceEntry {
  date: IsoDate;
  item: string;
  rule: string;
  count: number;
  note?: string;
}

/**
 * Checks an occurrence record: a deduction item and one of its rules, a whole count of at least 1, a date inside
 * the cycle's period. Example: validateOccurrence(seedPrograms.hotelAudit, { date: '2025-10-10', item: 'dailyConduct', rule: 'complaint', count: 1 }, { start: '2025-10-09', end: '2025-10-09' }) -> [{ code: 'occurrence_outside_period', ... }]
 */
export function validateOccurrence(scheme: SchemeDefinition, e: OccurrenceEntry, span: PeriodSpan): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const item = scheme.sections.flatMap((s) => s.items).find((i) => i.id === e.item);
  if (!item) issues.push(cycleIssue('unknown_item', `unknown item "${e.item}"`, { item: e.item }, ['item']));
  else if (item.method.kind !== 'deduction') issues.push(cycleIssue('occurrence_item_not_deduction', `item "${e.item}" does not count occurrences`, { item: e.item }, ['item']));
  else if (!item.method.rules.some((r) => r.id === e.rule)) issues.push(cycleIssue('deduction_unknown_rule', `item "${e.item}" has no deduction rule "${e.rule}"`, { item: e.item, rule: e.rule }, ['rule']));
  if (!Number.isInteger(e.count) || e.count < 1) issues.push(cycleIssue('occurrence_count', `an occurrence count is a whole number of at least 1 (${e.count})`, { value: e.count }, ['count']));
  if (!isCalendarDate(e.date)) issues.push(cycleIssue('occurrence_date', `${e.date} is not a date`, { value: e.date }, ['date']));
  else if (compareIsoDates(e.date, span.start) < 0 || compareIsoDates(e.date, span.end) > 0) {
    issues.push(cycleIssue('occurrence_outside_period', `${e.date} is outside the period ${span.start}..${span.end}`, { date: e.date, start: span.start, end: span.end }, ['date']));
  }
  return issues;
}

/** Sums an occurrence log into the deduction items' inputs. Example: occurrenceInputs([{ item: 'dailyConduct', rule: 'complaint', count: 1, ... }, { ..., rule: 'complaint', count: 2 }]) -> { dailyConduct: { occurrences: { complaint: 3 } } } */
export function occurrenceInputs(entries: readonly OccurrenceEntry[]): Record<string, ItemInput> {
  const byItem = new Map<string, Record<string, number>>();
  for (const e of entries) {
    const rules = byItem.get(e.item) ?? {};
    rules[e.rule] = (rules[e.rule] ?? 0) + e.count;
    byItem.set(e.item, rules);
  }
  const out: Record<string, ItemInput> = {};
  for (const [item, occurrences] of byItem) out[item] = { occurrences };
  return out;
}

/** A work ticket of the workshop (Part 4 Art. 6): its man-hours and how its completion went. */
export interface WorkTicket {
  ticket: string;
  manHours: string;
  overrunHours: string;
  affectsDelivery: boolean;
  personalReason: boolean;
}

/** Checks a work ticket: non-negative hours. Example: validateWorkTicket({ ticket: 'T1', manHours: '-1', overrunHours: '0', affectsDelivery: false, personalReason: false }) -> [{ code: 'measured_negative', ... }] */
export function validateWorkTicket(t: WorkTicket): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const a = nonNegative('manHours', t.manHours, ['manHours']);
  if (a) issues.push(a);
  const b = nonNegative('overrunHours', t.overrunHours, ['overrunHours']);
  if (b) issues.push(b);
  if (t.ticket.trim() === '') issues.push(cycleIssue('ticket_number_required', 'a work ticket needs its number', {}, ['ticket']));
  return issues;
}

/**
 * A worker's month from their tickets: man-hours summed (the output-pay weight) and the completion item's values
 * from the worst ticket (the scheme's note: the team leader records the worst overrun of the month).
 * Example: ticketSummary([{ manHours: '80', overrunHours: '0', ... }, { manHours: '70', overrunHours: '1', ... }]) -> { manHours: '150', values: { overrunHours: '1', affectsDelivery: '0', personalReason: '0' } }
 */
export function ticketSummary(tickets: readonly WorkTicket[]): { manHours: string; values: Record<string, string> } {
  let hours = new Decimal(0);
  let worst = new Decimal(0);
  let delivery = false;
  let personal = false;
  for (const t of tickets) {
    hours = hours.plus(t.manHours);
    worst = Decimal.max(worst, new Decimal(t.overrunHours));
    delivery ||= t.affectsDelivery;
    personal ||= t.personalReason;
  }
  return { manHours: plain(hours), values: { overrunHours: plain(worst), affectsDelivery: delivery ? '1' : '0', personalReason: personal ? '1' : '0' } };
}

/** The workshop's month output (Part 4 Art. 4): revenue of finished products that passed inspection, and their weight. */
export interface WorkshopOutput {
  revenue: string;
  finishedKg: string;
}

/**
 * The output value to split and the unit price per kilogram that explains it (revenue / tonnage, shown to 4 places).
 * Example: workshopOutputValue({ revenue: '100000', finishedKg: '25000' }) -> { ok: true, value: { outputValue: '100000.00', unitPricePerKg: '4.0000' } }
 */
export function workshopOutputValue(o: WorkshopOutput): Checked<{ outputValue: string; unitPricePerKg: string }> {
  const issues = [nonNegative('revenue', o.revenue, ['revenue']), nonNegative('finishedKg', o.finishedKg, ['finishedKg'])].filter((i): i is DomainIssue => i !== undefined);
  if (issues.length) return { ok: false, issues };
  const kg = new Decimal(o.finishedKg);
  if (kg.isZero()) return fail(cycleIssue('output_no_tonnage', 'no finished tonnage: the unit price per kilogram is undefined', {}, ['finishedKg']));
  const revenue = new Decimal(o.revenue);
  if (revenue.decimalPlaces() > 2) return fail(cycleIssue('output_revenue_cents', `revenue ${o.revenue} has more than 2 decimal places`, { value: o.revenue }, ['revenue']));
  return { ok: true, value: { outputValue: revenue.toFixed(2), unitPricePerKg: roundTo(revenue.div(kg), 4, 'halfUp').toFixed(4) } };
}
