import { useMemo } from 'react';
import { Admin, CustomRoutes, Resource, type Store } from 'react-admin';
import { Route } from 'react-router-dom';
import { ComplaintTrendsRoute, HomeDashboard, MorningMeetingRoute, QueuesRoute, ReportsApiProvider, TrendsRoute } from '../dashboard';
import { PrintView } from '../print/PrintView';
import { RESOURCES } from '../resources';
import { createAuthProvider } from './authProvider';
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
    <ReportsApiProvider apiUrl={apiUrl}>
      <Admin
        title="寶億客服台"
        dataProvider={providers.dataProvider}
        authProvider={providers.authProvider}
        i18nProvider={i18nProvider}
        theme={theme}
        layout={BaoyiLayout}
        dashboard={HomeDashboard}
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
        {/* reports (issue 5): lazy pages, charts in their own chunks */}
        <CustomRoutes>
          <Route path="/reports/morning" element={<MorningMeetingRoute />} />
          <Route path="/reports/trends" element={<TrendsRoute />} />
          <Route path="/reports/complaints" element={<ComplaintTrendsRoute />} />
          <Route path="/reports/queues" element={<QueuesRoute />} />
        </CustomRoutes>
      </Admin>
    </ReportsApiProvider>
  );
}
