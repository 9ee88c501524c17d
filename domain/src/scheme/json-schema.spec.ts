import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemeJsonSchemaText } from './json-schema.js';

const FILE = fileURLToPath(new URL('../../scheme.schema.json', import.meta.url));

describe('published JSON Schema (domain/scheme.schema.json)', () => {
  it('is up to date with the zod schemas (regenerate: UPDATE_SCHEME_SCHEMA=1 npx vitest run --project domain json-schema)', () => {
    const expected = schemeJsonSchemaText();
    if (process.env.UPDATE_SCHEME_SCHEMA === '1') writeFileSync(FILE, expected);
    expect(readFileSync(FILE, 'utf8')).toBe(expected);
  });

  it('describes the document root', () => {
    const schema = JSON.parse(schemeJsonSchemaText()) as { title?: string; required?: string[] };
    expect(schema.title).toBe('Appraisal scheme');
    expect(schema.required).toEqual(expect.arrayContaining(['formatVersion', 'sections', 'rounding', 'pay']));
  });
});
