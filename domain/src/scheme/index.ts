// The scheme document: zod schemas, inferred types, the validator and the published JSON Schema.
export * from './schema.js';
export { validateScheme, sectionFullMarks, FINAL_FORMULA_BUILTINS, ITEM_FORMULA_BUILTINS } from './validate.js';
export { schemeJsonSchema, schemeJsonSchemaText } from './json-schema.js';
export { CYCLE_PHASES, schemeCycleKinds, type SchemeCycleKind } from './cycle-kinds.js';
