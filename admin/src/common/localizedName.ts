import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';

export interface Named {
  name?: string | null;
  nameZh?: string | null;
}

/** The Chinese name when the console is in Chinese and one exists, otherwise the name. */
export const localizedName = (value: Named | null | undefined, locale: string): string => {
  if (!value) return '';
  if (locale === 'zh' && value.nameZh) return value.nameZh;
  return value.name ?? '';
};

/** optionText for selects and autocompletes over named records. */
export const useLocalizedOptionText = (): ((record: Named | null | undefined) => string) => {
  const [locale] = useLocaleState();
  return useCallback((record: Named | null | undefined) => localizedName(record, locale), [locale]);
};
