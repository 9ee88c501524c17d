import type { RaterRole, SchemeDocument, SchemeItem } from '../document';

/** What HR typed for one item of one rater's form in the preview (all as text, like the inputs). */
export interface SampleValue {
  points?: string;
  level?: string;
  occurrences?: Record<string, string>;
  values?: Record<string, string>;
  passed?: boolean;
}

export interface Samples {
  items: Record<string, SampleValue>;
  adjustments: Record<string, string>;
  facts: Record<string, string>;
  participated: boolean;
  payBase: string;
}

export const emptySamples = (): Samples => ({ items: {}, adjustments: {}, facts: {}, participated: true, payBase: '' });

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

const itemInput = (item: SchemeItem, sample: SampleValue): Record<string, unknown> => {
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

/**
 * The engine's AppraisalInput for the preview: one rating per section and rater role, with every
 * item of the section, plus the adjustment entries and facts HR filled in.
 */
export const appraisalInput = (doc: SchemeDocument, samples: Samples): Record<string, unknown> => ({
  employeeId: 'preview',
  participated: samples.participated,
  ratings: doc.sections.flatMap((section) =>
    section.raters.map((rater) => ({
      section: section.id,
      role: rater.role,
      items: Object.fromEntries(
        section.items.map((item) => [item.id, itemInput(item, samples.items[sampleKey(section.id, rater.role, item.id)] ?? defaultSample(item))]),
      ),
    })),
  ),
  adjustments: doc.adjustments.rules.flatMap<{ rule: string; count?: number; amount?: string }>((rule) => {
    const text = (samples.adjustments[rule.id] ?? '').trim();
    if (text === '') return [];
    return rule.amount.kind === 'range' ? [{ rule: rule.id, amount: text }] : count(text) > 0 ? [{ rule: rule.id, count: count(text) }] : [];
  }),
  facts: Object.fromEntries((doc.finalFormula?.inputs ?? []).map((name) => [name, (samples.facts[name] ?? '').trim() || '0'])),
});
