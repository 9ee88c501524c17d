import type { Checked, DomainIssue } from '../issues.js';
import { compareIsoDates, isCalendarDate, type IsoDate } from '../calendar/dates.js';
import { Decimal, roundTo } from '../decimal.js';
import { plain } from '../formula/index.js';
import type { RaterRole, SchemeDefinition } from '../scheme/index.js';
import type { ItemInput, RatingInput } from '../scoring/index.js';
import { cycleIssue, fail } from './issue.js';
import type { PeriodSpan } from './period.js';
import type { StoredRating } from './results.js';

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

// ---- measured inputs as stored rows, checked against the scheme and turned into engine input --------------------

/** Kinds of measured input rows (`measured_input.kind`). */
export const MEASURED_KINDS = ['ITEM_VALUES', 'OCCURRENCE', 'WORK_TICKET', 'PAY_FACT'] as const;
export type MeasuredKind = (typeof MEASURED_KINDS)[number];

/** Pay facts a person may carry (pay/output rules read them): the pay base, the output-pay group, man-hours. */
export const PAY_FACT_NAMES = ['base', 'groupId', 'manHours'] as const;

/**
 * One measured input of a person in a cycle: measured values of a formula item (a survey), an occurrence the
 * auditor logged on a day, a work ticket with its completion level, or pay facts.
 */
export type MeasuredEntry =
  | { kind: 'ITEM_VALUES'; item: string; values: Readonly<Record<string, string>> }
  | { kind: 'OCCURRENCE'; item: string; rule: string; date: IsoDate; count: number; note?: string }
  | { kind: 'WORK_TICKET'; ticket: string; hours: string; level: string }
  | { kind: 'PAY_FACT'; values: Readonly<Record<string, string>> };

const SURVEY_INPUTS = ['returned', 'satisfied'];
const isSurvey = (inputs: readonly string[]): boolean => inputs.length === 2 && [...inputs].sort().every((n, i) => n === SURVEY_INPUTS[i]);

/** The completion levels of the scheme's output pay (Part 4: per work ticket), if it has any. */
export function completionLevelsOf(scheme: SchemeDefinition): ReadonlyArray<{ code: string; percent: string }> | undefined {
  return scheme.pay.find((p) => p.completionLevels && p.completionLevels.length > 0)?.completionLevels;
}

/**
 * Checks one measured input against the scheme's input definitions: a formula item and exactly its inputs (a
 * survey also whole counts with satisfied <= returned), a deduction rule with a whole count on a day of the
 * period, a ticket with non-negative hours and a completion level of the output pay, known pay facts.
 * Example: validateMeasuredEntry(seedPrograms.nursing, { kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: { satisfied: '51', returned: '50' } }, span) -> [{ code: 'survey_satisfied_exceeds_returned', ... }]
 */
export function validateMeasuredEntry(scheme: SchemeDefinition, e: MeasuredEntry, span: PeriodSpan): DomainIssue[] {
  switch (e.kind) {
    case 'ITEM_VALUES': {
      const issues = validateItemValues(scheme, e.item, e.values);
      if (issues.length) return issues;
      const item = scheme.sections.flatMap((s) => s.items).find((i) => i.id === e.item);
      if (item?.method.kind === 'formula' && isSurvey(item.method.inputs)) {
        const whole = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : Number.NaN);
        const checked = surveyValues({ satisfied: whole(e.values.satisfied), returned: whole(e.values.returned) });
        if (!checked.ok) return checked.issues.map((i) => ({ ...i, path: ['values', ...i.path], params: { ...i.params, item: e.item } }));
      }
      return [];
    }
    case 'OCCURRENCE':
      return validateOccurrence(scheme, { date: e.date, item: e.item, rule: e.rule, count: e.count, ...(e.note === undefined ? {} : { note: e.note }) }, span);
    case 'WORK_TICKET': {
      const issues: DomainIssue[] = [];
      if (e.ticket.trim() === '') issues.push(cycleIssue('ticket_number_required', 'a work ticket needs its number', {}, ['ticket']));
      const hours = nonNegative('hours', e.hours, ['hours']);
      if (hours) issues.push(hours);
      const levels = completionLevelsOf(scheme);
      if (!levels) issues.push(cycleIssue('ticket_no_levels', 'the scheme\'s pay judges no completion per work ticket', {}, ['level']));
      else if (!levels.some((l) => l.code === e.level))
        issues.push(cycleIssue('ticket_level_unknown', `"${e.level}" is not a completion level (${levels.map((l) => l.code).join(', ')})`, { value: e.level, levels: levels.map((l) => l.code).join(', ') }, ['level']));
      return issues;
    }
    case 'PAY_FACT': {
      const issues: DomainIssue[] = [];
      const groups = scheme.pay.flatMap((p) => (p.groups ?? []).map((g) => g.id));
      for (const [name, value] of Object.entries(e.values)) {
        if (!(PAY_FACT_NAMES as readonly string[]).includes(name)) {
          issues.push(cycleIssue('pay_fact_unknown', `"${name}" is not a pay fact (${PAY_FACT_NAMES.join(', ')})`, { name, names: PAY_FACT_NAMES.join(', ') }, ['values', name]));
        } else if (name === 'groupId') {
          if (!groups.includes(value)) issues.push(cycleIssue('pay_fact_group_unknown', `"${value}" is not an output-pay group of the scheme (${groups.join(', ') || 'none'})`, { value, groups: groups.join(', ') }, ['values', name]));
        } else {
          const bad = nonNegative(name, value, ['values', name]);
          if (bad) issues.push(bad);
        }
      }
      return issues;
    }
  }
}

/** The section holding an item, if any. */
const sectionOfItem = (scheme: SchemeDefinition, itemId: string) => scheme.sections.find((s) => s.items.some((i) => i.id === itemId));

/**
 * Overlays a person's measured inputs on their stored ratings, the one place measured data becomes engine input:
 * formula values and summed occurrences replace what a rating holds for those items (the data wins over typing),
 * and a data slot (no rater, e.g. SURVEY) counts as submitted once every formula item of its section has values.
 * Example: applyMeasuredInputs(nursing, [{ slotKey: 'satisfaction/SURVEY', raterId: null, state: 'pending', items: {}, ... }], [{ kind: 'ITEM_VALUES', item: 'patientSatisfaction', values: { satisfied: '48', returned: '50' } }])[0].state -> 'submitted'
 */
export function applyMeasuredInputs(scheme: SchemeDefinition, ratings: readonly StoredRating[], entries: readonly MeasuredEntry[]): StoredRating[] {
  const byItem = new Map<string, ItemInput>();
  for (const e of entries) if (e.kind === 'ITEM_VALUES') byItem.set(e.item, { values: { ...e.values } });
  const occurrences = occurrenceInputs(entries.flatMap((e) => (e.kind === 'OCCURRENCE' ? [{ date: e.date, item: e.item, rule: e.rule, count: e.count }] : [])));
  for (const [item, input] of Object.entries(occurrences)) byItem.set(item, input);
  if (byItem.size === 0) return [...ratings];
  const sectionItems = new Map<string, Record<string, ItemInput>>();
  for (const [item, input] of byItem) {
    const section = sectionOfItem(scheme, item);
    if (!section) continue;
    const list = sectionItems.get(section.id) ?? {};
    list[item] = input;
    sectionItems.set(section.id, list);
  }
  return ratings.map((r) => {
    const measured = sectionItems.get(r.section);
    if (!measured || r.state === 'reassigned') return r;
    const items = { ...r.items, ...measured };
    if (r.raterId !== null) return { ...r, items };
    const section = scheme.sections.find((s) => s.id === r.section);
    const complete = (section?.items ?? []).every((i) => i.method.kind !== 'formula' || measured[i.id] !== undefined);
    return { ...r, items, state: complete ? 'submitted' : r.state };
  });
}

/**
 * A person's pay facts from their measured inputs: PAY_FACT values, and their work tickets — per ticket with its
 * completion level when the output pay judges tickets, else summed into man-hours (unless given as a fact).
 * Example: measuredPayFacts(seedPrograms.workshop, [{ kind: 'WORK_TICKET', ticket: 'T1', hours: '100', level: 'onTime' }, { kind: 'PAY_FACT', values: { groupId: 'welding' } }]) -> { groupId: 'welding', tickets: [{ hours: '100', level: 'onTime' }] }
 */
export function measuredPayFacts(scheme: SchemeDefinition, entries: readonly MeasuredEntry[]): { base?: string; groupId?: string; manHours?: string; tickets?: Array<{ hours: string; level: string }> } {
  const out: { base?: string; groupId?: string; manHours?: string; tickets?: Array<{ hours: string; level: string }> } = {};
  const tickets: Array<{ hours: string; level: string }> = [];
  for (const e of entries) {
    if (e.kind === 'PAY_FACT') {
      for (const name of PAY_FACT_NAMES) if (e.values[name] !== undefined) out[name] = e.values[name];
    } else if (e.kind === 'WORK_TICKET') tickets.push({ hours: e.hours, level: e.level });
  }
  if (tickets.length) {
    if (completionLevelsOf(scheme)) out.tickets = tickets;
    else if (out.manHours === undefined) out.manHours = plain(tickets.reduce((sum, t) => sum.plus(t.hours), new Decimal(0)));
  }
  return out;
}
