import { Box, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import Markdown from 'react-markdown';
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
 * A small table of the governance pages: one header row of translation keys ('' for a cell without a title)
 * and the rows given as children. With `load`, a progress bar while loading and the load error with a retry
 * in place of the table.
 */
export const GovernanceTable = ({ headers, testId, load, children }: { headers: string[]; testId: string; load?: Pick<Loaded<unknown>, 'loading' | 'error' | 'reload'>; children: ReactNode }) => {
  const translate = useTranslate();
  const table = (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          {headers.map((header, i) => (
            <TableCell key={`${i}-${header}`}>{header ? translate(header) : null}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </Table>
  );
  if (!load) return table;
  return (
    <>
      {load.loading && <LinearProgress />}
      {load.error ? <LoadErrorState error={load.error} onRetry={load.reload} /> : table}
    </>
  );
};
