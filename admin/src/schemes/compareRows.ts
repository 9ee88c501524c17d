import type { PayRule, SchemeDocument } from './document';

/** One comparable line of a document: a stable key (by ids, not positions), a label and a value. */
export interface CompareRow {
  key: string;
  label: string;
  value: string;
  /** The value is a formula (shown as code, the same in every language). */
  formula?: boolean;
}

/** The console's translate function and language, so the compare table reads in the console's language. */
export interface CompareWords {
  translate: (key: string, options?: Record<string, unknown>) => string;
  lang: 'en' | 'zh';
}

const interval = (b: { min: string; max: string; minInclusive: boolean; maxInclusive: boolean }) =>
  `${b.minInclusive ? '[' : '('}${b.min}, ${b.max}${b.maxInclusive ? ']' : ')'}`;

/** A pay rule in words: its kind, then what HR set (bands, grade percents, points per day, rounding). */
const payRuleText = (rule: PayRule, { translate }: CompareWords): string => {
  const kind = translate(`app.builder.pay_kind_name.${rule.kind}`, { _: rule.kind });
  if (rule.kind === 'none') return kind;
  const rounding = translate('app.scheme.compare_rows.rounding_value', {
    places: rule.rounding.places,
    mode: translate(`app.builder.mode.${rule.rounding.mode}`, { _: rule.rounding.mode }),
  });
  switch (rule.kind) {
    case 'scorePercentOfBase':
      return `${kind}: ${rule.bands.map((b) => `${interval(b)} ${b.percent}%`).join('; ')} · ${rounding}`;
    case 'gradePercentOfBase':
      return `${kind}: ${rule.grades.map((g) => `${g.grade} ${g.percent}%`).join('; ')} · ${rounding}`;
    case 'poolSplit':
      return `${kind}: ${translate(`app.scheme.compare_rows.weight_by.${rule.weightBy}`, { _: rule.weightBy })} · ${rounding}`;
    case 'dailyWage':
      return `${kind}: ${translate('app.scheme.compare_rows.points_per_day', { points: rule.pointsPerDay })} · ${rounding}`;
    default:
      return `${kind} · ${rounding}`;
  }
};

/**
 * A document flattened to the lines HR compares: sections with weights and raters, items, adjustments,
 * bands, quotas, pay and formulas, worded in the console's language. Keys use ids so that a moved item
 * still lines up with itself.
 */
export const compareRows = (doc: SchemeDocument, words: CompareWords): CompareRow[] => {
  const { translate: t, lang } = words;
  const label = (key: string, options?: Record<string, unknown>) => t(`app.scheme.compare_rows.${key}`, options);
  const rows: CompareRow[] = [
    { key: 'sectionWeighting', label: label('section_weighting'), value: t(`app.scheme.compare_rows.weighting.${doc.sectionWeighting}`, { _: doc.sectionWeighting }) },
  ];
  for (const s of doc.sections) {
    const section = s.name[lang];
    rows.push({ key: `s.${s.id}`, label: label('section', { section }), value: `${s.name.en} / ${s.name.zh}` });
    rows.push({ key: `s.${s.id}.weight`, label: label('section_weight', { section }), value: s.weight ?? '' });
    rows.push({
      key: `s.${s.id}.raters`,
      label: label('section_raters', { section }),
      value: s.raters.map((r) => `${t(`app.scheme.role.${r.role}`, { _: r.role })} ${r.weight}%`).join(', '),
    });
    const missing = t(`app.builder.policy.${s.missingRater.policy}`, { _: s.missingRater.policy });
    rows.push({
      key: `s.${s.id}.missing`,
      label: label('section_missing', { section }),
      value: s.missingRater.policy === 'fixed' ? `${missing} ${s.missingRater.value}` : missing,
    });
    for (const i of s.items) {
      const parts = [label('max_points', { points: i.maxPoints })];
      if (i.weight !== undefined) parts.push(label('item_weight', { weight: i.weight }));
      if (i.passMark !== undefined) parts.push(label('pass_mark', { points: i.passMark }));
      parts.push(t(`app.builder.kind.${i.method.kind}`, { _: i.method.kind }));
      rows.push({ key: `s.${s.id}.i.${i.id}`, label: `${section} › ${i.name[lang]}`, value: parts.join(' · ') });
    }
  }
  for (const r of doc.adjustments.rules) {
    const amount = r.amount.kind === 'fixed' ? r.amount.value : `${r.amount.min}–${r.amount.max}`;
    const cap = r.perRuleCap === undefined ? '' : ` · ${label('cap', { cap: r.perRuleCap })}`;
    rows.push({
      key: `a.${r.id}`,
      label: label('adjustment', { name: r.name[lang] }),
      value: `${t(`app.builder.direction_kind.${r.direction}`, { _: r.direction })} ${amount} ${t(`app.builder.unit_kind.${r.unit}`, { _: r.unit })}${cap}`,
    });
  }
  rows.push({ key: 'a.caps', label: label('adjustment_caps'), value: `+${doc.adjustments.caps.maxBonus ?? '∞'} / −${doc.adjustments.caps.maxPenalty ?? '∞'}` });
  for (const b of doc.grades?.bands ?? []) {
    rows.push({ key: `g.${b.grade}`, label: label('grade', { grade: b.grade }), value: `${interval(b)} ${b.label[lang]}` });
  }
  for (const q of doc.distribution?.quotas ?? []) {
    const cumulative = q.cumulative ? ` (${t('app.builder.cumulative')})` : '';
    rows.push({
      key: `q.${q.grade}.${q.bound}`,
      label: label('quota', { grade: q.grade }),
      value: `${t(`app.builder.bound_kind.${q.bound}`, { _: q.bound })} ${q.percent}%${cumulative}`,
    });
  }
  for (const p of doc.pay) rows.push({ key: `p.${p.id}`, label: label('pay', { name: p.name[lang] }), value: payRuleText(p.rule, words) });
  rows.push({ key: 'f.final', label: t('app.builder.final_formula'), value: doc.finalFormula?.expression ?? '', formula: true });
  for (const r of doc.rollups) rows.push({ key: `f.${r.id}`, label: label('rollup', { name: r.name[lang] }), value: r.formula, formula: true });
  rows.push({ key: 'total', label: label('total_bounds'), value: `${doc.total.floor ?? ''} / ${doc.total.cap ?? ''}` });
  rows.push({
    key: 'rounding',
    label: t('app.builder.rounding_mode'),
    value: t('app.builder.rounding_summary', {
      places: doc.rounding.places,
      mode: t(`app.builder.mode.${doc.rounding.mode}`, { _: doc.rounding.mode }),
      at: doc.rounding.applyAt.map((a) => t(`app.builder.apply.${a}`, { _: a })).join(', '),
    }),
  });
  return rows;
};

export interface CompareLine {
  key: string;
  label: string;
  left?: string;
  right?: string;
  differs: boolean;
  formula?: boolean;
}

/** The two documents' rows side by side, in the left document's order with the right's additions after. */
export const compareDocuments = (left: SchemeDocument, right: SchemeDocument, words: CompareWords): CompareLine[] => {
  const l = compareRows(left, words);
  const r = new Map(compareRows(right, words).map((row) => [row.key, row]));
  const lines: CompareLine[] = l.map((row) => {
    const other = r.get(row.key);
    r.delete(row.key);
    return { key: row.key, label: row.label, left: row.value, right: other?.value, differs: other?.value !== row.value, formula: row.formula };
  });
  for (const row of r.values()) lines.push({ key: row.key, label: row.label, right: row.value, differs: true, formula: row.formula });
  return lines;
};
