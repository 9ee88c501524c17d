import type { TranslationMessages } from 'react-admin';

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'zh', name: '中文' },
] as const;

export type Locale = (typeof LOCALES)[number]['locale'];

export const isLocale = (value: unknown): value is Locale => LOCALES.some((l) => l.locale === value);

/**
 * Each language's messages are a chunk of their own: a visitor downloads only the language on screen, and
 * the other one when switching to it (react-admin waits for changeLocale's promise before re-rendering).
 */
const CATALOGS: Record<Locale, () => Promise<{ catalog: TranslationMessages }>> = {
  en: () => import('./catalog.en'),
  zh: () => import('./catalog.zh'),
};

const requested = new Map<Locale, Promise<TranslationMessages>>();

/** A language's messages, fetched once; a failed fetch is forgotten, so that a later request tries again. */
export const loadCatalog = (locale: Locale): Promise<TranslationMessages> => {
  let catalog = requested.get(locale);
  if (!catalog) {
    const fetching = CATALOGS[locale]().then((module) => module.catalog);
    // The callers still see the rejection; this branch only clears the cache (and marks the rejection handled).
    fetching.catch(() => {
      if (requested.get(locale) === fetching) requested.delete(locale);
    });
    requested.set(locale, fetching);
    catalog = fetching;
  }
  return catalog;
};

/**
 * The language chosen on an earlier visit, else the browser's. Read straight from localStorage where
 * react-admin's localStorageStore() keeps it (`RaStore.locale`, JSON), because this module runs before
 * react-admin is evaluated.
 */
const chosenLocale = (): Locale => {
  try {
    const chosen: unknown = JSON.parse(localStorage.getItem('RaStore.locale') ?? 'null');
    if (isLocale(chosen)) return chosen;
  } catch {
    // No storage (private mode) or a value that is not JSON: fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
};

/**
 * The first language and its messages, requested as soon as the entry starts to run: main.tsx imports this
 * module first and it imports nothing else, so the request overlaps the evaluation of React, MUI and
 * react-admin instead of waiting for it.
 */
export const firstLocale: Locale = chosenLocale();
export const firstCatalog: Promise<TranslationMessages> = loadCatalog(firstLocale);
