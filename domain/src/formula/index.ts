// The formula language: mathjs reads the text, our whitelist and Decimal evaluator do the rest.
export type { FormulaNode, ParsedFormula, ArithmeticOp, ComparisonOp, FormulaFunction } from './ast.js';
export { parseFormula, validateFormula, MAX_FORMULA_LENGTH, MAX_FORMULA_DEPTH } from './parse.js';
export { evaluateFormula, evaluateFormulaExact, type FormulaValues, type FormulaEvaluation } from './evaluate.js';
export { plain } from './plain.js';
export { NumColumn } from './column.js';
