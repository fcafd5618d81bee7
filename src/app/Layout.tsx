import { Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import {
  AppBar,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  TitlePortal,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { ReportsMenu } from '../dashboard/ReportsMenu';
import { BaoyiMenu } from './Menu';
import { prefetchWhenIdle } from './prefetch';

/** App bar: the product name, the page title, the 中文 / English switch. */
function BaoyiAppBar() {
  const translate = useTranslate();
  return (
    <AppBar
      toolbar={
        <>
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    >
      <Typography variant="h6" component="span" sx={{ mr: 2, whiteSpace: 'nowrap', fontWeight: 600 }}>
        {translate('app.title')}
      </Typography>
      <TitlePortal />
    </AppBar>
  );
}

/** The menu with the 报表 section under the home page (only for the roles that may read reports). */
function MenuWithReports() {
  return <BaoyiMenu afterHome={<ReportsMenu />} />;
}

export function BaoyiLayout({ children }: { children: ReactNode }) {
  const [locale] = useLocaleState();
  useEffect(prefetchWhenIdle, []);
  const translate = useTranslate();
  // the page language follows the UI (fonts, screen readers, the tab title)
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    document.title = translate('app.title');
  }, [locale, translate]);
  return (
    // the content may be narrower than what it holds: a wide table scrolls inside its card, the page never sideways
    <Layout appBar={BaoyiAppBar} menu={MenuWithReports} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}>
      {children}
    </Layout>
  );
}
