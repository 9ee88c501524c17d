import { type Theme, ThemeProvider } from '@mui/material/styles';
import { type ReactNode, useCallback } from 'react';
import { useLocaleState } from 'react-admin';
import { EditLoadError, ListLoadError, ListPagination, ShowLoadError } from '../common/LoadError';
import { intlLocale } from '../common/format';

/**
 * Defaults every react-admin page gets through the theme, including pages written before them:
 * lists, show and edit pages show an error state with a retry button instead of an empty list or a
 * redirect, and react-admin's DateField / NumberField follow the console language.
 */
export const ConsoleDefaults = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  const theme = useCallback(
    (outer: Theme): Theme => {
      const locales = intlLocale(locale);
      const components = outer.components ?? {};
      return {
        ...outer,
        components: {
          ...components,
          RaList: { ...components.RaList, defaultProps: { error: <ListLoadError />, pagination: <ListPagination />, queryOptions: { onError: ignore }, ...components.RaList?.defaultProps } },
          RaShow: { ...components.RaShow, defaultProps: { error: <ShowLoadError />, queryOptions: { onError: ignore }, ...components.RaShow?.defaultProps } },
          RaEdit: { ...components.RaEdit, defaultProps: { error: <EditLoadError />, queryOptions: { onError: ignore }, ...components.RaEdit?.defaultProps } },
          RaDateField: { ...components.RaDateField, defaultProps: { locales, ...components.RaDateField?.defaultProps } },
          RaNumberField: { ...components.RaNumberField, defaultProps: { locales, ...components.RaNumberField?.defaultProps } },
        },
      };
    },
    [locale],
  );
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
};

/** The error state replaces react-admin's error notification (and, on records, its redirect). */
const ignore = (): void => undefined;
