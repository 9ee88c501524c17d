import type { Checked, DomainIssue } from '../issues.js';
import type { AdjustmentRule, SchemeDefinition } from '../scheme/schema.js';
import type { AdjustmentInput, ItemInput } from '../scoring/types.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import { ledgerRuleBounds, type LedgerRule } from './rule.js';
import { compareQuantities, normalizeQuantity } from './quantity.js';

// One catalog, referenced by the schemes. A scheme's plus/minus rule, a deduction rule of a deduction item and a
// pay component carry `ledgerRule: <code>`; their amounts are derived from the catalog rule (never typed twice),
// and checkSchemeLedgerLinks reports any drift while a scheme is a draft. Published scheme versions keep the
// derived copy as a snapshot, so old results stay reproducible when the catalog changes later.

/** The id a derived scheme rule gets by default: the code's last segment. Example: schemeRuleId('hotel.goodDeed') -> 'goodDeed' */
export function schemeRuleId(code: string): string {
  const last = code.split('.').pop() ?? code;
  // Scheme ids are formula identifiers: a letter first, then letters, digits and _.
  const id = last.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(id) ? id : `r_${id}`;
}

const notDerivable = (rule: LedgerRule, as: 'adjustment' | 'deduction' | 'payComponent'): DomainIssue =>
  issue('ledger_link_not_derivable', `the rule ${rule.code} cannot be a scheme ${as}`, { code: rule.code, variant: as }, ['ledgerRule']);

/**
 * The scheme plus/minus rule a catalog rule stands for: reward -> bonus, punishment -> penalty, the unit, a fixed
 * amount or the range (a multiple becomes factor x basis at both ends), and the link back to the catalog.
 * Computed rules are not plus/minus rules. The ledger checks a "more than" lower bound; the scheme copy cannot say it.
 * Example: adjustmentRuleFromLedgerRule(seedLedgerRule('ws.rationalisation')) -> { ok: true, value: { id: 'rationalisation', direction: 'bonus', unit: 'money', amount: { kind: 'range', min: '10', max: '500' }, ledgerRule: 'ws.rationalisation', ... } }
 */
export function adjustmentRuleFromLedgerRule(rule: LedgerRule, id: string = schemeRuleId(rule.code)): Checked<AdjustmentRule> {
  const bounds = ledgerRuleBounds(rule);
  if (!bounds || rule.settlement !== 'appraisal') return { ok: false, issues: [notDerivable(rule, 'adjustment')] };
  const amount: AdjustmentRule['amount'] = rule.amount.kind === 'fixed' ? { kind: 'fixed', value: rule.amount.value } : { kind: 'range', min: bounds.min, max: bounds.max };
  return { ok: true, value: { id, name: { ...rule.name }, direction: rule.kind === 'reward' ? 'bonus' : 'penalty', unit: rule.unit, amount, ledgerRule: rule.code } };
}

/** A deduction rule of a deduction item (points per occurrence). */
export interface DeductionRule {
  id: string;
  name: { en: string; zh: string };
  points: string;
  ledgerRule?: string;
}

/**
 * The deduction rule of a deduction item a fixed points punishment stands for (the hotel's "deduct 30 points each time").
 * Example: deductionRuleFromLedgerRule(seedLedgerRule('hotel.complaint')) -> { ok: true, value: { id: 'complaint', points: '50', ledgerRule: 'hotel.complaint', ... } }
 */
export function deductionRuleFromLedgerRule(rule: LedgerRule, id: string = schemeRuleId(rule.code)): Checked<DeductionRule> {
  if (rule.kind !== 'punishment' || rule.unit !== 'points' || rule.amount.kind !== 'fixed' || rule.settlement !== 'appraisal') {
    return { ok: false, issues: [notDerivable(rule, 'deduction')] };
  }
  return { ok: true, value: { id, name: { ...rule.name }, points: rule.amount.value, ledgerRule: rule.code } };
}

/** Derives a list of scheme rules from catalog codes, throwing on a programming error (seed data). Example: adjustmentRulesFrom(catalog, ['hotel.goodDeed']) */
export function adjustmentRulesFrom(catalog: readonly LedgerRule[], codes: readonly string[]): AdjustmentRule[] {
  return codes.map((code) => {
    const rule = catalog.find((r) => r.code === code);
    const derived = rule ? adjustmentRuleFromLedgerRule(rule) : undefined;
    if (!derived?.ok) throw new Error(`ledger rule ${code} does not derive a scheme adjustment`);
    return derived.value;
  });
}

/** Derives deduction rules from catalog codes, throwing on a programming error (seed data). Example: deductionRulesFrom(catalog, ['hotel.complaint']) */
export function deductionRulesFrom(catalog: readonly LedgerRule[], codes: readonly string[]): DeductionRule[] {
  return codes.map((code) => {
    const rule = catalog.find((r) => r.code === code);
    const derived = rule ? deductionRuleFromLedgerRule(rule) : undefined;
    if (!derived?.ok) throw new Error(`ledger rule ${code} does not derive a deduction rule`);
    return derived.value;
  });
}

/** Where a catalog rule is used in a scheme. */
export type SchemeLedgerUse =
  | { kind: 'adjustment'; ruleId: string }
  | { kind: 'deduction'; itemId: string; ruleId: string }
  | { kind: 'pay'; componentId: string };

/**
 * Every use of catalog rules in a scheme, by code (a code may be used once per scheme).
 * Example: schemeLedgerUses(seedPrograms.hotelAudit).get('hotel.complaint') -> { kind: 'deduction', itemId: 'dailyConduct', ruleId: 'complaint' }
 */
export function schemeLedgerUses(scheme: SchemeDefinition): Map<string, SchemeLedgerUse> {
  const out = new Map<string, SchemeLedgerUse>();
  for (const r of scheme.adjustments.rules) if (r.ledgerRule) out.set(r.ledgerRule, { kind: 'adjustment', ruleId: r.id });
  for (const s of scheme.sections) {
    for (const item of s.items) {
      if (item.method.kind !== 'deduction') continue;
      for (const r of item.method.rules) if (r.ledgerRule) out.set(r.ledgerRule, { kind: 'deduction', itemId: item.id, ruleId: r.id });
    }
  }
  for (const p of scheme.pay) if (p.ledgerRule) out.set(p.ledgerRule, { kind: 'pay', componentId: p.id });
  return out;
}

/** Options of checkSchemeLedgerLinks. */
export interface LedgerLinkOptions {
  /** Report plus/minus and deduction rules without a link (a second copy of a rule outside the catalog). */
  requireLinks?: boolean;
}

/**
 * Checks a scheme's links into the catalog: each named rule exists and is active, a code is used once, and what
 * the scheme states equals what the catalog derives (direction, unit, amounts, deduction points; a pay component
 * links a computed money rule). With requireLinks, unlinked plus/minus and deduction rules are reported too.
 * Example: checkSchemeLedgerLinks(seedPrograms.workshop, seedLedgerRules) -> []
 */
export function checkSchemeLedgerLinks(scheme: SchemeDefinition, catalog: readonly LedgerRule[], options: LedgerLinkOptions = {}): DomainIssue[] {
  const byCode = new Map(catalog.map((r) => [r.code, r]));
  const issues: DomainIssue[] = [];
  const used = new Set<string>();
  const find = (code: string, path: (string | number)[]): LedgerRule | undefined => {
    if (used.has(code)) issues.push(issue('ledger_link_duplicate', `the ledger rule ${code} is linked twice in this scheme`, { code }, path));
    used.add(code);
    const rule = byCode.get(code);
    if (!rule) issues.push(issue('ledger_link_unknown', `the catalog has no rule ${code}`, { code }, path));
    else if (!rule.active) issues.push(issue('ledger_link_inactive', `the ledger rule ${code} is retired`, { code }, path));
    return rule;
  };
  const drift = (code: string, field: string, scheme: string, catalog: string, path: (string | number)[]) =>
    issues.push(issue('ledger_link_drift', `${field} is ${scheme} here but ${catalog} in the catalog rule ${code}`, { code, field, scheme, catalog, variant: field }, path));

  scheme.adjustments.rules.forEach((r, i) => {
    const path = ['adjustments', 'rules', i, 'ledgerRule'];
    if (!r.ledgerRule) {
      if (options.requireLinks) issues.push(issue('ledger_link_missing', `the plus/minus rule ${r.id} is not in the catalog`, { rule: r.id }, path));
      return;
    }
    const rule = find(r.ledgerRule, path);
    if (!rule) return;
    const derived = adjustmentRuleFromLedgerRule(rule, r.id);
    if (!derived.ok) {
      issues.push(...derived.issues.map((x) => ({ ...x, path })));
      return;
    }
    const d = derived.value;
    if (d.direction !== r.direction) drift(rule.code, 'direction', r.direction, d.direction, path);
    if (d.unit !== r.unit) drift(rule.code, 'unit', r.unit, d.unit, path);
    const text = (a: AdjustmentRule['amount']) => (a.kind === 'fixed' ? normalizeQuantity(a.value) : `${normalizeQuantity(a.min)}..${normalizeQuantity(a.max)}`);
    if (text(d.amount) !== text(r.amount)) drift(rule.code, 'amount', text(r.amount), text(d.amount), path);
  });
  scheme.sections.forEach((s, si) =>
    s.items.forEach((item, ii) => {
      if (item.method.kind !== 'deduction') return;
      item.method.rules.forEach((r, ri) => {
        const path = ['sections', si, 'items', ii, 'method', 'rules', ri, 'ledgerRule'];
        if (!r.ledgerRule) {
          if (options.requireLinks) issues.push(issue('ledger_link_missing', `the deduction rule ${r.id} is not in the catalog`, { rule: r.id }, path));
          return;
        }
        const rule = find(r.ledgerRule, path);
        if (!rule) return;
        const derived = deductionRuleFromLedgerRule(rule, r.id);
        if (!derived.ok) issues.push(...derived.issues.map((x) => ({ ...x, path })));
        else if (compareQuantities(derived.value.points, r.points) !== 0) drift(rule.code, 'points', r.points, derived.value.points, path);
      });
    }),
  );
  scheme.pay.forEach((p, i) => {
    if (!p.ledgerRule) return;
    const path = ['pay', i, 'ledgerRule'];
    const rule = find(p.ledgerRule, path);
    if (rule && (rule.amount.kind !== 'computed' || rule.unit !== 'money')) issues.push({ ...notDerivable(rule, 'payComponent'), path });
  });
  return issues;
}

/** An approved ledger entry that feeds an appraisal (settlement `appraisal`), as the API loads it for the period. */
export interface AppraisalLedgerEntry {
  id: string;
  ruleCode: string;
  /** Occurrences (1 for shares and multiples). */
  count: number;
  /** Magnitude of one occurrence in the rule's unit (for range and multiple rules; fixed rules may omit it). */
  quantity?: string;
  /** Set when the entry is a joint-liability share: the magnitude this person bears. */
  share?: string;
}

/** What ledger entries contribute to one appraisal's engine input. */
export interface AppraisalLedgerInputs {
  adjustments: AdjustmentInput[];
  /** Deduction items' occurrences (merge into the rater's item inputs, as occurrenceInputs does). */
  occurrences: Record<string, ItemInput>;
  /** Entries whose rule this scheme does not use (they stay in the ledger, unapplied; shown to HR). */
  unused: string[];
  /** For each adjustment or occurrence, the entries it came from (for the explanation and the generated pay entries). */
  sources: Record<string, string[]>;
}

/**
 * Turns the approved ledger entries of a person's period into the appraisal's engine input: plus/minus entries
 * (fixed: a count; range and multiple: the amount; team shares: the share) and deduction occurrences, matched by
 * the scheme's links. Entries of rules the scheme does not link are listed as unused, never dropped silently.
 * Example: appraisalInputsFromLedger(seedPrograms.nursing, [{ id: 'e1', ruleCode: 'nursing.praise', count: 2 }]).adjustments -> [{ rule: 'praise', count: 2 }]
 */
export function appraisalInputsFromLedger(scheme: SchemeDefinition, entries: readonly AppraisalLedgerEntry[]): AppraisalLedgerInputs {
  const uses = schemeLedgerUses(scheme);
  const adjustments: AdjustmentInput[] = [];
  const counts = new Map<string, Record<string, number>>();
  const unused: string[] = [];
  const sources: Record<string, string[]> = {};
  const source = (key: string, id: string) => (sources[key] ??= []).push(id);
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of sorted) {
    const use = uses.get(e.ruleCode);
    if (!use || use.kind === 'pay') {
      unused.push(e.id);
      continue;
    }
    if (use.kind === 'deduction') {
      // Deduction items count whole occurrences; a share of one is not an occurrence.
      if (e.share !== undefined) {
        unused.push(e.id);
        continue;
      }
      const rules = counts.get(use.itemId) ?? {};
      rules[use.ruleId] = (rules[use.ruleId] ?? 0) + e.count;
      counts.set(use.itemId, rules);
      source(`${use.itemId}.${use.ruleId}`, e.id);
      continue;
    }
    const rule = scheme.adjustments.rules.find((r) => r.id === use.ruleId);
    if (e.share !== undefined) adjustments.push({ rule: use.ruleId, share: e.share });
    else if (rule?.amount.kind === 'fixed' || e.quantity === undefined) adjustments.push({ rule: use.ruleId, count: e.count });
    else adjustments.push({ rule: use.ruleId, count: e.count, amount: e.quantity });
    source(use.ruleId, e.id);
  }
  const occurrences: Record<string, ItemInput> = {};
  for (const [item, rules] of counts) occurrences[item] = { occurrences: rules };
  return { adjustments, occurrences, unused, sources };
}
