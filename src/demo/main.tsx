import { createTheme, ThemeProvider } from '@mui/material';
import { App } from '../app/App';
import { startApp } from '../app/start';
import { theme } from '../app/theme';
import { DemoBanner } from './DemoBanner';
import { DemoLoginPage } from './DemoLoginPage';
import { DemoUnavailable } from './DemoUnavailable';
import { startDemoApi } from './worker';

/**
 * The training desk's entry (vite.demo.config.ts puts it in index.html instead of src/main.tsx):
 * the same app, its /api answered in the browser (./worker.ts), with the training banner on every
 * page and a login page that lists the demo users.
 */
/** the app's theme, for what the desk shows outside react-admin (the banner, the start failure) */
const bannerTheme = createTheme(theme);

// the app starts once the worker answers /api (react-admin asks /auth/me at once)
void startDemoApi().then(
  () =>
    startApp(
      <>
        <App loginPage={DemoLoginPage} />
        <ThemeProvider theme={bannerTheme}>
          <DemoBanner />
        </ThemeProvider>
      </>,
    ),
  // no service worker (a file:// page, plain http off localhost, a browser that forbids them): say so
  (e: unknown) =>
    startApp(
      <ThemeProvider theme={bannerTheme}>
        <DemoUnavailable error={e} />
      </ThemeProvider>,
    ),
);
