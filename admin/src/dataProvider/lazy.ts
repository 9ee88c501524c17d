import type { AppDataProvider } from './index';

type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * The data provider, loaded on its first call: Apollo, graphql-js and the bundled schema are not needed
 * to show the sign-in page (login goes through a plain fetch). Every method of the real provider is an
 * async function, so a property read returns a function that loads, then delegates.
 */
export const lazyDataProvider = (load: () => Promise<AppDataProvider>): AppDataProvider => {
  let provider: Promise<AppDataProvider> | undefined;
  const real = (): Promise<AppDataProvider> => (provider ??= load());
  return new Proxy({} as AppDataProvider, {
    get(_target, property) {
      // Not a thenable, and no abort-signal support announced before the provider says so.
      if (typeof property !== 'string' || property === 'then' || property === 'supportAbortSignal') return undefined;
      return async (...args: unknown[]) => {
        const target = (await real()) as unknown as Record<string, unknown>;
        const method = target[property];
        if (typeof method !== 'function') throw new Error(`The data provider has no method ${property}`);
        return (method as Method).apply(target, args);
      };
    },
  });
};
