// The one list of mathjs factories the formula parser is built from (parse.ts). Node loads exactly these
// (mathjs-factories.node.ts); the bundler build's object is checked against this list by the compiler
// (mathjs-factories.ts), so the two cannot drift apart.
import type { FactoryFunctionMap } from 'mathjs';

export const PARSER_FACTORY_NAMES = [
  'createTyped',
  'createBigNumberClass',
  'createNumber',
  'createBignumber',
  'createNumeric',
  'createNode',
  'createResultSet',
  'createAccessorNode',
  'createArrayNode',
  'createAssignmentNode',
  'createBlockNode',
  'createConditionalNode',
  'createConstantNode',
  'createFunctionAssignmentNode',
  'createFunctionNode',
  'createIndexNode',
  'createObjectNode',
  'createOperatorNode',
  'createParenthesisNode',
  'createRangeNode',
  'createRelationalNode',
  'createSymbolNode',
  'createParse',
] as const;

export type ParserFactoryName = (typeof PARSER_FACTORY_NAMES)[number];

/** The parser's factories by name: all of PARSER_FACTORY_NAMES and nothing else. */
export type ParserFactories = Record<ParserFactoryName, FactoryFunctionMap[string]>;
