import { type ReactNode, useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router-dom';

/**
 * The console's hash router, created once, with navigations as urgent updates.
 *
 * react-admin would create its own router, and React Router 7 runs every navigation inside
 * `startTransition`. When a signed-out visitor opens any page, react-admin's LogoutOnMount navigates
 * to /login and clears the query cache right after: the cache clear is an urgent update that
 * re-renders the old route before the transition to /login can commit, which mounts LogoutOnMount
 * again, which navigates and clears again... The login form only appeared once React expired the
 * starved transition, 14–20 s later (thousands of remounts of react-admin's loading div).
 * Without transitions the navigation commits in the same pass as the cache clear.
 */
export const AppRouter = ({ children }: { children: ReactNode }) => {
  const [router] = useState(() => createHashRouter([{ path: '*', element: children }]));
  return <RouterProvider router={router} useTransitions={false} />;
};
