import { Box } from '@mui/material';
import Markdown from 'react-markdown';
import type { Json } from '../dataProvider/records';
import { useCycleApi } from '../cycles/useCycleApi';

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
