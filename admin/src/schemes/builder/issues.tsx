import { createContext, useContext, type ReactNode } from 'react';
import type { SchemeIssue } from '../../dataProvider';

/** The server's issues for the document being edited, looked up by path (`sections[1].weight`). */
const IssuesContext = createContext<readonly SchemeIssue[]>([]);

export const IssuesProvider = ({ issues, children }: { issues: readonly SchemeIssue[]; children: ReactNode }) => (
  <IssuesContext.Provider value={issues}>{children}</IssuesContext.Provider>
);

export const useIssues = (): readonly SchemeIssue[] => useContext(IssuesContext);

/** The messages of issues at exactly this path, joined for a helper text. */
export const useIssueAt = (path: string): string | undefined => {
  const issues = useContext(IssuesContext);
  const found = issues.filter((i) => i.path === path);
  return found.length > 0 ? found.map((i) => i.message).join('; ') : undefined;
};

/** Issues at this path or anywhere under it (a section card shows the count of its own). */
export const useIssuesUnder = (prefix: string): SchemeIssue[] => {
  const issues = useContext(IssuesContext);
  return issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`));
};

/** Formula issues carry "(at character N)"; the position puts a caret under the text. */
export const characterPosition = (message: string): number | undefined => {
  const match = /at character (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
};
