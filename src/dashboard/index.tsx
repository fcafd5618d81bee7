import type { ComponentType } from 'react';
import { useTranslate } from 'react-admin';
import { chunk } from '../app/chunk';
import { lazyPage } from '../app/lazyPage';
import { Loading, ReportGuard } from './ReportFrame';

/**
 * The report pages (issue 5), for App.tsx's routes. Each page — and the charts inside it
 * (recharts) — is a separate chunk loaded on first visit: none of it is in the first bundle.
 * A role that may not read reports gets the not-allowed message without loading the page.
 */
export { ReportsMenu } from './ReportsMenu';
export { ReportsApiProvider } from './useReport';

/**
 * The home page (今日工作 and the queues) is a chunk too: its inbox needs the definitions (status
 * colours, workflow steps) and the Shanghai calendar. main.tsx prefetches it for a logged-in
 * start on the home page (src/app/prefetch.ts).
 */
const HOME_DASHBOARD = chunk(() => import('./HomeDashboard'));
export const loadHomeDashboard = HOME_DASHBOARD.load;
export const HomeDashboard = lazyPage(HOME_DASHBOARD, (m) => m.HomeDashboard);

function guarded(titleKey: string, importer: () => Promise<{ default: ComponentType }>) {
  const Page = lazyPage(chunk(importer), (m) => m.default, Loading);
  function ReportRoute() {
    const translate = useTranslate();
    return (
      <ReportGuard title={translate(titleKey)}>
        <Page />
      </ReportGuard>
    );
  }
  return ReportRoute;
}

export const MorningMeetingRoute = guarded('app.reports.morning.title', () => import('./pages/MorningMeetingPage'));
export const TrendsRoute = guarded('app.reports.trends.title', () => import('./pages/TrendsPage'));
export const ComplaintTrendsRoute = guarded(
  'app.reports.complaints.title',
  () => import('./pages/ComplaintTrendsPage'),
);
export const QueuesRoute = guarded('app.reports.queues.title', () => import('./pages/QueuesPage'));
