import type { Decimal } from '../decimal.js';

/** Binary arithmetic operators the language accepts. */
export type ArithmeticOp = '+' | '-' | '*' | '/';
/** Comparison operators; they yield 1 (true) or 0 (false). */
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
/** Functions the language accepts; anything else is rejected at parse time. */
export type FormulaFunction = 'min' | 'max' | 'avg' | 'sum' | 'round' | 'abs';

/**
 * The formula tree after whitelisting. It is our own shape (not mathjs nodes) so that evaluation
 * cannot reach any mathjs function: the parser is used only to read text.
 * Every value is a Decimal; booleans are 1 and 0, and a condition is true when it is not zero.
 */
export type FormulaNode =
  | { kind: 'number'; value: Decimal }
  | { kind: 'variable'; name: string; position: number }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'arithmetic'; op: ArithmeticOp; left: FormulaNode; right: FormulaNode; position: number }
  | { kind: 'compare'; op: ComparisonOp; left: FormulaNode; right: FormulaNode }
  | { kind: 'logical'; op: 'and' | 'or'; left: FormulaNode; right: FormulaNode }
  | { kind: 'not'; operand: FormulaNode }
  | { kind: 'if'; condition: FormulaNode; then: FormulaNode; otherwise: FormulaNode }
  | { kind: 'call'; fn: FormulaFunction; args: FormulaNode[]; places?: number };

/** A formula that parsed and passed the whitelist; `variables` lists the names it reads, sorted. */
export interface ParsedFormula {
  readonly source: string;
  readonly root: FormulaNode;
  readonly variables: readonly string[];
}
