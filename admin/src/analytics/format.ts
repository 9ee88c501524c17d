import type { DepartmentRef } from './api';

/** A department's name in the console language (English when the Chinese is empty). */
export const departmentName = (departments: Map<string, DepartmentRef>, id: string | null, locale: string, fallback: string): string => {
  if (!id) return fallback;
  const d = departments.get(id);
  if (!d) return fallback;
  return (locale === 'zh' ? d.nameZh || d.name : d.name) || fallback;
};

/** The departments in tree order with their depth, for the "department and below" select. */
export const departmentTree = (departments: DepartmentRef[]): Array<{ department: DepartmentRef; depth: number }> => {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<string | null, DepartmentRef[]>();
  for (const d of departments) {
    const parent = d.parent && ids.has(d.parent.id) ? d.parent.id : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const out: Array<{ department: DepartmentRef; depth: number }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const d of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ department: d, depth });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
};

/**
 * Exact sum of money strings ('1234.5', '-20.00'): in cents as BigInt, never binary floating point.
 * Returns a decimal string with two places.
 */
export const sumMoney = (values: Array<string | null | undefined>): string => {
  let cents = 0n;
  for (const v of values) {
    if (!v) continue;
    const negative = v.startsWith('-');
    const [whole = '0', fraction = ''] = v.replace(/^[-+]/, '').split('.');
    const c = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
    cents += negative ? -c : c;
  }
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

/** A sheet Excel opens (UTF-8 with a byte-order mark, so Chinese names survive): the numbers a chart shows. */
export const downloadCsv = (fileName: string, head: string[], rows: Array<Array<string | number | null>>): void => {
  const quote = (v: string | number | null) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const lines = [head.map(quote).join(','), ...rows.map((r) => r.map(quote).join(','))];
  const blob = new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
