import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import chineseMessages from 'ra-language-chinese';
import { resolveBrowserLocale, type TranslationMessages } from 'react-admin';
import { en } from './en';
import { raSupplementZh, zh } from './zh';

type Tree = { [key: string]: string | Tree };

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep merge where later sources win; used to layer react-admin's messages under ours. */
const deepMerge = (...sources: unknown[]): Tree => {
  const out: Tree = {};
  for (const source of sources) {
    if (!isTree(source)) continue;
    for (const [key, value] of Object.entries(source)) {
      const current = out[key];
      out[key] = isTree(value) ? deepMerge(isTree(current) ? current : {}, value) : value;
    }
  }
  return out;
};

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'zh', name: '中文' },
] as const;

// Chinese falls back to English for any react-admin key the Chinese pack lacks.
const messages: Record<string, TranslationMessages> = {
  en: deepMerge(englishMessages, en) as unknown as TranslationMessages,
  zh: deepMerge(englishMessages, chineseMessages, raSupplementZh, zh) as unknown as TranslationMessages,
};

const initialLocale = (): string => (resolveBrowserLocale('en').startsWith('zh') ? 'zh' : 'en');

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages.en!, initialLocale(), [...LOCALES]);
