import type { IsoDate } from '../calendar/dates.js';
import type { PayBasis } from '../pay/basis.js';
import type { SchemeDefinition } from '../scheme/schema.js';
import type { PublishedResult } from '../cycles/publication.js';
import type { LedgerSource } from './record.js';
import { fromHundredths, toHundredths } from './quantity.js';

/** Component of the generated entry for plus/minus hours converted to money at the scheme's hour rate. */
export const HOURS_COMPONENT = 'adjustmentHours';
/** Component of the generated entry for plus/minus money (rationalisation rewards and the like). */
export const MONEY_COMPONENT = 'adjustmentMoney';

/** Where a published result sits: its result number, cycle, the person's department and the accounting month. */
export interface PublicationContext {
  resultNumber: number;
  cycleId: string;
  departmentId: string;
  /** The accounting month the pay belongs to (the cycle's period end under the scheme's convention). */
  periodKey: string;
  publishedOn: IsoDate;
  /** Ledger entries that fed the appraisal, per scheme adjustment rule id (appraisalInputsFromLedger().sources). */
  sources?: Readonly<Record<string, readonly string[]>>;
}

/** An entry to post for one pay component of a published result. */
export interface GeneratedEntry {
  /** Idempotency key: one entry per appraisal, result number and component. */
  key: string;
  employeeId: string;
  departmentId: string;
  ruleCode: string | null;
  component: string;
  unit: 'money';
  amount: string;
  money: string;
  settlement: 'payroll';
  periodKey: string;
  occurredOn: IsoDate;
  source: Extract<LedgerSource, { kind: 'appraisal' }>;
  /** Why this amount: the numbers of the pay rule (rendered by explainPayBasis). */
  basis?: PayBasis;
  /** The manual entries it pays (hours and money plus/minus). */
  inputs: string[];
}

/**
 * The ledger entries of a published result: one per pay component (performance pay by band, floating pay, pool
 * shares, output pay, the day's wage), and the scheme's money adjustments split in two — the plus/minus hours
 * converted at the hour rate, and the plus/minus money — each linked to the appraisal, its result number and the
 * ledger entries that fed it. Zero amounts are kept: "performance pay withheld (score 55)" is information.
 * Example: entriesFromPublishedResult(published, seedPrograms.cafeteria, ctx).map((e) => [e.component, e.amount]) -> [['performancePay', '720.00']]
 */
export function entriesFromPublishedResult(result: PublishedResult, scheme: SchemeDefinition, ctx: PublicationContext): GeneratedEntry[] {
  const lines = result.pay?.lines ?? [];
  const ruleOf = new Map(scheme.pay.map((p) => [p.id, p.ledgerRule ?? null]));
  const unitOf = new Map(scheme.adjustments.rules.map((r) => [r.id, r.unit]));
  const inputsOf = (unit: 'hours' | 'money') =>
    Object.entries(ctx.sources ?? {})
      .filter(([ruleId]) => unitOf.get(ruleId) === unit)
      .flatMap(([, ids]) => ids)
      .sort();
  const make = (component: string, amount: string, ruleCode: string | null, inputs: string[], basis?: PayBasis): GeneratedEntry => ({
    key: `appraisal:${result.appraisalId}:${ctx.resultNumber}:${component}`,
    employeeId: result.employeeId,
    departmentId: ctx.departmentId,
    ruleCode,
    component,
    unit: 'money',
    amount,
    money: amount,
    settlement: 'payroll',
    periodKey: ctx.periodKey,
    occurredOn: ctx.publishedOn,
    source: { kind: 'appraisal', appraisalId: result.appraisalId, resultNumber: ctx.resultNumber, cycleId: ctx.cycleId, component },
    ...(basis ? { basis } : {}),
    inputs,
  });
  const out: GeneratedEntry[] = [];
  for (const line of lines) {
    if (line.employeeId !== result.employeeId) continue;
    const amount = fromHundredths(toHundredths(line.amount));
    if (line.component !== 'adjustments') {
      out.push(make(line.component, amount, ruleOf.get(line.component) ?? null, [], line.basis));
      continue;
    }
    // The engine converts the net hours once (rounded to cents); the rest of the adjustment line is money.
    const hoursStep = result.trace.find((s) => s.step === 'hoursToMoney');
    const hours = hoursStep && hoursStep.step === 'hoursToMoney' ? toHundredths(hoursStep.money) : 0n;
    const money = toHundredths(amount) - hours;
    if (hours !== 0n) out.push(make(HOURS_COMPONENT, fromHundredths(hours), null, inputsOf('hours')));
    if (money !== 0n || hours === 0n) out.push(make(MONEY_COMPONENT, fromHundredths(money), null, inputsOf('money')));
  }
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A generated entry already posted for an appraisal and still standing (not reversed). */
export interface PostedGenerated {
  id: string;
  component: string;
  amount: string;
  resultNumber: number;
}

/** What re-publication posts: reversals of changed or vanished components, new entries, and what stays. */
export interface ReissuePlan {
  reverse: PostedGenerated[];
  post: GeneratedEntry[];
  keep: PostedGenerated[];
}

/**
 * Re-publication after a correction (an upheld appeal, a returned rating) never overwrites: components whose
 * amount changed, and components that no longer exist, are reversed; changed and new components are posted from
 * the new result; unchanged ones stay as posted (payroll sees no churn). `all` reverses and re-issues everything.
 * Example: reissueEntries([{ id: 'g1', component: 'performancePay', amount: '720.00', resultNumber: 1 }], [{ component: 'performancePay', amount: '900.00', ... }]) -> { reverse: [g1], post: [the 900.00 entry], keep: [] }
 */
export function reissueEntries(posted: readonly PostedGenerated[], planned: readonly GeneratedEntry[], mode: 'changedOnly' | 'all' = 'changedOnly'): ReissuePlan {
  const plan: ReissuePlan = { reverse: [], post: [], keep: [] };
  const byComponent = new Map(planned.map((p) => [p.component, p]));
  const seen = new Set<string>();
  for (const p of [...posted].sort((a, b) => cmp(a.component, b.component) || cmp(a.id, b.id))) {
    const next = byComponent.get(p.component);
    // Two standing entries of one component cannot both be right: keep at most the first.
    if (mode === 'changedOnly' && next && !seen.has(p.component) && toHundredths(next.amount) === toHundredths(p.amount)) {
      plan.keep.push(p);
      seen.add(p.component);
    } else plan.reverse.push(p);
  }
  for (const next of planned) if (!seen.has(next.component)) plan.post.push(next);
  return plan;
}
