import { CssBaseline } from '@mui/material';
import { type ReactNode, Suspense } from 'react';
import { AdminContext, CoreAdminUI, Error as ErrorPage, LoadingPage, Login, Notification, useTranslate } from 'react-admin';
import { isRole } from './auth/roles';
import { authProvider } from './authProvider';
import { lazyDataProvider } from './dataProvider/lazy';
import { i18nProvider } from './i18n';
import { lazyView } from './common/lazyView';
import { ConsoleDefaults } from './layout/ConsoleDefaults';
import { RouteMarker } from './layout/RouteMarker';
import { AccessDeniedPage, NotFoundPage } from './layout/StatusPages';
import { resourcesFor } from './resources';
import { store } from './store';

const dataProvider = lazyDataProvider(async () => (await import('./dataProvider')).createDataProvider());

// The signed-in frame (app bar, menu) and the dashboard load after the sign-in page has shown.
const LazyLayout = lazyView(() => import('./layout/Layout'), 'Layout');
const Layout = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<LoadingPage />}>
    <LazyLayout>{children}</LazyLayout>
  </Suspense>
);
const Dashboard = lazyView(() => import('./dashboard/Dashboard'), 'Dashboard');

const AppTitle = () => <>{useTranslate()('app.title')}</>;

/**
 * react-admin's <Admin>, composed from its parts so that the sign-in page does not carry the whole
 * console: AdminContext (data, auth, i18n, theme) and CoreAdminUI with our pages.
 */
export const App = () => (
  <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} store={store}>
    <ConsoleDefaults>
      <CssBaseline enableColorScheme />
      <RouteMarker />
      <CoreAdminUI
        title={<AppTitle />}
        layout={Layout}
        dashboard={Dashboard}
        loginPage={Login}
        loading={LoadingPage}
        catchAll={NotFoundPage}
        accessDenied={AccessDeniedPage}
        error={ErrorPage}
        requireAuth
        disableTelemetry
      >
        {(permissions: unknown) => resourcesFor(Array.isArray(permissions) ? permissions.filter(isRole) : [])}
      </CoreAdminUI>
      <Notification />
    </ConsoleDefaults>
  </AdminContext>
);
