import { describeIssue, type IssueNames } from '@appraisal/domain/messages';
import { Alert, Stack } from '@mui/material';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useLocaleState } from 'react-admin';
import type { SchemeIssue } from '../../dataProvider';

interface IssuesValue {
  issues: readonly SchemeIssue[];
  /** The issue as a sentence in the console's language (the domain's message catalog), with the document's names. */
  describe: (issue: SchemeIssue) => string;
}

/** The server's issues for the document being edited, looked up by path (`sections[1].weight`). */
const IssuesContext = createContext<IssuesValue>({ issues: [], describe: (i) => i.message });

/** Provides issues and their wording; `names` is the document whose section, item and grade names the messages use. */
export const IssuesProvider = ({ issues, names, children }: { issues: readonly SchemeIssue[]; names?: IssueNames; children: ReactNode }) => {
  const [locale] = useLocaleState();
  const describe = useCallback((issue: SchemeIssue) => describeIssue(issue, locale, names), [locale, names]);
  const value = useMemo(() => ({ issues, describe }), [issues, describe]);
  return <IssuesContext.Provider value={value}>{children}</IssuesContext.Provider>;
};

export const useIssues = (): readonly SchemeIssue[] => useContext(IssuesContext).issues;

/** Turns an issue into the sentence the console shows. */
export const useDescribeIssue = (): ((issue: SchemeIssue) => string) => useContext(IssuesContext).describe;

/** The issues at exactly this path. */
export const useIssuesAt = (path: string): SchemeIssue[] => {
  const { issues } = useContext(IssuesContext);
  return issues.filter((i) => i.path === path);
};

/** The messages of issues at exactly this path, joined for a helper text. */
export const useIssueAt = (path: string): string | undefined => {
  const { describe } = useContext(IssuesContext);
  const found = useIssuesAt(path);
  return found.length > 0 ? found.map(describe).join(' ') : undefined;
};

/** Issues at this path or anywhere under it (a section card shows the count of its own). */
export const useIssuesUnder = (prefix: string): SchemeIssue[] => {
  const { issues } = useContext(IssuesContext);
  return issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`));
};

/** The character a formula issue points at (0-based), from its parameters. */
export const characterPosition = (issue: SchemeIssue | undefined): number | undefined => {
  const position = issue?.params?.position;
  return typeof position === 'number' ? position : undefined;
};

/**
 * The issues of a part of the document that has no single input (a list that must add up to 100, a band
 * that leaves a gap): shown where that part is edited, in words.
 */
export const IssueNotes = ({ path, testId }: { path: string; testId?: string }) => {
  const describe = useDescribeIssue();
  const found = useIssuesAt(path);
  if (found.length === 0) return null;
  return (
    <Stack spacing={0.5} data-testid={testId}>
      {found.map((issue, i) => (
        <Alert key={`${issue.code}-${i}`} severity="error" sx={{ py: 0 }}>
          {describe(issue)}
        </Alert>
      ))}
    </Stack>
  );
};
