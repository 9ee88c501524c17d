import { type ComponentType, lazy, type LazyExoticComponent } from 'react';

/**
 * A page component loaded on first use, so the sign-in page does not wait for every screen of the console.
 * `lazyView(() => import('./DepartmentList'), 'DepartmentList')`; react-admin's Layout shows its loading
 * indicator (a Suspense boundary) while the chunk arrives.
 */
type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

export const lazyView = <M, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType<PropsOf<M[K]>>> =>
  lazy(async () => ({ default: (await load())[name] as ComponentType<PropsOf<M[K]>> }));
