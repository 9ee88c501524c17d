// The mathjs factories the formula parser is built from, for bundlers: importing them by name lets the
// console's bundle drop the rest of mathjs. Node has no tree-shaking; it resolves `#mathjs-factories` to
// mathjs-factories.node.ts instead (domain/package.json "imports"). The names are those of
// PARSER_FACTORY_NAMES: `satisfies ParserFactories` fails to compile when one is missing or extra.
import type { FactoryFunctionMap } from 'mathjs';
import {
  createAccessorNode,
  createArrayNode,
  createAssignmentNode,
  createBignumber,
  createBigNumberClass,
  createBlockNode,
  createConditionalNode,
  createConstantNode,
  createFunctionAssignmentNode,
  createFunctionNode,
  createIndexNode,
  createNode,
  createNumber,
  createNumeric,
  createObjectNode,
  createOperatorNode,
  createParenthesisNode,
  createParse,
  createRangeNode,
  createRelationalNode,
  createResultSet,
  createSymbolNode,
  createTyped,
} from 'mathjs';
import type { ParserFactories } from './mathjs-factory-names.js';

// mathjs exports these factories at run time without declaring them in its types.
declare module 'mathjs' {
  export const createTyped: FactoryFunctionMap[string];
  export const createBigNumberClass: FactoryFunctionMap[string];
  export const createNumber: FactoryFunctionMap[string];
  export const createBignumber: FactoryFunctionMap[string];
  export const createNumeric: FactoryFunctionMap[string];
  export const createNode: FactoryFunctionMap[string];
  export const createResultSet: FactoryFunctionMap[string];
  export const createAccessorNode: FactoryFunctionMap[string];
  export const createArrayNode: FactoryFunctionMap[string];
  export const createAssignmentNode: FactoryFunctionMap[string];
  export const createBlockNode: FactoryFunctionMap[string];
  export const createConditionalNode: FactoryFunctionMap[string];
  export const createConstantNode: FactoryFunctionMap[string];
  export const createFunctionAssignmentNode: FactoryFunctionMap[string];
  export const createFunctionNode: FactoryFunctionMap[string];
  export const createIndexNode: FactoryFunctionMap[string];
  export const createObjectNode: FactoryFunctionMap[string];
  export const createOperatorNode: FactoryFunctionMap[string];
  export const createParenthesisNode: FactoryFunctionMap[string];
  export const createRangeNode: FactoryFunctionMap[string];
  export const createRelationalNode: FactoryFunctionMap[string];
  export const createSymbolNode: FactoryFunctionMap[string];
  export const createParse: FactoryFunctionMap[string];
}

export { create, factory } from 'mathjs';

export const parserFactories = {
  createTyped,
  createBigNumberClass,
  createNumber,
  createBignumber,
  createNumeric,
  createNode,
  createResultSet,
  createAccessorNode,
  createArrayNode,
  createAssignmentNode,
  createBlockNode,
  createConditionalNode,
  createConstantNode,
  createFunctionAssignmentNode,
  createFunctionNode,
  createIndexNode,
  createObjectNode,
  createOperatorNode,
  createParenthesisNode,
  createRangeNode,
  createRelationalNode,
  createSymbolNode,
  createParse,
} satisfies ParserFactories;
