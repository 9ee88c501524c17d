import { Decimal, dec } from '../decimal.js';
import type { DomainIssue } from '../issues.js';
import { evaluateFormulaExact } from '../formula/index.js';
import type { CompiledItem } from './compile.js';
import type { ItemInput } from './types.js';

const ZERO = new Decimal(0);

/** The points one rater's input earns on one item, and whether it counts as failing the item. */
export type ItemOutcome = { ok: true; points: Decimal; failed: boolean } | { ok: false; issue: DomainIssue };

function bad(path: ReadonlyArray<string | number>, code: string, message: string, params?: Record<string, string | number>): ItemOutcome {
  return { ok: false, issue: params ? { path, code, message, params } : { path, code, message } };
}

function parse(text: string | undefined): Decimal | undefined {
  if (text === undefined) return undefined;
  try {
    return dec(text);
  } catch {
    return undefined;
  }
}

/**
 * Scores one item from one rater's input under the item's method (range, rubric, deduction, formula, pass/fail).
 * Example: scoreItem(compiledDeductionItem, { occurrences: { handoverUnclear: 1 } }, path) -> { ok: true, points: 70, failed: false }
 */
export function scoreItem(c: CompiledItem, input: ItemInput | undefined, path: ReadonlyArray<string | number>): ItemOutcome {
  const m = c.item.method;
  let points: Decimal;
  let failed = false;
  switch (m.kind) {
    case 'range': {
      const p = parse(input?.points);
      if (p === undefined) return bad(path, 'item_unrated', `item "${c.item.id}" needs points`, { item: c.item.id });
      if (p.lt(c.low) || p.gt(c.high)) {
        return bad(path, 'item_out_of_range', `item "${c.item.id}": ${input?.points ?? ''} is outside ${m.min}..${m.max}`, {
          item: c.item.id,
          value: input?.points ?? '',
          min: m.min,
          max: m.max,
        });
      }
      points = p;
      break;
    }
    case 'rubric': {
      const level = input?.level;
      const p = level === undefined ? undefined : c.levels?.get(level);
      if (p === undefined) return bad(path, level === undefined ? 'item_unrated' : 'rubric_unknown_level', `item "${c.item.id}" needs one of its levels`, { item: c.item.id });
      points = p;
      break;
    }
    case 'deduction': {
      // No entry means no occurrence: the day (or month) starts at full marks.
      let lost = ZERO;
      for (const [rule, count] of Object.entries(input?.occurrences ?? {})) {
        const each = c.deductions?.get(rule);
        if (each === undefined) return bad([...path, 'occurrences', rule], 'deduction_unknown_rule', `item "${c.item.id}" has no deduction rule "${rule}"`, { item: c.item.id, rule });
        if (!Number.isInteger(count) || count < 0) return bad([...path, 'occurrences', rule], 'deduction_count', `occurrences of "${rule}" must be a whole number >= 0`, { rule });
        lost = lost.plus(each.times(count));
      }
      points = lost.isZero() ? c.max : Decimal.max(c.max.minus(lost), c.low);
      break;
    }
    case 'formula': {
      const values: Record<string, Decimal | string> = { maxPoints: c.max };
      for (const name of m.inputs) {
        const v = input?.values?.[name];
        if (v === undefined) return bad([...path, 'values', name], 'item_unrated', `item "${c.item.id}" needs the measured value "${name}"`, { item: c.item.id, name });
        values[name] = v;
      }
      const r = evaluateFormulaExact(c.formula ?? { source: '', root: { kind: 'number', value: ZERO }, variables: [] }, values);
      if (!r.ok) {
        const first = r.issues[0];
        return bad(path, first?.code ?? 'formula_failed', `item "${c.item.id}": ${first?.message ?? 'formula failed'}`, { item: c.item.id });
      }
      // A measured value can run past the scale (e.g. 105 % of target); the item never leaves [0, max].
      points = Decimal.min(Decimal.max(r.value, ZERO), c.max);
      break;
    }
    case 'passFail': {
      if (input?.passed === undefined) return bad(path, 'item_unrated', `item "${c.item.id}" needs pass or fail`, { item: c.item.id });
      failed = !input.passed;
      points = input.passed ? c.high : c.low;
      break;
    }
  }
  if (c.passMark !== undefined && points.lt(c.passMark)) failed = true;
  return { ok: true, points, failed };
}
