import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as schema from './schema.js';

// The console edits scheme documents with the engine's own types (DESIGN.md: "the console imports the engine's
// types from domain/ instead of re-declaring them"). This guards that no hand-written copy creeps back in.
const ADMIN = fileURLToPath(new URL('../../../admin/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

// Every type the scheme module exports (SchemeDefinition, SchemeSection, PayComponent, ...) and the pay rule types.
const DOMAIN_TYPES = ['SchemeDefinition', 'SchemeSection', 'SchemeItem', 'ScoringMethod', 'AdjustmentRule', 'GradeBand', 'GradeRule', 'Quota', 'DistributionRule', 'Rollup', 'PayComponent', 'RaterRole', 'MissingRaterPolicy', 'LocalText', 'CompletionLevel', 'GroupInput', 'PayRule', 'PayBand', 'PayRounding', 'AppraisalInput', 'ItemInput'];

describe('the console uses the engine\'s scheme types', () => {
  it('imports them type-only from @appraisal/domain and declares none of them itself', () => {
    const document = readFileSync(join(ADMIN, 'src/schemes/document.ts'), 'utf8');
    expect(document).toMatch(/import type \{[^}]*SchemeDefinition[^}]*\} from '@appraisal\/domain';/);
    for (const file of files(join(ADMIN, 'src/schemes'))) {
      const text = readFileSync(file, 'utf8');
      for (const name of DOMAIN_TYPES) {
        expect(text, `${file} declares ${name}`).not.toMatch(new RegExp(`(interface|type)\\s+${name}\\b\\s*(=\\s*[{|'(]|\\{|<)`));
      }
    }
    // The scheme module really exports what the console names (a renamed schema would leave it stale).
    expect(Object.keys(schema)).toEqual(expect.arrayContaining(['schemeDefinitionSchema', 'payComponentSchema', 'completionLevelSchema', 'groupInputSchema']));
  });

  it('resolves @appraisal/domain from its TypeScript sources in the console build and typecheck', () => {
    const pkg = JSON.parse(readFileSync(join(ADMIN, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@appraisal/domain']).toBe('workspace:*');
    expect(readFileSync(join(ADMIN, 'tsconfig.json'), 'utf8')).toMatch(/"customConditions": \["source"\]/);
    expect(readFileSync(join(ADMIN, 'vite.config.ts'), 'utf8')).toMatch(/conditions: \['source'/);
  });
});
