// The mathjs factories the formula parser is built from, for Node. `import … from 'mathjs'` evaluates
// mathjs's main entry, which builds its full default instance (hundreds of typed functions: ~27 MB of
// heap and ~50 MB of RSS in every API process) although the parser needs a few node classes. mathjs's
// `exports` map offers no factory-only entry, so the CommonJS factory index and `create` are loaded by
// file path next to the package's resolved main file (exports do not apply to absolute paths).
// The browser build resolves `#mathjs-factories` to mathjs-factories.ts, where tree-shaking does the same.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FactoryFunctionMap, create as createInstance, factory as createFactory } from 'mathjs';
import { PARSER_FACTORY_NAMES, type ParserFactories } from './mathjs-factory-names.js';

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
/** The factories of PARSER_FACTORY_NAMES, each loaded from mathjs's factory index. */
export const parserFactories = Object.fromEntries(PARSER_FACTORY_NAMES.map((name) => [name, take(name)])) as ParserFactories;
