import { Decimal, dec, roundTo } from '../decimal.js';
import type { Checked, DomainIssue } from '../issues.js';
import type { FormulaNode, ParsedFormula } from './ast.js';
import { plain } from './plain.js';

/** Variable values for evaluation: decimals, decimal strings or exact numbers. */
export type FormulaValues = Readonly<Record<string, Decimal | string | number>>;

/** An evaluation either yields an exact decimal or typed issues; it never throws. */
export type FormulaEvaluation = { ok: true; value: Decimal } | { ok: false; issues: DomainIssue[] };

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

// Raised only inside this module and always caught by evaluateFormulaExact, so callers see data.
class Halt {
  constructor(readonly issue: DomainIssue) {}
}

function run(node: FormulaNode, vars: ReadonlyMap<string, Decimal>): Decimal {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'variable': {
      const v = vars.get(node.name);
      if (v === undefined) {
        throw new Halt({ path: [], code: 'formula_missing_variable', message: `no value for "${node.name}"`, params: { name: node.name } });
      }
      return v;
    }
    case 'negate':
      return run(node.operand, vars).neg();
    case 'not':
      return run(node.operand, vars).isZero() ? ONE : ZERO;
    case 'arithmetic': {
      const l = run(node.left, vars);
      const r = run(node.right, vars);
      switch (node.op) {
        case '+':
          return l.plus(r);
        case '-':
          return l.minus(r);
        case '*':
          return l.times(r);
        case '/':
          // A stated outcome, not an exception: the caller decides (the scheme marks the appraisal as failed to compute).
          if (r.isZero()) {
            throw new Halt({
              path: [],
              code: 'formula_division_by_zero',
              message: `division by zero (at character ${node.position + 1})`,
              params: { position: node.position },
            });
          }
          return l.div(r);
      }
      break;
    }
    case 'compare': {
      const c = run(node.left, vars).cmp(run(node.right, vars));
      const result =
        node.op === '<' ? c < 0 : node.op === '<=' ? c <= 0 : node.op === '>' ? c > 0 : node.op === '>=' ? c >= 0 : node.op === '==' ? c === 0 : c !== 0;
      return result ? ONE : ZERO;
    }
    case 'logical': {
      // Short-circuit like people read it: `x > 0 and y / x > 1` never divides by zero.
      const l = !run(node.left, vars).isZero();
      if (node.op === 'and' && !l) return ZERO;
      if (node.op === 'or' && l) return ONE;
      return run(node.right, vars).isZero() ? ZERO : ONE;
    }
    case 'if':
      // Only the chosen branch is evaluated, so guards such as if(n == 0, 0, x / n) work.
      return run(node.condition, vars).isZero() ? run(node.otherwise, vars) : run(node.then, vars);
    case 'call': {
      const values = node.args.map((a) => run(a, vars));
      const first = values[0] ?? ZERO;
      switch (node.fn) {
        case 'min':
          return values.reduce((m, v) => (v.lt(m) ? v : m), first);
        case 'max':
          return values.reduce((m, v) => (v.gt(m) ? v : m), first);
        case 'sum':
          return values.reduce((s, v) => s.plus(v), ZERO);
        case 'avg':
          return values.reduce((s, v) => s.plus(v), ZERO).div(values.length);
        case 'abs':
          return first.abs();
        case 'round':
          return roundTo(first, node.places ?? 0, 'halfUp');
      }
    }
  }
  /* c8 ignore next */
  throw new Halt({ path: [], code: 'formula_internal', message: 'unknown formula node' });
}

/**
 * Evaluates a parsed formula exactly; missing variables, division by zero and overflow are issues, never exceptions.
 * Example: evaluateFormulaExact(parse('a / b'), { a: '1', b: '4' }) -> { ok: true, value: Decimal(0.25) }
 */
export function evaluateFormulaExact(formula: ParsedFormula, values: FormulaValues): FormulaEvaluation {
  const vars = new Map<string, Decimal>();
  const issues: DomainIssue[] = [];
  for (const name of formula.variables) {
    const raw = values[name];
    if (raw === undefined) {
      issues.push({ path: [], code: 'formula_missing_variable', message: `no value for "${name}"`, params: { name } });
      continue;
    }
    try {
      vars.set(name, raw instanceof Decimal ? raw : dec(raw));
    } catch {
      issues.push({ path: [], code: 'formula_invalid_value', message: `value of "${name}" is not a finite decimal`, params: { name } });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  try {
    const value = run(formula.root, vars);
    if (!value.isFinite()) {
      return { ok: false, issues: [{ path: [], code: 'formula_not_finite', message: 'result is not a finite number' }] };
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Halt) return { ok: false, issues: [error.issue] };
    throw error;
  }
}

/**
 * Evaluates a parsed formula and returns the exact result as a decimal string.
 * Example: evaluateFormula(parse('(m1 + m2) * 20% + q * 60%'), { m1: 80, m2: 90, q: 85 }) -> { ok: true, value: '85' }
 */
export function evaluateFormula(formula: ParsedFormula, values: FormulaValues): Checked<string> {
  const result = evaluateFormulaExact(formula, values);
  return result.ok ? { ok: true, value: plain(result.value) } : result;
}
