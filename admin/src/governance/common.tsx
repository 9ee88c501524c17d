import { Box, LinearProgress } from '@mui/material';
import type { ReactNode } from 'react';
import Markdown from 'react-markdown';
import { KeyTable } from '../common/KeyTable';
import { LoadErrorState } from '../common/LoadError';
import type { Json } from '../dataProvider/records';
import { type Loaded, useCycleApi } from '../cycles/useCycleApi';

export interface LocalText {
  en: string;
  zh: string;
}

/** Runs one governance GraphQL document through the console's data provider. */
export const useGovernance = () => {
  const api = useCycleApi();
  return <T,>(document: string, variables?: Json): Promise<T> => api.governance<T>(document, variables);
};

/** Tells the app bar badge to count again (after marking read or acknowledging). */
export const inboxChanged = (): void => {
  window.dispatchEvent(new Event('inbox-changed'));
};

/** A bilingual text in the console language (English when the Chinese is empty). */
export const pick = (text: LocalText | null | undefined, locale: string): string => (locale === 'zh' ? text?.zh || text?.en : text?.en || text?.zh) ?? '';

/**
 * Markdown rendered safely: raw HTML is dropped (never executed; `skipHtml`), links only to http(s) and mail
 * addresses (react-markdown's default URL filter removes javascript: and data: links).
 */
export const SafeMarkdown = ({ text, testId }: { text: string; testId?: string }) => (
  <Box data-testid={testId} sx={{ '& h1': { fontSize: '1.4rem' }, '& h2': { fontSize: '1.15rem' }, '& p, & li': { lineHeight: 1.6 } }}>
    <Markdown skipHtml>{text}</Markdown>
  </Box>
);

/**
 * A small table of the governance pages (KeyTable); with `load`, a progress bar while loading and the load error
 * with a retry in place of the table.
 */
export const GovernanceTable = ({ headers, testId, load, children }: { headers: string[]; testId: string; load?: Pick<Loaded<unknown>, 'loading' | 'error' | 'reload'>; children: ReactNode }) => {
  const table = (
    <KeyTable headers={headers} testId={testId}>
      {children}
    </KeyTable>
  );
  if (!load) return table;
  return (
    <>
      {load.loading && <LinearProgress />}
      {load.error ? <LoadErrorState error={load.error} onRetry={load.reload} /> : table}
    </>
  );
};
