// The mathjs factories the formula parser is built from, for Node. `import … from 'mathjs'` evaluates
// mathjs's main entry, which builds its full default instance (hundreds of typed functions: ~27 MB of
// heap and ~50 MB of RSS in every API process) although the parser needs a few node classes. mathjs's
// `exports` map offers no factory-only entry, so the CommonJS factory index and `create` are loaded by
// file path next to the package's resolved main file (exports do not apply to absolute paths).
// The browser build resolves `#mathjs-factories` to mathjs-factories.ts, where tree-shaking does the same.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FactoryFunctionMap, create as createInstance, factory as createFactory } from 'mathjs';

const require = createRequire(import.meta.url);
const lib = path.dirname(require.resolve('mathjs'));
const factories = require(path.join(lib, 'factoriesAny.js')) as FactoryFunctionMap;
const core = require(path.join(lib, 'core', 'create.js')) as { create: typeof createInstance };
const utils = require(path.join(lib, 'utils', 'factory.js')) as { factory: typeof createFactory };

function take(name: string): FactoryFunctionMap[string] {
  const found = factories[name];
  if (!found) throw new Error(`mathjs ${name} was not found in ${lib}/factoriesAny.js`);
  return found;
}

export const create = core.create;
export const factory = utils.factory;
export const createTyped = take('createTyped');
export const createBigNumberClass = take('createBigNumberClass');
export const createNumber = take('createNumber');
export const createBignumber = take('createBignumber');
export const createNumeric = take('createNumeric');
export const createNode = take('createNode');
export const createResultSet = take('createResultSet');
export const createAccessorNode = take('createAccessorNode');
export const createArrayNode = take('createArrayNode');
export const createAssignmentNode = take('createAssignmentNode');
export const createBlockNode = take('createBlockNode');
export const createConditionalNode = take('createConditionalNode');
export const createConstantNode = take('createConstantNode');
export const createFunctionAssignmentNode = take('createFunctionAssignmentNode');
export const createFunctionNode = take('createFunctionNode');
export const createIndexNode = take('createIndexNode');
export const createObjectNode = take('createObjectNode');
export const createOperatorNode = take('createOperatorNode');
export const createParenthesisNode = take('createParenthesisNode');
export const createRangeNode = take('createRangeNode');
export const createRelationalNode = take('createRelationalNode');
export const createSymbolNode = take('createSymbolNode');
export const createParse = take('createParse');
