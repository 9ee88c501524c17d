import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { firstCatalog, firstLocale, isLocale, loadCatalog, LOCALES } from './catalogs';

export { LOCALES };

/** Messages already here, for polyglot's synchronous first language. */
const loaded = new Map<string, TranslationMessages>();

const load = async (locale: string): Promise<TranslationMessages> => {
  const catalog = await loadCatalog(isLocale(locale) ? locale : 'en');
  loaded.set(locale, catalog);
  return catalog;
};

let provider: I18nProvider | undefined;

const started = (): I18nProvider => {
  if (!provider) throw new Error('startI18n() must finish before the console renders');
  return provider;
};

/**
 * Waits for the first language's messages (requested by ./catalogs when the entry started); the console
 * renders after it, because react-admin's polyglot provider needs the first language synchronously.
 */
export const startI18n = async (): Promise<void> => {
  loaded.set(firstLocale, await firstCatalog);
  provider = polyglotI18nProvider((locale) => loaded.get(locale) ?? load(locale), firstLocale, [...LOCALES]);
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
