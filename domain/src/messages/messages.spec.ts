import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { seedPrograms } from '../programs/index.js';
import { validateScheme, type SchemeDefinition } from '../scheme/index.js';
import { checkPayRule } from '../pay/index.js';
import { validateFormula } from '../formula/index.js';
import { issueMessages, issueTerms, type IssueCode } from './catalog.js';
import { describeIssue } from './describe.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'programs' || name === '__fixtures__' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !path.includes(`${join('src', 'messages')}`) ? [path] : [];
  });
}

// snake_case literals of the domain that are not issue codes: workflow actions and states, data values, zod's own codes.
const NOT_CODES = new Set([
  'production_frontline',
  'invalid_union',
  'approved_by_committee',
  'close_vote',
  'resolve_appeal',
  'resolved_rejected',
  'resolved_upheld',
  'return_to_draft',
  'return_to_rating',
  'self_review',
  'skip_self_review',
  'start_calibration',
  'start_investigation',
  'start_rating',
  'start_self_review',
  'submit_for_review',
  'submit_self_review',
  'ratings_pending',
  'not_eligible',
  'reason_required',
  'custom',
  'hr_review',
  'return_to_calibration',
  'start_hr_review',
  'refuse_acknowledgement',
  'awaiting_decision',
  'result_ready',
  // an accounting-month convention code of the work calendar, and the placeholder of a doc example
  'workshop',
  'x',
]);
// zod's own codes appear bare where their parameters are read; they are reported with a prefix (below).
const ZOD_BARE = ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value', 'unrecognized_keys', 'not_multiple_of', 'invalid_key', 'invalid_element'];

/**
 * Every code the domain can emit, read from its sources: each snake_case literal (codes are snake_case),
 * each `code: '…'` literal, and the code argument of the field-rule helper. Over-inclusive on purpose: a
 * literal that is not a code must be listed in NOT_CODES, so a new code can never slip past untranslated.
 */
function emittedCodes(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'([a-z][a-z0-9]*(?:_[a-z0-9]+)+)'/g)) found.add(m[1] ?? '');
    for (const m of text.matchAll(/\bcode: '([a-z][a-z0-9_]*)'/g)) found.add(m[1] ?? '');
    for (const m of text.matchAll(/\bissue\('\w+', '([a-z][a-z0-9_]*)'/g)) found.add(m[1] ?? '');
    for (const m of text.matchAll(/\b(?:cycleIssue|reason)\(\s*'([a-z][a-z0-9_]*)'/g)) found.add(m[1] ?? '');
  }
  for (const code of [...NOT_CODES, ...ZOD_BARE]) found.delete(code);
  return found;
}

// zod's issue codes, each reported as scheme_<code> by validateScheme and schema_<code> by the other validators.
type ZodCode = z.core.$ZodIssue['code'];
const ZOD_CODES: readonly ZodCode[] = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
];
// Compile-time: the list above is every zod code, and each has a catalog entry under both prefixes.
type Uncovered = Exclude<`scheme_${ZodCode}` | `schema_${ZodCode}`, IssueCode>;
const everyZodCodeCovered: [Uncovered] extends [never] ? true : false = true;
const zodListComplete: [Exclude<ZodCode, (typeof ZOD_CODES)[number]>] extends [never] ? true : false = true;

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[0]).sort();

describe('the issue message catalog', () => {
  it('has an English and a Chinese message for every code the domain emits', () => {
    expect(everyZodCodeCovered && zodListComplete).toBe(true);
    const catalog = issueMessages as Readonly<Record<string, { en: string; zh: string }>>;
    const codes = [...emittedCodes(), ...ZOD_CODES.flatMap((c) => [`scheme_${c}`, `schema_${c}`])];
    expect(codes.length).toBeGreaterThan(150);
    const missing = codes.filter((code) => !catalog[code]?.en || !/[\u4e00-\u9fff]/.test(catalog[code]?.zh ?? ''));
    expect(missing).toEqual([]);
  });

  it('says the same thing in both languages: the same placeholders, no leftover English in Chinese', () => {
    for (const [key, message] of Object.entries(issueMessages)) {
      expect(placeholders(message.zh), key).toEqual(placeholders(message.en));
      expect(message.en, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
    for (const [key, term] of Object.entries(issueTerms)) expect(term.zh.length, key).toBeGreaterThan(0);
  });

  it('interpolates parameters, names from the scheme, roles, terms and character positions', () => {
    const cafeteria = seedPrograms.cafeteria;
    expect(describeIssue({ code: 'item_out_of_range', params: { item: 'hygiene', value: '40', min: '0', max: '25' } }, 'en', cafeteria)).toBe(
      '40 is outside the range of "Hygiene and food safety" (0 to 25).',
    );
    expect(describeIssue({ code: 'item_out_of_range', params: { item: 'hygiene', value: '40', min: '0', max: '25' } }, 'zh', cafeteria)).toBe(
      '40 超出“卫生与食品安全”的分值范围（0 至 25）。',
    );
    expect(describeIssue({ code: 'rater_missing', params: { section: 'scale', role: 'HR' } }, 'zh', seedPrograms.headquarters)).toBe('缺少人力资源部的评分，无法计算“量表评定”。');
    expect(describeIssue({ code: 'formula_unknown_variable', params: { name: 'mnth2', position: 10, known: 'month1, month2' } }, 'en')).toBe(
      'Unknown name "mnth2" at character 11; the formula can use: month1, month2.',
    );
    expect(describeIssue({ code: 'pay_fact_missing', params: { fact: 'pool' } }, 'zh')).toBe('请填写奖金池。');
  });

  it('falls back to the general message when a variant lacks a parameter, then to the engine message', () => {
    expect(describeIssue({ code: 'band_gap', params: { variant: 'between' } }, 'en')).toBe('Some scores fall in no grade band.');
    expect(describeIssue({ code: 'no_such_code', message: 'engine words' }, 'zh')).toBe('engine words');
    expect(describeIssue({ code: 'no_such_code' }, 'en')).toBe('no_such_code');
  });
});

describe('every issue of broken documents reads as a full sentence in both languages', () => {
  const clone = (s: SchemeDefinition): SchemeDefinition => JSON.parse(JSON.stringify(s)) as SchemeDefinition;
  const broken: Array<[string, unknown]> = [];
  const nursing = clone(seedPrograms.nursing);
  nursing.sections[0]!.weight = '20';
  nursing.sections[0]!.raters.push({ role: 'PEER', weight: '-5' });
  nursing.sections[1]!.items[0]!.id = 'workCompletion';
  nursing.sections[1]!.items[1]!.passMark = '500';
  nursing.grades!.bands[1]!.max = '89';
  nursing.grades!.bands[3]!.minInclusive = false;
  nursing.grades!.rules.push({ kind: 'failedItemCap', items: ['ghost'], capGrade: 'bronze' });
  nursing.distribution!.quotas[0]!.percent = '130';
  nursing.adjustments.rules.push({ id: 'late', name: { en: 'Late', zh: '迟到' }, direction: 'penalty', unit: 'hours', amount: { kind: 'range', min: '5', max: '1' }, perRuleCap: '-1' });
  nursing.adjustments.caps.maxBonus = '-3';
  delete nursing.total.cap;
  broken.push(['nursing', nursing]);
  const hq = clone(seedPrograms.headquarters);
  hq.rollups[0]!.formula = '(month1 + mnth2) * 20% + quarter * 60% +';
  hq.finalFormula = { expression: 'self * 20% + scale 80%', inputs: ['x', 'x'] };
  hq.sections[1]!.items[0]!.method = { kind: 'rubric', levels: [{ code: 'a', label: { en: 'A', zh: 'A' }, points: '120' }] };
  hq.pay.push({ id: 'out', name: { en: 'Out', zh: '产值' }, rule: { kind: 'scorePercentOfBase', bands: [{ min: '80', max: '100', minInclusive: true, maxInclusive: true, percent: '100' }, { min: '70', max: '79', minInclusive: true, maxInclusive: true, percent: '80' }], rounding: { places: 2, mode: 'halfUp' } }, groups: [{ id: 'a', name: { en: 'A', zh: 'A' }, sharePercent: '50' }] });
  broken.push(['headquarters', hq]);
  const shape = clone(seedPrograms.cafeteria) as unknown as Record<string, unknown>;
  shape.formatVersion = 2;
  (shape.sections as Record<string, unknown>[])[0]!.weight = 30;
  (shape.sections as Record<string, unknown>[])[0]!.id = '1st';
  shape.bogus = true;
  delete (shape.name as Record<string, unknown>).zh;
  broken.push(['shape', shape]);

  it.each(broken)('%s', (_name, doc) => {
    const r = validateScheme(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.length).toBeGreaterThan(3);
    for (const issue of r.issues) {
      for (const lang of ['en', 'zh'] as const) {
        const text = describeIssue(issue, lang, doc as SchemeDefinition);
        expect(text, `${issue.code} ${JSON.stringify(issue.params)}`).not.toBe(issue.message);
        expect(text).not.toMatch(/[{}]|undefined|\b[a-z]+_[a-z_]+\b/);
        if (lang === 'zh') expect(text).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('pay rule and formula issues too', () => {
    const pay = checkPayRule({ kind: 'scorePercentOfBase', bands: [{ min: '50', max: '50', minInclusive: true, maxInclusive: false, percent: '-1' }, { min: '60', max: '70', minInclusive: true, maxInclusive: false, percent: '1' }], rounding: { places: 2, mode: 'halfUp' } });
    const formulas = ['', 'a b', 'foo(1)', 'a ^ 2', 'if(1, 2)', 'round(a, x)', '"text"', 'a + unknownName'].flatMap((f) => {
      const r = validateFormula(f, ['a']);
      return r.ok ? [] : r.issues;
    });
    const issues = [...(pay.ok ? [] : pay.issues), ...formulas];
    expect(new Set(issues.map((i) => i.code)).size).toBeGreaterThan(7);
    for (const issue of issues) {
      for (const lang of ['en', 'zh'] as const) {
        const text = describeIssue(issue, lang);
        expect(text, `${issue.code} ${JSON.stringify(issue.params)}`).not.toBe(issue.message);
        expect(text).not.toMatch(/[{}]|undefined/);
      }
    }
  });
});
