import { useEffect, useMemo, useState } from 'react';
import { useDataProvider, useLocaleState } from 'react-admin';
import type { AppDataProvider, SchemePreview } from '../../dataProvider';
import { cleanDocument } from '../clean';
import type { SchemeDocument } from '../document';
import { previewInput, type Samples } from './sampleInput';
import { useDebounced } from './useDebounced';

/** previewScheme over the unsaved document, the sample scores and the sample group, debounced; the explanation in the console's language. */
export const usePreview = (doc: SchemeDocument, samples: Samples) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [locale] = useLocaleState();
  // Memoised so the debounced value changes only when the inputs do, not on every render.
  const input = useMemo(() => ({ doc, samples, locale }), [doc, samples, locale]);
  const settled = useDebounced(input, 400);
  const [preview, setPreview] = useState<SchemePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    dataProvider
      .previewScheme({ document: cleanDocument(settled.doc), ...previewInput(settled.doc, settled.samples) }, settled.locale === 'zh' ? 'zh' : 'en')
      .then((result) => {
        if (!live) return;
        setPreview(result);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : 'ra.notification.http_error'))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [dataProvider, settled]);
  return { preview, error, loading };
};

export type PreviewState = ReturnType<typeof usePreview>;
