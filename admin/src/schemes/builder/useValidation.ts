import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider, SchemeIssue } from '../../dataProvider';
import { cleanDocument } from '../clean';
import type { SchemeDocument } from '../document';
import { useDebounced } from './useDebounced';

/** The server's validateScheme issues for the document, re-checked 400 ms after the last change. */
export const useValidation = (doc: SchemeDocument | null): { issues: SchemeIssue[]; checking: boolean } => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const settled = useDebounced(doc, 400);
  const [issues, setIssues] = useState<SchemeIssue[]>([]);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    if (!settled) return undefined;
    let live = true;
    setChecking(true);
    dataProvider
      .validateScheme(cleanDocument(settled))
      .then((result) => live && setIssues(result.issues))
      .catch(() => live && setIssues([]))
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [dataProvider, settled]);
  return { issues, checking };
};
