import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { SchemeIssue } from '../../dataProvider';
import type { SchemeDocument } from '../document';
import { useDescribeIssue } from './issues';
import { sampleFieldOf, type Samples } from './sampleInput';

interface PreviewIssuesValue {
  /** Issues by the sample input they concern (see sampleFieldOf). */
  byField: ReadonlyMap<string, SchemeIssue[]>;
  /** Issues no sample input supplies (the scheme's, or a group that has nobody in it). */
  other: readonly SchemeIssue[];
}

const PreviewIssuesContext = createContext<PreviewIssuesValue>({ byField: new Map(), other: [] });

/** Sorts the preview's issues onto the sample inputs they concern. */
export const PreviewIssuesProvider = ({ issues, doc, samples, children }: { issues: readonly SchemeIssue[]; doc: SchemeDocument; samples: Samples; children: ReactNode }) => {
  const value = useMemo(() => {
    const byField = new Map<string, SchemeIssue[]>();
    const other: SchemeIssue[] = [];
    for (const issue of issues) {
      const field = sampleFieldOf(doc, samples, issue.path);
      if (field) byField.set(field, [...(byField.get(field) ?? []), issue]);
      else other.push(issue);
    }
    return { byField, other };
  }, [issues, doc, samples]);
  return <PreviewIssuesContext.Provider value={value}>{children}</PreviewIssuesContext.Provider>;
};

/** The message of the preview issues at a sample input, in words; undefined when there is none. */
export const useSampleIssue = (field: string): string | undefined => {
  const describe = useDescribeIssue();
  const found = useContext(PreviewIssuesContext).byField.get(field);
  return found?.length ? found.map(describe).join(' ') : undefined;
};

/** True when a sample input or any input under it (`member:2:`) has an issue. */
export const useHasSampleIssue = (prefix: string): boolean => {
  const { byField } = useContext(PreviewIssuesContext);
  return [...byField.keys()].some((k) => k === prefix || k.startsWith(prefix));
};

export const useOtherPreviewIssues = (): readonly SchemeIssue[] => useContext(PreviewIssuesContext).other;
