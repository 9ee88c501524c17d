import { issueMessages, issueTerms, type LocalMessage } from './catalog.js';

/** The languages of the console. */
export type MessageLocale = 'en' | 'zh';

/** What describeIssue reads of an issue: the code, the parameters and the engine's English message as a last resort. */
export interface DescribableIssue {
  code: string;
  message?: string;
  params?: Readonly<Record<string, unknown>> | null;
}

/** A thing with an id and a name in both languages (a section, item, rule, grade, pay component). */
interface Named {
  readonly name?: LocalMessage;
  readonly label?: LocalMessage;
}

/**
 * The parts of a scheme document whose names an issue may mention. Structural, so the console can pass
 * an unsaved (even invalid) document as it is.
 */
export interface IssueNames {
  readonly sections?: readonly (Named & { readonly id: string; readonly items?: readonly (Named & { readonly id: string })[] })[];
  readonly adjustments?: { readonly rules?: readonly (Named & { readonly id: string })[] };
  readonly grades?: { readonly bands?: readonly (Named & { readonly grade: string })[] };
  readonly pay?: readonly (Named & { readonly id: string })[];
  readonly rollups?: readonly (Named & { readonly id: string })[];
}

const localeOf = (locale: string): MessageLocale => (locale.toLowerCase().startsWith('zh') ? 'zh' : 'en');

const pick = (text: LocalMessage | undefined, lang: MessageLocale): string | undefined => {
  const value = text?.[lang] || text?.en;
  return value ? value : undefined;
};

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isText = (x: unknown): x is LocalMessage => isObject(x) && typeof x.en === 'string';

function nameOf(kind: string, id: string, names: IssueNames | undefined, lang: MessageLocale): string {
  // The document may be unsaved and malformed (that is often why there is an issue): read it defensively.
  const found = (list: unknown, match: (x: Named) => boolean) => {
    if (!Array.isArray(list)) return undefined;
    const x = (list as unknown[]).find((e): e is Named => isObject(e) && match(e as Named));
    const text = x?.name ?? x?.label;
    return isText(text) ? pick(text, lang) : undefined;
  };
  switch (kind) {
    case 'section':
      return found(names?.sections, (s) => (s as { id: string }).id === id) ?? id;
    case 'item':
      for (const s of Array.isArray(names?.sections) ? (names?.sections ?? []) : []) {
        const hit = isObject(s) ? found(s.items, (i) => (i as { id: string }).id === id) : undefined;
        if (hit) return hit;
      }
      return id;
    case 'rule':
      return found(isObject(names?.adjustments) ? names?.adjustments?.rules : undefined, (r) => (r as { id: string }).id === id) ?? id;
    case 'grade':
      return found(isObject(names?.grades) ? names?.grades?.bands : undefined, (b) => (b as { grade: string }).grade === id) ?? id;
    case 'pay':
      return found(names?.pay, (p) => (p as { id: string }).id === id) ?? id;
    case 'rollup':
      return found(names?.rollups, (r) => (r as { id: string }).id === id) ?? id;
    case 'role':
    case 'term':
      return pick((issueTerms as Readonly<Record<string, LocalMessage>>)[id], lang) ?? id;
    default:
      return id;
  }
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/**
 * Fills a catalog message: `{name}` with params.name, `{name:kind}` with the formatted value; undefined
 * when a placeholder has no value (the caller then falls back rather than show a hole).
 * Example: fillMessage('{n:char}', { n: 4 }, 'en') -> '5'
 */
export function fillMessage(template: string, params: Readonly<Record<string, unknown>>, lang: MessageLocale, names?: IssueNames): string | undefined {
  let complete = true;
  const text = template.replace(PLACEHOLDER, (_match, key: string, kind: string | undefined) => {
    const value = params[key];
    if (value === undefined || value === null || value === '') {
      complete = false;
      return '';
    }
    const raw = String(value);
    if (kind === 'char') return typeof value === 'number' ? String(value + 1) : raw;
    return kind ? nameOf(kind, raw, names, lang) : raw;
  });
  return complete ? text : undefined;
}

/** The catalog entry of an issue: `code.variant` when the issue names a variant the catalog has, else the code's. */
export function messageFor(issue: DescribableIssue): LocalMessage | undefined {
  const catalog = issueMessages as Readonly<Record<string, LocalMessage>>;
  const variant = issue.params?.variant;
  if (typeof variant === 'string' && catalog[`${issue.code}.${variant}`]) return catalog[`${issue.code}.${variant}`];
  return catalog[issue.code];
}

/**
 * An issue as a sentence a person understands, in English or Chinese, with its parameters and (given the
 * scheme) the names of the sections, items, rules and grades it mentions. Unknown codes fall back to the
 * engine's message, then to the code.
 * Example: describeIssue({ code: 'section_weights_sum', params: { actual: '90' } }, 'zh') -> '各部分权重合计为 90，应为 100。'
 */
export function describeIssue(issue: DescribableIssue, locale: string, names?: IssueNames): string {
  const lang = localeOf(locale);
  const entry = messageFor(issue);
  const params = issue.params ?? {};
  if (entry) {
    const filled = fillMessage(entry[lang], params, lang, names);
    if (filled !== undefined) return filled;
    // A variant with holes: the code's general message usually needs fewer parameters.
    const general = (issueMessages as Readonly<Record<string, LocalMessage>>)[issue.code];
    const fallback = general ? fillMessage(general[lang], params, lang, names) : undefined;
    if (fallback !== undefined) return fallback;
  }
  return issue.message || issue.code;
}
