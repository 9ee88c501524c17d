import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { firstCatalog, firstLocale, isLocale, loadCatalog, LOCALES, type Locale } from './catalogs';

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
  let locale: Locale = firstLocale;
  try {
    loaded.set(locale, await firstCatalog);
  } catch (error) {
    // The visitor's language did not arrive (a dropped chunk): start in English rather than not at all.
    // react-admin then asks for the stored language again through changeLocale (the failed fetch is not cached).
    console.error(error);
    locale = 'en';
    loaded.set(locale, await loadCatalog(locale));
  }
  provider = polyglotI18nProvider((requested) => loaded.get(requested) ?? load(requested), locale, [...LOCALES]);
};

/** Counts language switches, so that a switch overtaken by a later one does not apply its language. */
let latestSwitch = 0;
/** The language being switched to while its messages load. */
let switchingTo: string | undefined;

/**
 * Switches language once its messages are here, unless the visitor switched again meanwhile: switching zh→en
 * quickly must end in English even when English's messages arrive before Chinese's.
 */
const changeLocale = async (locale: string, options?: unknown): Promise<void> => {
  const switchNumber = ++latestSwitch;
  switchingTo = locale;
  try {
    await load(locale);
    if (switchNumber !== latestSwitch) return;
    await started().changeLocale(locale, options);
  } finally {
    if (switchNumber === latestSwitch) switchingTo = undefined;
  }
};

/**
 * The language on screen, or the one being switched to: react-admin only asks for a switch when the chosen
 * language differs from getLocale(), so while Chinese loads, choosing English again must still reach changeLocale.
 */
const getLocale = (): string => switchingTo ?? started().getLocale();

/**
 * The console's one i18n provider, also read outside React (request headers, server messages). It
 * delegates to the polyglot provider startI18n creates.
 */
export const i18nProvider: I18nProvider = {
  translate: (key, options) => started().translate(key, options),
  changeLocale,
  getLocale,
  getLocales: () => [...LOCALES],
};
