import polyglotI18nProvider from 'ra-i18n-polyglot';
import { type I18nProvider, resolveBrowserLocale, type Store, type TranslationMessages } from 'react-admin';

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'zh', name: '中文' },
] as const;

type Locale = (typeof LOCALES)[number]['locale'];

const isLocale = (value: unknown): value is Locale => LOCALES.some((l) => l.locale === value);

/**
 * Each language's messages are a chunk of their own: a visitor downloads only the language on screen, and
 * the other one when switching to it (react-admin waits for changeLocale's promise before re-rendering).
 */
const CATALOGS: Record<Locale, () => Promise<{ catalog: TranslationMessages }>> = {
  en: () => import('./catalog.en'),
  zh: () => import('./catalog.zh'),
};

const loaded = new Map<Locale, TranslationMessages>();

const load = async (locale: Locale): Promise<TranslationMessages> => {
  const { catalog } = await CATALOGS[locale]();
  loaded.set(locale, catalog);
  return catalog;
};

/** The language chosen on an earlier visit (react-admin keeps it in its store), else the browser's. */
const initialLocale = (store: Store): Locale => {
  const chosen = store.getItem<unknown>('locale');
  if (isLocale(chosen)) return chosen;
  return resolveBrowserLocale('en').startsWith('zh') ? 'zh' : 'en';
};

let provider: I18nProvider | undefined;

const started = (): I18nProvider => {
  if (!provider) throw new Error('startI18n() must finish before the console renders');
  return provider;
};

/**
 * Loads the first language's messages; the console renders after it (react-admin's polyglot provider needs
 * the first language synchronously). Starting with the stored choice avoids loading two languages.
 */
export const startI18n = async (store: Store): Promise<void> => {
  const first = initialLocale(store);
  await load(first);
  provider = polyglotI18nProvider(
    (locale) => (isLocale(locale) ? (loaded.get(locale) ?? load(locale)) : (loaded.get('en') ?? load('en'))),
    first,
    [...LOCALES],
  );
};

/**
 * The console's one i18n provider, also read outside React (request headers, server messages). It
 * delegates to the polyglot provider startI18n creates.
 */
export const i18nProvider: I18nProvider = {
  translate: (key, options) => started().translate(key, options),
  changeLocale: (locale, options) => started().changeLocale(locale, options),
  getLocale: () => started().getLocale(),
  getLocales: () => [...LOCALES],
};
