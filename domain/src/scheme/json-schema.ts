import { z } from 'zod';
import { schemeDefinitionSchema } from './schema.js';

/**
 * The published JSON Schema of the scheme document (draft 2020-12), generated from the zod schemas.
 * Example: schemeJsonSchema().title -> 'Appraisal scheme'
 */
export function schemeJsonSchema(): Record<string, unknown> {
  // io 'input' documents what a client may send; cross-field rules (weights summing to 100, bands
  // without gaps) are not expressible here and are enforced by validateScheme.
  return z.toJSONSchema(schemeDefinitionSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}

/**
 * The JSON Schema as the text stored in domain/scheme.schema.json (2-space indent, trailing newline).
 * Example: schemeJsonSchemaText().startsWith('{') -> true
 */
export function schemeJsonSchemaText(): string {
  return `${JSON.stringify(schemeJsonSchema(), null, 2)}\n`;
}
