import type { Checked, DomainIssue } from '../issues.js';
import { compileScheme, scoreAppraisal, scoreItem, applyAdjustments, type CompiledScheme, type ItemInput } from '../scoring/index.js';
import { plain } from '../formula/index.js';
import { sectionFullMarks, type AdjustmentRule, type LocalText, type RaterRole, type SchemeDefinition, type SchemeSection } from '../scheme/index.js';
import { cycleIssue, fail } from './issue.js';

/** Longest overall comment of a rating, in characters. */
export const RATING_COMMENT_MAX = 2000;
/** Longest comment on one item. */
export const ITEM_COMMENT_MAX = 500;
/** Longest part of a self-review (achievements, problems, plans). */
export const SELF_REVIEW_TEXT_MAX = 4000;
/** Longest note on a plus/minus entry. */
export const ADJUSTMENT_NOTE_MAX = 500;

/** What the console renders for an item: the method's inputs with their bounds, as the scheme states them. */
export type FormInput =
  | { kind: 'range'; min: string; max: string }
  | { kind: 'rubric'; levels: { code: string; label: LocalText; points: string }[] }
  | { kind: 'deduction'; startsAt: string; floor: string; rules: { id: string; name: LocalText; points: string }[] }
  | { kind: 'formula'; inputs: string[]; expression: string }
  | { kind: 'passFail'; passPoints: string; failPoints: string };

/** One item of a rating form. */
export interface FormItem {
  id: string;
  indicatorCode: string;
  name: LocalText;
  maxPoints: string;
  weight?: string;
  passMark?: string;
  input: FormInput;
}

/** The form one rater fills for one section, generated from the scheme version. */
export interface RatingForm {
  section: { id: string; name: LocalText; itemWeighting: SchemeSection['itemWeighting']; fullMarks: string; weight?: string };
  role: RaterRole;
  items: FormItem[];
  commentMaxLength: number;
  itemCommentMaxLength: number;
}

function formInput(item: SchemeSection['items'][number]): FormInput {
  const m = item.method;
  switch (m.kind) {
    case 'range':
      return { kind: 'range', min: m.min, max: m.max };
    case 'rubric':
      return { kind: 'rubric', levels: m.levels.map((l) => ({ code: l.code, label: l.label, points: l.points })) };
    case 'deduction':
      return { kind: 'deduction', startsAt: item.maxPoints, floor: m.floor, rules: m.rules.map((r) => ({ id: r.id, name: r.name, points: r.points })) };
    case 'formula':
      return { kind: 'formula', inputs: [...m.inputs], expression: m.expression };
    case 'passFail':
      return { kind: 'passFail', passPoints: m.passPoints, failPoints: m.failPoints };
  }
}

/**
 * The form of one section for one rater role: items with their method, bounds, rubric levels, deduction rules,
 * formula inputs and pass/fail points, plus comment limits. Refuses a section or role the scheme does not have.
 * Example: ratingForm(seedPrograms.cafeteria, 'monthly', 'DIRECT_SUPERVISOR').value.items[0].input -> { kind: 'range', min: '0', max: '25' }
 */
export function ratingForm(scheme: SchemeDefinition, sectionId: string, role: RaterRole): Checked<RatingForm> {
  const s = scheme.sections.find((x) => x.id === sectionId);
  if (!s) return fail(cycleIssue('unknown_section', `unknown section "${sectionId}"`, { section: sectionId }, ['section']));
  if (!s.raters.some((r) => r.role === role)) return fail(cycleIssue('rater_not_in_section', `section "${sectionId}" is not rated by ${role}`, { section: sectionId, role }, ['role']));
  return {
    ok: true,
    value: {
      section: { id: s.id, name: s.name, itemWeighting: s.itemWeighting, fullMarks: plain(sectionFullMarks(s)), ...(s.weight === undefined ? {} : { weight: s.weight }) },
      role,
      items: s.items.map((i) => ({
        id: i.id,
        indicatorCode: i.indicatorCode,
        name: i.name,
        maxPoints: i.maxPoints,
        ...(i.weight === undefined ? {} : { weight: i.weight }),
        ...(i.passMark === undefined ? {} : { passMark: i.passMark }),
        input: formInput(i),
      })),
      commentMaxLength: RATING_COMMENT_MAX,
      itemCommentMaxLength: ITEM_COMMENT_MAX,
    },
  };
}

/** The plus/minus catalog as a form: each rule with direction, unit, fixed amount or range, and caps. */
export interface AdjustmentForm {
  rules: AdjustmentRule[];
  caps: SchemeDefinition['adjustments']['caps'];
  hourRate?: string;
  noteMaxLength: number;
}

/** The scheme's plus/minus rules for the entry form. Example: adjustmentForm(seedPrograms.workshop).rules.find((r) => r.id === 'rationalisation').amount -> { kind: 'range', min: '10', max: '500' } */
export function adjustmentForm(scheme: SchemeDefinition): AdjustmentForm {
  const a = scheme.adjustments;
  return { rules: a.rules, caps: a.caps, ...(a.hourRate === undefined ? {} : { hourRate: a.hourRate }), noteMaxLength: ADJUSTMENT_NOTE_MAX };
}

/** The self-review of Part 5: achievements, problems and next-period plans as text, plus the SELF sections' forms. */
export interface SelfReviewForm {
  textFields: ReadonlyArray<{ field: SelfReviewField; maxLength: number }>;
  scored: RatingForm[];
}

/** The text parts of a self-review. */
export type SelfReviewField = 'achievements' | 'problems' | 'plans';

/** Self-review text as the employee writes it. */
export type SelfReviewText = Partial<Record<SelfReviewField, string>>;

const SELF_FIELDS: readonly SelfReviewField[] = ['achievements', 'problems', 'plans'];

/** The self-review form: three text parts and a form per section the scheme has rated by SELF. Example: selfReviewForm(seedPrograms.headquarters).scored[0].section.id -> 'self' */
export function selfReviewForm(scheme: SchemeDefinition): SelfReviewForm {
  const scored: RatingForm[] = [];
  for (const s of scheme.sections) {
    if (!s.raters.some((r) => r.role === 'SELF')) continue;
    const f = ratingForm(scheme, s.id, 'SELF');
    if (f.ok) scored.push(f.value);
  }
  return { textFields: SELF_FIELDS.map((field) => ({ field, maxLength: SELF_REVIEW_TEXT_MAX })), scored };
}

/**
 * Checks self-review text: each part within its length; on submit all three parts written.
 * Example: validateSelfReview({ achievements: 'x' }, 'submit').map((i) => i.code) -> ['self_review_text_required', 'self_review_text_required']
 */
export function validateSelfReview(text: SelfReviewText, mode: 'draft' | 'submit'): DomainIssue[] {
  const issues: DomainIssue[] = [];
  for (const field of SELF_FIELDS) {
    const v = text[field];
    if (v !== undefined && v.length > SELF_REVIEW_TEXT_MAX) {
      issues.push(cycleIssue('text_too_long', `${field} is ${v.length} characters; at most ${SELF_REVIEW_TEXT_MAX}`, { field, max: SELF_REVIEW_TEXT_MAX, length: v.length }, [field]));
    }
    if (mode === 'submit' && (v === undefined || v.trim() === '')) issues.push(cycleIssue('self_review_text_required', `the self-review needs ${field}`, { field }, [field]));
  }
  return issues;
}

/** One rater's form contents: item inputs, an overall comment and comments per item. */
export interface RatingDraft {
  section: string;
  role: RaterRole;
  items: Readonly<Record<string, ItemInput>>;
  comment?: string;
  itemComments?: Readonly<Record<string, string>>;
}

const compiledCache = new WeakMap<SchemeDefinition, CompiledScheme>();

/** The scheme compiled once per document object (bulk validation never recompiles). Example: compiledFor(seedPrograms.nursing).sections.length -> 3 */
export function compiledFor(scheme: SchemeDefinition): CompiledScheme {
  let c = compiledCache.get(scheme);
  if (!c) {
    const r = compileScheme(scheme);
    // A pinned scheme version passed validateScheme when it was published; failing here is a programming error.
    if (!r.ok) throw new RangeError(`scheme ${scheme.code} does not validate: ${r.issues.map((i) => i.code).join(', ')}`);
    c = r.value;
    compiledCache.set(scheme, c);
  }
  return c;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function shapeIssues(item: string, input: ItemInput, path: ReadonlyArray<string | number>): DomainIssue[] {
  const out: DomainIssue[] = [];
  if (input.points !== undefined && !DECIMAL.test(input.points)) out.push(cycleIssue('item_not_a_number', `item "${item}": "${input.points}" is not a number`, { item, value: input.points }, [...path, 'points']));
  for (const [name, v] of Object.entries(input.values ?? {})) {
    if (!DECIMAL.test(v)) out.push(cycleIssue('item_not_a_number', `item "${item}": ${name} "${v}" is not a number`, { item, name, value: v }, [...path, 'values', name]));
  }
  return out;
}

function isEmpty(input: ItemInput | undefined): boolean {
  return input === undefined || (input.points === undefined && input.level === undefined && input.occurrences === undefined && input.values === undefined && input.passed === undefined);
}

/**
 * Checks a rating as saved (draft: what is filled must be valid) or submitted (every item required): section and
 * role of the scheme, values in range naming the range (item_out_of_range with min and max), known rubric levels
 * and deduction rules, whole occurrence counts, formula inputs present and numeric, no unknown items, comment lengths.
 * Example: validateRating(seedPrograms.cafeteria, { section: 'monthly', role: 'DIRECT_SUPERVISOR', items: { hygiene: { points: '26' } } }, 'draft') -> [{ code: 'item_out_of_range', params: { item: 'hygiene', min: '0', max: '25' } }]
 */
export function validateRating(scheme: SchemeDefinition, draft: RatingDraft, mode: 'draft' | 'submit'): DomainIssue[] {
  const c = compiledFor(scheme);
  const s = c.sectionById.get(draft.section);
  if (!s) return [cycleIssue('unknown_section', `unknown section "${draft.section}"`, { section: draft.section }, ['section'])];
  if (!s.raterRoles.has(draft.role)) return [cycleIssue('rater_not_in_section', `section "${draft.section}" is not rated by ${draft.role}`, { section: draft.section, role: draft.role }, ['role'])];
  const issues: DomainIssue[] = [];
  for (const it of s.items) {
    const id = it.item.id;
    const input = draft.items[id];
    const path = ['items', id];
    if (mode === 'draft' && isEmpty(input)) continue;
    const shape = input ? shapeIssues(id, input, path) : [];
    if (shape.length) {
      issues.push(...shape);
      continue;
    }
    const r = scoreItem(it, input, path);
    // A draft may leave parts of an item open (a formula's second input): only a wrong value is an error then.
    if (!r.ok && !(mode === 'draft' && r.issue.code === 'item_unrated')) issues.push(r.issue);
  }
  for (const key of Object.keys(draft.items)) {
    if (!s.itemIds.has(key)) issues.push(cycleIssue('unknown_item', `section "${draft.section}" has no item "${key}"`, { section: draft.section, item: key }, ['items', key]));
  }
  if (draft.comment !== undefined && draft.comment.length > RATING_COMMENT_MAX) {
    issues.push(cycleIssue('comment_too_long', `the comment is ${draft.comment.length} characters; at most ${RATING_COMMENT_MAX}`, { max: RATING_COMMENT_MAX, length: draft.comment.length }, ['comment']));
  }
  for (const [key, text] of Object.entries(draft.itemComments ?? {})) {
    if (!s.itemIds.has(key)) issues.push(cycleIssue('unknown_item', `section "${draft.section}" has no item "${key}"`, { section: draft.section, item: key }, ['itemComments', key]));
    else if (text.length > ITEM_COMMENT_MAX) {
      issues.push(cycleIssue('comment_too_long', `the comment on "${key}" is ${text.length} characters; at most ${ITEM_COMMENT_MAX}`, { item: key, max: ITEM_COMMENT_MAX, length: text.length }, ['itemComments', key]));
    }
  }
  return issues;
}

/** A live preview of a rating while the rater types: points per item filled so far, and the section score once complete. */
export interface RatingPreview {
  items: Record<string, { points: string; failed: boolean }>;
  missing: string[];
  /** This rater's section score (normalised as the scheme says), present when every item is filled and valid. */
  sectionScore?: string;
  issues: DomainIssue[];
}

const previewSchemes = new WeakMap<SchemeDefinition, Map<string, SchemeDefinition>>();

/** A one-section scheme scoring a single rater, so the preview uses the engine's own section arithmetic and rounding. */
function previewScheme(scheme: SchemeDefinition, section: SchemeSection, role: RaterRole): SchemeDefinition {
  let byKey = previewSchemes.get(scheme);
  if (!byKey) {
    byKey = new Map();
    previewSchemes.set(scheme, byKey);
  }
  const key = `${section.id}/${role}`;
  let doc = byKey.get(key);
  if (!doc) {
    doc = {
      formatVersion: scheme.formatVersion,
      code: scheme.code,
      name: scheme.name,
      period: scheme.period,
      notes: [],
      sectionWeighting: 'weighted',
      sections: [{ ...section, weight: '100', raters: [{ role, weight: '100' }], missingRater: { policy: 'fail' } }],
      adjustments: { rules: [], caps: {} },
      total: {},
      rounding: { ...scheme.rounding, applyAt: scheme.rounding.applyAt.filter((a) => a === 'item' || a === 'rater' || a === 'section') },
      rollups: [],
      pay: [],
    };
    byKey.set(key, doc);
  }
  return doc;
}

/**
 * Scores a rating as the rater types, with the engine: each filled item's points, what is still missing, and the
 * rater's section score when the form is complete.
 * Example: previewRating(seedPrograms.cafeteria, { section: 'monthly', role: 'DIRECT_SUPERVISOR', items: { hygiene: { points: '22' } } }) -> { items: { hygiene: { points: '22', failed: false } }, missing: ['foodQuality', 'service', 'discipline', 'safety'], issues: [] }
 */
export function previewRating(scheme: SchemeDefinition, draft: RatingDraft): RatingPreview {
  const issues = validateRating(scheme, draft, 'draft');
  const c = compiledFor(scheme);
  const s = c.sectionById.get(draft.section);
  const out: RatingPreview = { items: {}, missing: [], issues };
  if (!s || issues.some((i) => i.code === 'unknown_section' || i.code === 'rater_not_in_section')) return out;
  for (const it of s.items) {
    const input = draft.items[it.item.id];
    const r = isEmpty(input) ? undefined : scoreItem(it, input, []);
    if (r?.ok) out.items[it.item.id] = { points: plain(r.points), failed: r.failed };
    else out.missing.push(it.item.id);
  }
  if (out.missing.length === 0 && issues.length === 0) {
    const scored = scoreAppraisal(previewScheme(scheme, s.section, draft.role), { employeeId: 'preview', ratings: [{ section: draft.section, role: draft.role, items: draft.items }] }, { trace: false });
    if (scored.ok) {
      const score = scored.value.sections[0]?.score;
      if (score !== undefined) out.sectionScore = score;
    }
  }
  return out;
}

/** One plus/minus entry on an appraisal, as the supervisor or HR records it. */
export interface AdjustmentEntry {
  rule: string;
  count?: number;
  amount?: string;
  note?: string;
}

/**
 * Checks one plus/minus entry against the scheme's catalog with the engine's own rules: a known rule, a whole
 * count, an amount inside the rule's range (adjustment_out_of_range names min and max), a note within its length.
 * Example: validateAdjustmentEntry(seedPrograms.workshop, { rule: 'rationalisation', amount: '600' }) -> [{ code: 'adjustment_out_of_range', params: { rule: 'rationalisation', min: '10', max: '500' } }]
 */
export function validateAdjustmentEntry(scheme: SchemeDefinition, entry: AdjustmentEntry): DomainIssue[] {
  const issues: DomainIssue[] = [];
  if (entry.amount !== undefined && !DECIMAL.test(entry.amount)) {
    issues.push(cycleIssue('adjustment_not_a_number', `"${entry.amount}" is not a number`, { rule: entry.rule, value: entry.amount }, ['amount']));
  } else {
    const found: DomainIssue[] = [];
    applyAdjustments(compiledFor(scheme), [{ rule: entry.rule, ...(entry.count === undefined ? {} : { count: entry.count }), ...(entry.amount === undefined ? {} : { amount: entry.amount }) }], found, null);
    // The engine reports paths inside an appraisal's list; an entry stands alone here.
    issues.push(...found.map((i) => ({ ...i, path: i.path.slice(2) })));
  }
  if (entry.note !== undefined && entry.note.length > ADJUSTMENT_NOTE_MAX) {
    issues.push(cycleIssue('comment_too_long', `the note is ${entry.note.length} characters; at most ${ADJUSTMENT_NOTE_MAX}`, { max: ADJUSTMENT_NOTE_MAX, length: entry.note.length }, ['note']));
  }
  return issues;
}
