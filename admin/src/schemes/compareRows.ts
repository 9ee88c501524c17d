import type { SchemeDocument } from './document';

/** One comparable line of a document: a stable key (by ids, not positions), a label and a value. */
export interface CompareRow {
  key: string;
  label: string;
  value: string;
}

const opt = (v: string | undefined, prefix: string) => (v === undefined ? '' : ` · ${prefix} ${v}`);

/**
 * A document flattened to the lines HR compares: sections with weights and raters, items, adjustments,
 * bands, quotas, pay and formulas. Keys use ids so that a moved item still lines up with itself.
 */
export const compareRows = (doc: SchemeDocument): CompareRow[] => {
  const rows: CompareRow[] = [{ key: 'sectionWeighting', label: 'sectionWeighting', value: doc.sectionWeighting }];
  for (const s of doc.sections) {
    rows.push({ key: `s.${s.id}`, label: `${s.id}`, value: `${s.name.en} / ${s.name.zh}` });
    rows.push({ key: `s.${s.id}.weight`, label: `${s.id} · weight`, value: s.weight ?? '' });
    rows.push({ key: `s.${s.id}.raters`, label: `${s.id} · raters`, value: s.raters.map((r) => `${r.role} ${r.weight}`).join(', ') });
    rows.push({ key: `s.${s.id}.missing`, label: `${s.id} · missingRater`, value: s.missingRater.policy === 'fixed' ? `fixed ${s.missingRater.value}` : s.missingRater.policy });
    for (const i of s.items) {
      rows.push({
        key: `s.${s.id}.i.${i.id}`,
        label: `${s.id} › ${i.id}`,
        value: `${i.name.en} · max ${i.maxPoints}${opt(i.weight, 'weight')}${opt(i.passMark, 'pass')} · ${i.method.kind}`,
      });
    }
  }
  for (const r of doc.adjustments.rules) {
    const amount = r.amount.kind === 'fixed' ? r.amount.value : `${r.amount.min}–${r.amount.max}`;
    rows.push({ key: `a.${r.id}`, label: `adjustment ${r.id}`, value: `${r.direction} ${amount} ${r.unit}${opt(r.perRuleCap, 'cap')}` });
  }
  rows.push({ key: 'a.caps', label: 'adjustment caps', value: `+${doc.adjustments.caps.maxBonus ?? '∞'} / −${doc.adjustments.caps.maxPenalty ?? '∞'}` });
  for (const b of doc.grades?.bands ?? []) {
    rows.push({ key: `g.${b.grade}`, label: `grade ${b.grade}`, value: `${b.minInclusive ? '[' : '('}${b.min}, ${b.max}${b.maxInclusive ? ']' : ')'} ${b.label.en}` });
  }
  for (const q of doc.distribution?.quotas ?? []) {
    rows.push({ key: `q.${q.grade}.${q.bound}`, label: `quota ${q.grade}`, value: `${q.bound} ${q.percent}%${q.cumulative ? ' cumulative' : ''}` });
  }
  for (const p of doc.pay) rows.push({ key: `p.${p.id}`, label: `pay ${p.id}`, value: JSON.stringify(p.rule) });
  rows.push({ key: 'f.final', label: 'finalFormula', value: doc.finalFormula?.expression ?? '' });
  for (const r of doc.rollups) rows.push({ key: `f.${r.id}`, label: `rollup ${r.id}`, value: r.formula });
  rows.push({ key: 'total', label: 'total floor / cap', value: `${doc.total.floor ?? ''} / ${doc.total.cap ?? ''}` });
  rows.push({ key: 'rounding', label: 'rounding', value: `${doc.rounding.places} ${doc.rounding.mode} @ ${doc.rounding.applyAt.join(',')}` });
  return rows;
};

export interface CompareLine {
  key: string;
  label: string;
  left?: string;
  right?: string;
  differs: boolean;
}

/** The two documents' rows side by side, in the left document's order with the right's additions after. */
export const compareDocuments = (left: SchemeDocument, right: SchemeDocument): CompareLine[] => {
  const l = compareRows(left);
  const r = new Map(compareRows(right).map((row) => [row.key, row]));
  const lines: CompareLine[] = l.map((row) => {
    const other = r.get(row.key);
    r.delete(row.key);
    return { key: row.key, label: row.label, left: row.value, right: other?.value, differs: other?.value !== row.value };
  });
  for (const row of r.values()) lines.push({ key: row.key, label: row.label, right: row.value, differs: true });
  return lines;
};
