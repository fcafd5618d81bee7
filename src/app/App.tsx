import { useMemo } from 'react';
import { Admin, CustomRoutes, Resource, type Store } from 'react-admin';
import { Route } from 'react-router-dom';
import { PrintView } from '../print/PrintView';
import { RESOURCES } from '../resources';
import { createAuthProvider } from './authProvider';
import { Dashboard } from './Dashboard';
import { createDataProvider } from './dataProvider';
import { createI18nProvider } from './i18n/i18nProvider';
import { BaoyiLayout } from './Layout';
import { DEFAULT_API_URL } from './session';
import { theme } from './theme';

export interface AppProps {
  /** the API base (default '/api') */
  apiUrl?: string;
  /** react-admin's store (preferences, locale); tests pass memoryStore() */
  store?: Store;
}

/** 寶億客服台: the Customer Service Center back office. */
export function App({ apiUrl = DEFAULT_API_URL, store }: AppProps) {
  const i18nProvider = useMemo(() => createI18nProvider(), []);
  const providers = useMemo(() => {
    const getLocale = () => i18nProvider.getLocale();
    return { dataProvider: createDataProvider({ apiUrl, getLocale }), authProvider: createAuthProvider({ apiUrl, getLocale }) };
  }, [apiUrl, i18nProvider]);

  return (
    <Admin
      title="寶億客服台"
      dataProvider={providers.dataProvider}
      authProvider={providers.authProvider}
      i18nProvider={i18nProvider}
      theme={theme}
      layout={BaoyiLayout}
      dashboard={Dashboard}
      store={store}
      requireAuth
      disableTelemetry
    >
      {RESOURCES.map((r) => (
        <Resource key={r.name} {...r} />
      ))}
      <CustomRoutes noLayout>
        <Route path="/print/:form/:ids" element={<PrintView />} />
      </CustomRoutes>
    </Admin>
  );
}
