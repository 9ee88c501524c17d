import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider, useLocaleState } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import type { CycleSummary, LocalText } from '../dataProvider/cycleApi';

/** The console's data provider with the cycle operations (loaded with the provider on first use). */
export const useCycleApi = (): AppDataProvider => useDataProvider<AppDataProvider>();

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when the keys change (and on reload), keeping the last answer while a new one comes. */
export function useLoad<T>(load: (api: AppDataProvider) => Promise<T>, keys: readonly unknown[]): Loaded<T> {
  const api = useCycleApi();
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current(api).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [api, tick, ...keys]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** A text in the console language (English when the Chinese is empty). */
export const localText = (text: LocalText | null | undefined, locale: string): string => (locale === 'zh' ? text?.zh || text?.en : text?.en || text?.zh) ?? '';

export const useLocale = (): string => useLocaleState()[0];

/** The last day raters may submit in: the rating phase's close. */
export const ratingDeadline = (cycle: Pick<CycleSummary, 'phases'>): string | undefined => cycle.phases.find((p) => p.phase === 'RATING')?.closes;
