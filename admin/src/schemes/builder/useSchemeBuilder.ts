import { useCallback, useEffect, useMemo, useState } from 'react';
import { HttpError, useDataProvider, useGetOne, useNotify } from 'react-admin';
import { fieldDetails, type ApiErrorBody } from '../../dataProvider/graphqlErrors';
import type { AppDataProvider, SchemeIssue } from '../../dataProvider';
import { cleanDocument } from '../clean';
import { asSchemeDocument, type SchemeDocument } from '../document';
import type { SchemeRecord } from '../types';
import { useValidation } from './useValidation';

/** The document a builder opens: the draft, or (editing a published scheme starts a draft) the latest version. */
export const baseDocument = (record: SchemeRecord | undefined): SchemeDocument | null =>
  asSchemeDocument(record?.draft?.json) ?? asSchemeDocument(record?.latestVersion?.document?.json);

/** A save's VALIDATION_FAILED details (field = document path, rule = issue code) as issues beside the fields. */
const issuesOf = (error: unknown): SchemeIssue[] => {
  if (!(error instanceof HttpError)) return [];
  const body = error.body as Partial<ApiErrorBody> | undefined;
  return (body?.graphQLErrors ?? []).flatMap(fieldDetails).map((d) => ({ path: d.field.replace(/^document\./, ''), code: d.rule ?? body?.code ?? 'VALIDATION_FAILED', message: d.message }));
};

/**
 * The notification of a failed save or publish: a rejected document is described by the issues listed
 * beside its fields, never by the server's English summary of paths and codes.
 */
const messageOf = (error: unknown): string => {
  const code = error instanceof HttpError ? (error.body as Partial<ApiErrorBody> | undefined)?.code : undefined;
  if (code === 'VALIDATION_FAILED') return 'app.builder.save_invalid';
  return error instanceof Error ? error.message : 'ra.notification.http_error';
};

/** Save issues the live check does not already show (the same path and rule), so nothing is listed twice. */
const mergeIssues = (live: readonly SchemeIssue[], saved: readonly SchemeIssue[]): SchemeIssue[] => [
  ...saved.filter((s) => !live.some((l) => l.path === s.path && l.code === s.code)),
  ...live,
];

/**
 * The builder's state: the JSON document in React state, the record's version for optimistic locking,
 * live server issues, and the workflow actions (save draft, publish, discard).
 */
export const useSchemeBuilder = (id: string) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  // Always refetched on opening: the version read here is the optimistic lock of the next save.
  const { data: record, isPending, isFetching, error, refetch } = useGetOne<SchemeRecord>('schemes', { id }, { refetchOnMount: 'always' });
  const [doc, setDoc] = useState<SchemeDocument | null>(null);
  const [saved, setSaved] = useState<string>('');
  const [version, setVersion] = useState<number | null>(null);
  const [saveIssues, setSaveIssues] = useState<SchemeIssue[]>([]);
  const [busy, setBusy] = useState(false);

  const load = useCallback((next: SchemeRecord | undefined) => {
    const base = baseDocument(next);
    setDoc(base);
    setSaved(base ? JSON.stringify(base) : '');
    setVersion(next?.version ?? null);
    setSaveIssues([]);
  }, []);

  useEffect(() => {
    if (record && !isFetching && doc === null) load(record);
  }, [record, isFetching, doc, load]);

  const { issues: liveIssues, checking } = useValidation(doc);
  const issues = useMemo(() => mergeIssues(liveIssues, saveIssues), [saveIssues, liveIssues]);
  const dirty = doc !== null && JSON.stringify(doc) !== saved;
  const hasDraft = Boolean(record?.draft);

  const change = useCallback((next: SchemeDocument) => {
    setDoc(next);
    setSaveIssues([]);
  }, []);

  const saveDraft = async (): Promise<number | null> => {
    if (!doc || version === null) return null;
    const cleaned = cleanDocument(doc);
    try {
      const result = await dataProvider.saveSchemeDraft(id, version, cleaned);
      setVersion(result.version);
      setSaved(JSON.stringify(doc));
      setSaveIssues([]);
      return result.version;
    } catch (e) {
      setSaveIssues(issuesOf(e));
      notify(messageOf(e), { type: 'error' });
      return null;
    }
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      if ((await saveDraft()) !== null) {
        notify('app.builder.saved', { type: 'success' });
        await refetch();
      }
    });

  /** Saves unsaved changes (or starts the draft) first, then freezes it as the next version. */
  const publish = (): Promise<number | null> =>
    new Promise((resolve) => {
      void run(async () => {
        const current = dirty || !hasDraft ? await saveDraft() : version;
        if (current === null) return resolve(null);
        try {
          const published = await dataProvider.publishScheme(id, current);
          notify('app.builder.published', { type: 'success', messageArgs: { number: published.number } });
          load((await refetch()).data);
          resolve(published.number);
        } catch (e) {
          setSaveIssues(issuesOf(e));
          notify(messageOf(e), { type: 'error' });
          resolve(null);
        }
      });
    });

  const discard = () =>
    run(async () => {
      if (version === null) return;
      try {
        await dataProvider.discardSchemeDraft(id, version);
        notify('app.builder.discarded', { type: 'info' });
        load((await refetch()).data);
      } catch (e) {
        notify(messageOf(e), { type: 'error' });
      }
    });

  return { record, isPending: isPending || (doc === null && isFetching), error, doc, change, dirty, hasDraft, issues, checking, busy, save, publish, discard, replace: change };
};
