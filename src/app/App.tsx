import { CircularProgress } from '@mui/material';
import { useCallback, useMemo } from 'react';
import { Admin, CustomRoutes, Resource, type AdminProps, type Store } from 'react-admin';
import { Route } from 'react-router-dom';
import {
  ComplaintTrendsRoute,
  HomeDashboard,
  MorningMeetingRoute,
  QueuesRoute,
  ReportsApiProvider,
  TrendsRoute,
} from '../dashboard';
import { PAGES } from '../resources/pages';
import { createAuthProvider } from './authProvider';
import { createDataProvider } from './dataProvider';
import { AppLoading } from './AppLoading';
import { DeskLoginPage } from './DeskLoginPage';
import { loadDomain, loadedDomain, type Domain } from './domain';
import { createI18nProvider } from './i18n/i18nProvider';
import { BaoyiLayout } from './Layout';
import { browserPreferences } from './preferences';
import { DEFAULT_API_URL } from './session';
import { lazyPage } from './lazyPage';
import { theme } from './theme';

/** The print view (forms, react-to-print, print.css) is a chunk of its own. */
const PrintView = lazyPage(
  PAGES.printView,
  (m) => m.PrintView,
  () => <CircularProgress sx={{ m: 4 }} />,
);

const resourcesOf = (domain: Domain) => domain.RESOURCES.map((r) => <Resource key={r.name} {...r} />);

export interface AppProps {
  /** the API base (default '/api') */
  apiUrl?: string;
  /** react-admin's store (preferences, locale); tests pass memoryStore() */
  store?: Store;
  /** another login page (the training desk's lists its demo users); the branch desk's by default */
  loginPage?: AdminProps['loginPage'];
}

/** 寶億客服台: the Customer Service Center back office. */
export function App({ apiUrl = DEFAULT_API_URL, store, loginPage }: AppProps) {
  const i18nProvider = useMemo(() => createI18nProvider(), []);
  const preferences = useMemo(() => store ?? browserPreferences(), [store]);
  const providers = useMemo(() => {
    const getLocale = () => i18nProvider.getLocale();
    return {
      dataProvider: createDataProvider({ apiUrl, getLocale }),
      authProvider: createAuthProvider({ apiUrl, getLocale }),
    };
  }, [apiUrl, i18nProvider]);

  /**
   * The <Resource>s come from the definitions, which are loaded on demand (./domain.ts): react-admin
   * waits for this function (on its loading page) before it renders the layout. A logged-out
   * visitor (no permissions) gets none, so the login page does not wait for the definitions. Once
   * loaded (a locale switch re-renders everything), the answer is immediate.
   */
  const resources = useCallback(
    (permissions: unknown) => {
      if (permissions == null) return null;
      const loaded = loadedDomain();
      if (loaded && i18nProvider.hasResourceMessages(loaded.definitionMessages)) return resourcesOf(loaded);
      return loadDomain().then(
        async (domain) => {
          await i18nProvider.addResourceMessages(domain.definitionMessages);
          return resourcesOf(domain);
        },
        // the download failed: the loading page says so (AppLoading) and stays
        () => new Promise<never>(() => undefined),
      );
    },
    [i18nProvider],
  );

  // the same children on every render: react-admin re-resolves the resources when they change
  const children = useMemo(
    () => [
      resources,
      <CustomRoutes key="print" noLayout>
        <Route path="/print/:form/:ids" element={<PrintView />} />
      </CustomRoutes>,
      // reports (issue 5): lazy pages, charts in their own chunks
      <CustomRoutes key="reports">
        <Route path="/reports/morning" element={<MorningMeetingRoute />} />
        <Route path="/reports/trends" element={<TrendsRoute />} />
        <Route path="/reports/complaints" element={<ComplaintTrendsRoute />} />
        <Route path="/reports/queues" element={<QueuesRoute />} />
      </CustomRoutes>,
    ],
    [resources],
  );

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
        loading={AppLoading}
        store={preferences}
        loginPage={loginPage ?? DeskLoginPage}
        requireAuth
        disableTelemetry
      >
        {children}
      </Admin>
    </ReportsApiProvider>
  );
}
