import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslate } from 'react-admin';
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
export const loadHomeDashboard = () => import('./HomeDashboard');
export const HomeDashboard = lazy(() => loadHomeDashboard().then((m) => ({ default: m.HomeDashboard })));

function guarded(titleKey: string, Page: LazyExoticComponent<ComponentType>) {
  function ReportRoute() {
    const translate = useTranslate();
    return (
      <ReportGuard title={translate(titleKey)}>
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </ReportGuard>
    );
  }
  return ReportRoute;
}

export const MorningMeetingRoute = guarded('app.reports.morning.title', lazy(() => import('./pages/MorningMeetingPage')));
export const TrendsRoute = guarded('app.reports.trends.title', lazy(() => import('./pages/TrendsPage')));
export const ComplaintTrendsRoute = guarded('app.reports.complaints.title', lazy(() => import('./pages/ComplaintTrendsPage')));
export const QueuesRoute = guarded('app.reports.queues.title', lazy(() => import('./pages/QueuesPage')));
