import type { AdjustmentInput, AppraisalInput, ItemInput } from '@appraisal/domain';
import type { PreviewInput, PreviewMember, PreviewPayFacts, PreviewTicket } from '../../dataProvider';
import type { PayComponent, RaterRole, SchemeDocument, SchemeItem } from '../document';

/** What HR typed for one item of one rater's form in the preview (all as text, like the inputs). */
export interface SampleValue {
  points?: string;
  level?: string;
  occurrences?: Record<string, string>;
  values?: Record<string, string>;
  passed?: boolean;
}

/** Pay facts of one person as typed (text), for the sample and each group member. */
export interface SampleFacts {
  payBase: string;
  payGroup: string;
  manHours: string;
  tickets: PreviewTicket[];
}

/** Another person of the sample group: a sample score and their pay facts. */
export interface SampleMember extends SampleFacts {
  id: string;
  name: string;
  total: string;
}

export interface Samples extends SampleFacts {
  items: Record<string, SampleValue>;
  adjustments: Record<string, string>;
  facts: Record<string, string>;
  participated: boolean;
  pool: string;
  outputValue: string;
  outputInputs: Record<string, string>;
  /** The people priced with the sample, so group-dependent pay and quotas preview as in a cycle. */
  group: { enabled: boolean; members: SampleMember[] };
}

export const emptyFacts = (): SampleFacts => ({ payBase: '', payGroup: '', manHours: '', tickets: [] });

export const emptySamples = (): Samples => ({
  items: {},
  adjustments: {},
  facts: {},
  participated: true,
  ...emptyFacts(),
  pool: '',
  outputValue: '',
  outputInputs: {},
  group: { enabled: false, members: [] },
});

/** The id the sample appraisal has in the preview (never shown: pay issues about it read plainly). */
export const SAMPLE_ID = 'preview';

export const sampleKey = (section: string, role: RaterRole, item: string): string => `${section}|${role}|${item}`;

/** Full marks for every item until HR types something else, so the preview computes at once. */
export const defaultSample = (item: SchemeItem): SampleValue => {
  const m = item.method;
  switch (m.kind) {
    case 'range':
      return { points: item.maxPoints };
    case 'rubric':
      return { level: m.levels[0]?.code ?? '' };
    case 'deduction':
      return { occurrences: Object.fromEntries(m.rules.map((r) => [r.id, '0'])) };
    case 'formula':
      return { values: Object.fromEntries(m.inputs.map((i) => [i, '0'])) };
    case 'passFail':
      return { passed: true };
  }
};

const count = (text: string | undefined): number => {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

const itemInput = (item: SchemeItem, sample: SampleValue): ItemInput => {
  const m = item.method;
  switch (m.kind) {
    case 'range':
      return { points: (sample.points ?? '').trim() || '0' };
    case 'rubric':
      return { level: sample.level ?? '' };
    case 'deduction':
      return { occurrences: Object.fromEntries(m.rules.map((r) => [r.id, count(sample.occurrences?.[r.id])])) };
    case 'formula':
      return { values: Object.fromEntries(m.inputs.map((i) => [i, (sample.values?.[i] ?? '').trim() || '0'])) };
    case 'passFail':
      return { passed: sample.passed !== false };
  }
};

/** The ratings of the sample, one per section and rater role, in this order (preview issues point at them by index). */
const ratingKeys = (doc: SchemeDocument) => doc.sections.flatMap((section) => section.raters.map((rater) => ({ section, role: rater.role })));

/** The adjustment entries HR filled in, in the order sent (preview issues point at them by index). */
const adjustmentEntries = (doc: SchemeDocument, samples: Samples): AdjustmentInput[] =>
  doc.adjustments.rules.flatMap<AdjustmentInput>((rule) => {
    const text = (samples.adjustments[rule.id] ?? '').trim();
    if (text === '') return [];
    return rule.amount.kind === 'range' ? [{ rule: rule.id, amount: text }] : count(text) > 0 ? [{ rule: rule.id, count: count(text) }] : [];
  });

/**
 * The engine's AppraisalInput for the preview: one rating per section and rater role, with every
 * item of the section, plus the adjustment entries and facts HR filled in.
 */
export const appraisalInput = (doc: SchemeDocument, samples: Samples): AppraisalInput => ({
  employeeId: SAMPLE_ID,
  participated: samples.participated,
  ratings: ratingKeys(doc).map(({ section, role }) => ({
    section: section.id,
    role,
    items: Object.fromEntries(section.items.map((item) => [item.id, itemInput(item, samples.items[sampleKey(section.id, role, item.id)] ?? defaultSample(item))])),
  })),
  adjustments: adjustmentEntries(doc, samples),
  facts: Object.fromEntries((doc.finalFormula?.inputs ?? []).map((name) => [name, (samples.facts[name] ?? '').trim() || '0'])),
});

/** What pay needs of the people and of the group, from the scheme's pay components. */
export interface PayNeeds {
  base: boolean;
  pool: boolean;
  output?: PayComponent;
}

/** Which pay inputs the preview asks for. Example: the headquarters template needs a base (floating pay) and a pool. */
export const payNeeds = (doc: SchemeDocument): PayNeeds => {
  const output = doc.pay.find((p) => p.rule.kind === 'poolSplit' && p.rule.weightBy === 'manHoursTimesCompletion');
  return {
    base: doc.pay.some((p) => p.rule.kind !== 'none' && p.rule.kind !== 'poolSplit'),
    pool: doc.pay.some((p) => p.rule.kind === 'poolSplit' && p.rule.weightBy === 'score'),
    ...(output ? { output } : {}),
  };
};

const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The facts of one person as the API takes them: only what the scheme's pay uses, only what was typed. */
const factsInput = (facts: SampleFacts, needs: PayNeeds): PreviewPayFacts => {
  const out: PreviewPayFacts = {};
  const base = text(facts.payBase);
  if (needs.base && base) out.payBase = base;
  if (needs.output) {
    const group = text(facts.payGroup);
    if (group) out.payGroup = group;
    if (needs.output.completionLevels) out.tickets = facts.tickets.filter((t) => t.hours.trim() !== '').map((t) => ({ hours: t.hours.trim(), level: t.level }));
    else {
      const hours = text(facts.manHours);
      if (hours) out.manHours = hours;
    }
  }
  return out;
};

/** The preview request: the sample appraisal, its pay facts, the group's values and (when on) the other members. */
export const previewInput = (doc: SchemeDocument, samples: Samples): Omit<PreviewInput, 'document' | 'schemeId'> => {
  const needs = payNeeds(doc);
  const pool = text(samples.pool);
  const outputValue = text(samples.outputValue);
  const inputs = needs.output?.outputValue?.inputs ?? [];
  const outputInputs = Object.fromEntries(inputs.flatMap((i) => (text(samples.outputInputs[i.name] ?? '') ? [[i.name, (samples.outputInputs[i.name] ?? '').trim()]] : [])));
  const members: PreviewMember[] = samples.group.members.map((m) => ({ id: m.id, ...(text(m.name) ? { name: m.name.trim() } : {}), total: m.total.trim(), ...factsInput(m, needs) }));
  return {
    appraisal: appraisalInput(doc, samples),
    ...factsInput(samples, needs),
    ...(needs.pool && pool ? { pool } : {}),
    ...(needs.output && !needs.output.outputValue && outputValue ? { outputValue } : {}),
    ...(inputs.length ? { outputInputs } : {}),
    ...(samples.group.enabled ? { group: { members } } : {}),
  };
};

/**
 * The sample input a preview issue belongs to, so its message shows beside that input:
 * `item:<section|role|item>`, `adjustment:<rule>`, `fact:<name>`, a pay input (`payBase`, `pool`, `outputValue`,
 * `outputInput:<name>`, `payGroup`, `manHours`, `tickets`) or `member:<index>:<field>`; undefined when the
 * issue concerns the scheme rather than a sample value.
 */
export const sampleFieldOf = (doc: SchemeDocument, samples: Samples, path: string): string | undefined => {
  const rating = /^appraisal\.ratings\[(\d+)\]\.items\.([A-Za-z][\w]*)/.exec(path);
  if (rating) {
    const key = ratingKeys(doc)[Number(rating[1])];
    return key ? `item:${sampleKey(key.section.id, key.role, rating[2] ?? '')}` : undefined;
  }
  const adjustment = /^appraisal\.adjustments\[(\d+)\]/.exec(path);
  if (adjustment) {
    const entry = adjustmentEntries(doc, samples)[Number(adjustment[1])];
    return entry ? `adjustment:${entry.rule}` : undefined;
  }
  const fact = /^appraisal\.facts\.(\w+)/.exec(path);
  if (fact) return `fact:${fact[1]}`;
  const member = /^group\.members\[(\d+)\]\.?(\w*)/.exec(path);
  if (member) return `member:${member[1]}:${member[2] || 'total'}`;
  const input = /^outputInputs\.(\w+)/.exec(path);
  if (input) return `outputInput:${input[1]}`;
  const pay = /^(payBase|pool|outputValue|payGroup|manHours|tickets)\b/.exec(path);
  return pay?.[1];
};
