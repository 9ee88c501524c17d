import type { Page } from 'playwright-core';
import { apiLogin, graphqlCall } from './browser.js';

/** The demo accounts, one per role: the walk signs in as each, and their display names are data, not UI text. */
export const ROLES = ['hr@demo.local', 'admin@demo.local', 'committee@demo.local', 'supervisor@demo.local', 'employee@demo.local', 'approver@demo.local'] as const;

/** ASCII words that are fine in Chinese text: file formats, units, the date pattern people type. */
const ALLOWED_WORDS = new Set(['Excel', 'CSV', 'xlsx', 'csv', 'ID', 'MB', 'KB', 'YYYY', 'MM', 'DD', 'A', 'B', 'C', 'D', 'E', 'S']);

/** Demo data is not UI text: names, codes, e-mails of the records the pages show. */
export async function demoData(baseUrl: string): Promise<string[]> {
  const token = await apiLogin(baseUrl, 'hr@demo.local');
  // One list per call: the API's cost limit refuses six 500-row lists in one query.
  const list = async <T>(field: string, selection: string, first = 500): Promise<T[]> =>
    (await graphqlCall<Record<string, { nodes: T[] }>>(baseUrl, `{ ${field}(first: ${first}) { nodes { ${selection} } } }`, {}, token))[field]!.nodes;
  type Named = { code: string; name: string; nameZh: string | null };
  type LocalName = { name: { en: string; zh: string } };
  type SchemeNames = { document: { sections: Array<LocalName & { items: LocalName[] }> } };
  const data = {
    employees: { nodes: await list<{ name: string; employeeNumber: string; email: string | null; category: string | null }>('employees', 'name employeeNumber email category') },
    departments: { nodes: await list<Named>('departments', 'code name nameZh') },
    positions: { nodes: await list<Named>('positions', 'code name nameZh') },
    indicators: { nodes: await list<Named>('indicators', 'code name nameZh') },
    indicatorCategories: { nodes: await list<Named>('indicatorCategories', 'code name nameZh') },
    schemes: { nodes: await list<Named & { latestVersion: SchemeNames | null }>('schemes', 'code name nameZh latestVersion { document { sections { name { en zh } items { name { en zh } } } } }', 20) },
  };
  const strings: string[] = [];
  for (const e of data.employees.nodes) strings.push(e.name, e.employeeNumber, e.email ?? '', e.category ?? '');
  for (const list of [data.departments, data.positions, data.indicators, data.indicatorCategories, data.schemes])
    for (const r of list.nodes) strings.push(r.code, r.name, r.nameZh ?? '');
  // A scheme's sections and items are named in both languages; the compare page shows both names.
  for (const scheme of data.schemes.nodes)
    for (const section of scheme.latestVersion?.document.sections ?? []) strings.push(section.name.en, ...section.items.map((i) => i.name.en));
  // The ledger's records: rule codes, what happened and why (evidence, reasons), who proposed and approved, cycle names.
  type LedgerEntryData = { evidence: string | null; explanation: string | null; rejectionReason: string | null; proposedBy: string | null; approvedBy: string | null; appraisal: { cycleName: string } | null };
  for (const r of await list<{ code: string }>('ledgerRules', 'code', 200)) strings.push(r.code);
  const entries: LedgerEntryData[] = [];
  for (let offset = 0; offset < 3000; offset += 500) {
    const page = await graphqlCall<{ ledgerEntries: { nodes: LedgerEntryData[] } }>(baseUrl, `{ ledgerEntries(first: 500, offset: ${offset}) { nodes { evidence explanation rejectionReason proposedBy approvedBy appraisal { cycleName } } } }`, {}, token);
    entries.push(...page.ledgerEntries.nodes);
    if (page.ledgerEntries.nodes.length < 500) break;
  }
  for (const e of entries)
    strings.push(e.evidence ?? '', e.explanation ?? '', e.rejectionReason ?? '', e.proposedBy ?? '', e.approvedBy ?? '', e.appraisal?.cycleName ?? '');
  for (const b of await list<{ preparedBy: string | null; approvedBy: string | null }>('payoutBatches', 'preparedBy approvedBy', 100)) strings.push(b.preparedBy ?? '', b.approvedBy ?? '');
  // Account names (the ADMIN account is "System Administrator").
  for (const email of ROLES) {
    const me = await graphqlCall<{ me: { displayName: string } }>(baseUrl, '{ me { displayName } }', {}, await apiLogin(baseUrl, email));
    strings.push(me.me.displayName);
  }
  // Longest first, so "Wang Fang" goes before "Wang".
  return [...new Set(strings.filter((s) => s.trim() !== ''))].sort((a, b) => b.length - a.length);
}

/**
 * What on the page is neither Chinese nor data: an untranslated key (`app.menu.x`) or English words.
 * Text is read with CSS upper-casing switched off, so a button's "SAVE" reads "Save"; formulas are left out.
 */
export async function untranslated(page: Page, data: readonly string[]): Promise<string[]> {
  // Formulas (<code>) are written in the formula language, the same in every console language.
  await page.addStyleTag({ content: '* { text-transform: none !important; } code { display: none !important; }' });
  let text = await page.locator('body').innerText();
  for (const value of data) text = text.split(value).join(' ');
  text = text.replace(/[\w.+-]+@[\w.-]+/g, ' '); // e-mails
  text = text.replace(/\b[\w-]+\.(?:xlsx|csv|json)\b/g, ' '); // file names
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    // Dates and times in the US pattern (11/26/2026, 10:34:42 PM) are English too.
    if (/\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b\d{1,2}:\d{2}(?::\d{2})? ?[AP]M\b/.test(line)) problems.push(`US date in "${line.trim()}"`);
    const keys = line.match(/\b[a-z][a-zA-Z_]*(?:\.[a-zA-Z_]+){1,}\b/g) ?? [];
    problems.push(...keys.map((k) => `key "${k}" in "${line.trim()}"`));
    const words = (line.match(/[A-Za-z][A-Za-z'’]*/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w) && !/^[A-Z0-9_]+$/.test(w));
    if (words.length > 0 && keys.length === 0) problems.push(`English "${words.join(' ')}" in "${line.trim()}"`);
  }
  return problems;
}
