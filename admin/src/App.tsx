import { Admin, CustomRoutes } from 'react-admin';
import { Route } from 'react-router-dom';
import { isOrgManager, isRole } from './auth/roles';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { createDataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { ImportPage } from './import';
import { Layout } from './layout/Layout';
import { resourcesFor } from './resources';

const dataProvider = createDataProvider();

export const App = () => (
  <Admin
    title="app.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    {(permissions: unknown) => {
      const roles = Array.isArray(permissions) ? permissions.filter(isRole) : [];
      return [
        ...resourcesFor(roles),
        isOrgManager(roles) ? (
          <CustomRoutes key="import">
            <Route path="/import" element={<ImportPage />} />
          </CustomRoutes>
        ) : null,
      ];
    }}
  </Admin>
);
