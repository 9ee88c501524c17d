import { Decimal, roundTo } from '../decimal.js';
import type { Checked } from '../issues.js';
import { evaluateFormulaExact, plain } from '../formula/index.js';
import type { SchemeDefinition } from '../scheme/index.js';
import { compileScheme, type CompiledScheme } from './compile.js';
import type { TraceStep } from './types.js';

/** A period roll-up result with its trace. */
export interface RollupResult {
  value: string;
  trace: TraceStep[];
}

/**
 * Computes a period roll-up of the scheme (e.g. Part 5's quarterly result from two months and the quarter's own score).
 * Example: rollUp(seedPrograms.headquarters, 'quarterly', { month1: '80', month2: '90', quarter: '85' }) -> { ok: true, value: { value: '85', ... } }
 */
export function rollUp(scheme: SchemeDefinition | CompiledScheme, rollupId: string, values: Readonly<Record<string, string>>): Checked<RollupResult> {
  const compiled = 'sectionById' in scheme ? { ok: true as const, value: scheme } : compileScheme(scheme);
  if (!compiled.ok) return compiled;
  const c = compiled.value;
  const rollup = c.scheme.rollups.find((r) => r.id === rollupId);
  const formula = c.rollups.get(rollupId);
  if (!rollup || !formula) {
    return { ok: false, issues: [{ path: ['rollup'], code: 'unknown_rollup', message: `unknown roll-up "${rollupId}"`, params: { rollup: rollupId } }] };
  }
  const r = evaluateFormulaExact(formula, values);
  if (!r.ok) return r;
  const trace: TraceStep[] = [{ step: 'rollup', rollup: rollupId, formula: rollup.formula, inputs: { ...values }, value: plain(r.value) }];
  let value: Decimal = r.value;
  const { places, mode, applyAt } = c.scheme.rounding;
  if (applyAt.includes('rollup')) {
    const rounded = roundTo(value, places, mode);
    if (!rounded.eq(value)) trace.push({ step: 'rounding', at: 'rollup', before: plain(value), after: plain(rounded), places, mode });
    value = rounded;
  }
  return { ok: true, value: { value: plain(value), trace } };
}
