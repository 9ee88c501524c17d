// The factories come through `#mathjs-factories`: in Node they are loaded one by one without mathjs's
// default instance (see mathjs-factories.node.ts), in the browser bundle tree-shaking does the same.
import { create, factory, parserFactories as mathjsFactories } from '#mathjs-factories';
import type { FactoryFunctionMap } from 'mathjs';
import { dec, type Decimal } from '../decimal.js';
import type { Checked, DomainIssue } from '../issues.js';
import type { ArithmeticOp, ComparisonOp, FormulaFunction, FormulaNode, ParsedFormula } from './ast.js';

// Only the parser is taken from mathjs, configured to read numbers as BigNumber so that `0.1` stays
// exactly 0.1. Nothing of mathjs's evaluation (evaluate/compile) is ever used.
// mathjs's `parseDependencies` bundle also brings what the node classes need to *evaluate* (subset,
// size, matrices, units, and through them pow, inv, det...): creating those typed functions made the
// first parse of a process take 100-150 ms. The parser gets the node classes and literal conversion
// it uses, and stubs for the evaluation helpers the node classes name; a property test checks this
// instance parses every text exactly as one built from `parseDependencies`.
const notUsed = (name: string): FactoryFunctionMap[string] =>
  factory(name, [], () => () => {
    throw new Error(`mathjs ${name} is not part of the formula parser`);
  }) as FactoryFunctionMap[string];

/** The mathjs factories the formula parser is built from. */
export const parserFactories: FactoryFunctionMap = {
  ...mathjsFactories,
  createSubsetUnused: notUsed('subset'),
  createSizeUnused: notUsed('size'),
  createIsBoundedUnused: notUsed('isBounded'),
};
/** The configuration of the parser: literals read as BigNumber. */
export const parserConfig = { number: 'BigNumber', precision: 64 } as const;
const math = create(parserFactories, parserConfig);

/** Longest formula source accepted; schemes hold short expressions, long ones are mistakes or abuse. */
export const MAX_FORMULA_LENGTH = 2000;
/** Deepest nesting accepted, so evaluation recursion stays bounded. */
export const MAX_FORMULA_DEPTH = 100;

// A leading underscore is reserved for the percent placeholders below.
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const ARITHMETIC: Record<string, ArithmeticOp> = { add: '+', subtract: '-', multiply: '*', divide: '/' };
const COMPARISON: Record<string, ComparisonOp> = {
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
};
const FUNCTIONS: Record<FormulaFunction, { min: number; max: number }> = {
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  avg: { min: 1, max: Infinity },
  sum: { min: 1, max: Infinity },
  round: { min: 1, max: 2 },
  abs: { min: 1, max: 1 },
};

/** The structural view of a mathjs node we read; typed loosely on purpose and checked field by field. */
interface RawNode {
  type?: unknown;
  [key: string]: unknown;
}

function isRaw(value: unknown): value is RawNode {
  return typeof value === 'object' && value !== null;
}

function isFormulaFunction(name: string): name is FormulaFunction {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/**
 * Finds where the n-th occurrence of a token sits in the source. mathjs nodes carry no positions, but
 * a left-to-right walk meets tokens in source order, so counting occurrences recovers them.
 */
class Locator {
  private readonly seen = new Map<string, number>();
  constructor(private readonly source: string) {}

  word(name: string): number {
    const n = this.bump(`w:${name}`);
    const re = new RegExp(`(?<![A-Za-z0-9_])${name.replace(/[^A-Za-z0-9_]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g');
    return this.nth(re, n);
  }

  symbol(op: string): number {
    const n = this.bump(`o:${op}`);
    const re = new RegExp(op.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
    return this.nth(re, n);
  }

  private bump(key: string): number {
    const n = this.seen.get(key) ?? 0;
    this.seen.set(key, n + 1);
    return n;
  }

  private nth(re: RegExp, n: number): number {
    let match: RegExpExecArray | null;
    let i = 0;
    let last = -1;
    while ((match = re.exec(this.source)) !== null) {
      last = match.index;
      if (i === n) return match.index;
      i += 1;
    }
    return Math.max(last, 0);
  }
}

interface Ctx {
  issues: DomainIssue[];
  variables: Set<string>;
  locate: Locator;
  percents: ReadonlyMap<string, Decimal>;
}

const PERCENT_LITERAL = /(?<![A-Za-z0-9_.])(\d+(?:\.\d*)?|\.\d+)(\s*)%/g;

/**
 * Replaces each `20%` by a same-length placeholder symbol (`_20`) that stands for 0.2.
 * mathjs's own percent rule reads `x * 30% + y` as `(x * 30) mod (+y)`, which is not what anyone
 * writing an appraisal formula means; doing it here keeps `20%` = 0.2 everywhere and positions intact.
 */
function protectPercents(source: string): { text: string; percents: Map<string, Decimal> } {
  const percents = new Map<string, Decimal>();
  const text = source.replace(PERCENT_LITERAL, (_match, digits: string, spaces: string) => {
    const name = `_${digits.replace('.', '_')}`;
    percents.set(name, dec(digits).div(100));
    return `${name}${spaces}`;
  });
  return { text, percents };
}

function issue(ctx: Ctx, code: string, message: string, position: number, extra?: Record<string, string | number>): null {
  ctx.issues.push({
    path: [],
    code,
    message: `${message} (at character ${position + 1})`,
    params: { position, ...extra },
  });
  return null;
}

function constantValue(node: RawNode, ctx: Ctx): FormulaNode | null {
  const value = node.value;
  if (typeof value === 'boolean') return { kind: 'number', value: dec(value ? 1 : 0) };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', value: dec(value) };
  if (isRaw(value) && value.isBigNumber === true) {
    const text = String(value);
    try {
      return { kind: 'number', value: dec(text) };
    } catch {
      return issue(ctx, 'formula_number_invalid', `number ${text} is not finite`, ctx.locate.symbol(text));
    }
  }
  return issue(ctx, 'formula_node_not_allowed', 'only numbers are allowed as constants', ctx.locate.symbol('"'));
}

function convertFunction(node: RawNode, ctx: Ctx, depth: number): FormulaNode | null {
  const fnNode = node.fn;
  const name = isRaw(fnNode) && typeof fnNode.name === 'string' ? fnNode.name : '';
  const position = ctx.locate.word(name);
  const rawArgs = Array.isArray(node.args) ? (node.args as unknown[]) : [];
  if (name === 'if') {
    if (rawArgs.length !== 3) {
      return issue(ctx, 'formula_arity', 'if(condition, then, otherwise) takes exactly 3 arguments', position, {
        function: 'if',
        expected: '3',
      });
    }
    const [c, t, f] = rawArgs.map((a) => convert(a, ctx, depth + 1));
    if (!c || !t || !f) return null;
    return { kind: 'if', condition: c, then: t, otherwise: f };
  }
  if (!isFormulaFunction(name)) {
    return issue(
      ctx,
      'formula_function_not_allowed',
      `function "${name}" is not allowed; use if, min, max, avg, sum, round or abs`,
      position,
      { function: name },
    );
  }
  const arity = FUNCTIONS[name];
  if (rawArgs.length < arity.min || rawArgs.length > arity.max) {
    return issue(ctx, 'formula_arity', `${name} takes ${arity.min}${arity.max === Infinity ? ' or more' : `..${arity.max}`} arguments`, position, {
      function: name,
      // Language-neutral, so the message catalog can quote it in English and Chinese.
      expected: arity.max === Infinity ? `≥ ${arity.min}` : arity.min === arity.max ? String(arity.min) : `${arity.min}–${arity.max}`,
    });
  }
  if (name === 'round') {
    const operand = convert(rawArgs[0], ctx, depth + 1);
    let places = 0;
    if (rawArgs.length === 2) {
      const p = convert(rawArgs[1], ctx, depth + 1);
      // Places must be a literal so rounding is fixed by the scheme, not by data.
      if (!p || p.kind !== 'number' || !p.value.isInteger() || p.value.lt(0) || p.value.gt(20)) {
        return issue(ctx, 'formula_round_places', 'round(x, places) needs places as a whole number 0..20', position);
      }
      places = p.value.toNumber();
    }
    return operand ? { kind: 'call', fn: 'round', args: [operand], places } : null;
  }
  const args = rawArgs.map((a) => convert(a, ctx, depth + 1));
  if (args.some((a) => a === null)) return null;
  return { kind: 'call', fn: name, args: args as FormulaNode[] };
}

function convertOperator(node: RawNode, ctx: Ctx, depth: number): FormulaNode | null {
  const fn = typeof node.fn === 'string' ? node.fn : '';
  const op = typeof node.op === 'string' ? node.op : fn;
  const args = Array.isArray(node.args) ? (node.args as unknown[]) : [];
  if (node.implicit === true) {
    const right = args[1];
    const position = isRaw(right) && typeof right.name === 'string' ? ctx.locate.word(right.name) : 0;
    return issue(ctx, 'formula_implicit_multiplication', 'write multiplication explicitly with *', position);
  }
  if (fn === 'unaryMinus' || fn === 'unaryPlus') {
    ctx.locate.symbol(op);
    const operand = convert(args[0], ctx, depth + 1);
    if (!operand) return null;
    return fn === 'unaryMinus' ? { kind: 'negate', operand } : operand;
  }
  if (fn === 'not') {
    ctx.locate.word('not');
    const operand = convert(args[0], ctx, depth + 1);
    return operand ? { kind: 'not', operand } : null;
  }
  const arithmetic = ARITHMETIC[fn];
  const comparison = COMPARISON[fn];
  if ((arithmetic || comparison || fn === 'and' || fn === 'or') && args.length === 2) {
    const left = convert(args[0], ctx, depth + 1);
    const position = fn === 'and' || fn === 'or' ? ctx.locate.word(fn) : ctx.locate.symbol(op);
    const right = convert(args[1], ctx, depth + 1);
    if (!left || !right) return null;
    if (arithmetic) return { kind: 'arithmetic', op: arithmetic, left, right, position };
    if (comparison) return { kind: 'compare', op: comparison, left, right };
    return { kind: 'logical', op: fn as 'and' | 'or', left, right };
  }
  return issue(ctx, 'formula_operator_not_allowed', `operator "${op}" is not allowed`, ctx.locate.symbol(op), {
    operator: op,
  });
}

function convert(raw: unknown, ctx: Ctx, depth: number): FormulaNode | null {
  if (depth > MAX_FORMULA_DEPTH) {
    return issue(ctx, 'formula_too_deep', `formula nests deeper than ${MAX_FORMULA_DEPTH} levels`, 0, { limit: MAX_FORMULA_DEPTH });
  }
  if (!isRaw(raw)) return issue(ctx, 'formula_syntax', 'incomplete expression', 0, { variant: 'incomplete' });
  switch (raw.type) {
    case 'ConstantNode':
      return constantValue(raw, ctx);
    case 'SymbolNode': {
      const name = typeof raw.name === 'string' ? raw.name : '';
      const position = ctx.locate.word(name);
      const percent = ctx.percents.get(name);
      if (percent) return { kind: 'number', value: percent };
      if (!VARIABLE_NAME.test(name) || name.startsWith('_')) {
        return issue(ctx, 'formula_variable_name', `"${name}" is not a valid variable name`, position, { name });
      }
      ctx.variables.add(name);
      return { kind: 'variable', name, position };
    }
    case 'ParenthesisNode':
      return convert(raw.content, ctx, depth + 1);
    case 'OperatorNode':
      return convertOperator(raw, ctx, depth);
    case 'FunctionNode':
      return convertFunction(raw, ctx, depth);
    case 'ConditionalNode': {
      const c = convert(raw.condition, ctx, depth + 1);
      const t = convert(raw.trueExpr, ctx, depth + 1);
      const f = convert(raw.falseExpr, ctx, depth + 1);
      return c && t && f ? { kind: 'if', condition: c, then: t, otherwise: f } : null;
    }
    default:
      return issue(
        ctx,
        'formula_node_not_allowed',
        `${String(raw.type).replace(/Node$/, '').toLowerCase()} expressions are not allowed`,
        0,
        { node: String(raw.type) },
      );
  }
}

/**
 * Parses formula text into a whitelisted tree; every problem comes back with its character position.
 * Example: parseFormula('(m1 + m2) * 20% + q * 60%') -> { ok: true, value: { variables: ['m1','m2','q'], ... } }
 */
export function parseFormula(source: string): Checked<ParsedFormula> {
  if (typeof source !== 'string' || source.trim() === '') {
    return { ok: false, issues: [{ path: [], code: 'formula_empty', message: 'formula is empty' }] };
  }
  if (source.length > MAX_FORMULA_LENGTH) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'formula_too_long',
          message: `formula is longer than ${MAX_FORMULA_LENGTH} characters`,
          params: { limit: MAX_FORMULA_LENGTH },
        },
      ],
    };
  }
  const { text, percents } = protectPercents(source);
  const stray = text.indexOf('%');
  if (stray >= 0) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'formula_percent',
          message: `% may only follow a plain number such as 20% (at character ${stray + 1}); write x * 20% or x / 100`,
          params: { position: stray },
        },
      ],
    };
  }
  let tree: unknown;
  try {
    tree = math.parse(text);
  } catch (error) {
    const char = isRaw(error) && typeof error.char === 'number' ? error.char : 1;
    const position = Math.max(0, Math.min(char - 1, source.length));
    const text = error instanceof Error ? error.message.replace(/\s*\(char \d+\)$/, '') : 'cannot parse';
    return {
      ok: false,
      issues: [{ path: [], code: 'formula_syntax', message: `${text} (at character ${position + 1})`, params: { position } }],
    };
  }
  const ctx: Ctx = { issues: [], variables: new Set(), locate: new Locator(text), percents };
  const root = convert(tree, ctx, 0);
  if (!root || ctx.issues.length > 0) return { ok: false, issues: ctx.issues };
  return { ok: true, value: { source, root, variables: [...ctx.variables].sort() } };
}

/**
 * Parses and checks that every variable is known; unknown names are errors with their position.
 * Example: validateFormula('a + b', ['a']) -> { ok: false, issues: [{ code: 'formula_unknown_variable', params: { name: 'b', position: 4 } }] }
 */
export function validateFormula(source: string, knownVariables: readonly string[]): Checked<ParsedFormula> {
  const parsed = parseFormula(source);
  if (!parsed.ok) return parsed;
  const known = new Set(knownVariables);
  const issues: DomainIssue[] = [];
  const walk = (node: FormulaNode): void => {
    switch (node.kind) {
      case 'variable':
        if (!known.has(node.name)) {
          issues.push({
            path: [],
            code: 'formula_unknown_variable',
            message: `unknown variable "${node.name}" (at character ${node.position + 1}); known: ${[...known].join(', ') || 'none'}`,
            params: { name: node.name, position: node.position, known: [...known].join(', ') || '-' },
          });
        }
        return;
      case 'number':
        return;
      case 'negate':
      case 'not':
        return walk(node.operand);
      case 'arithmetic':
      case 'compare':
      case 'logical':
        walk(node.left);
        return walk(node.right);
      case 'if':
        walk(node.condition);
        walk(node.then);
        return walk(node.otherwise);
      case 'call':
        return node.args.forEach(walk);
    }
  };
  walk(parsed.value.root);
  return issues.length > 0 ? { ok: false, issues } : parsed;
}
