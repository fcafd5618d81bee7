import { Box, Button, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { Link, useCanAccess, useTranslate } from 'react-admin';
import { Dashboard } from '../app/Dashboard';
import { QueueFigures } from './QueueSummary';
import { REPORT_PAGES } from './ReportsMenu';
import { Loading } from './ReportFrame';
import { useReport } from './useReport';

/** The compact "queues at a glance" card (no charts: nothing heavy on the home page). */
export function QueuesCard() {
  const translate = useTranslate();
  const { data, error, dataUpdatedAt } = useReport('queues', {}, { refetchInterval: 60_000 });
  // documents, each once — not role rows (a document waiting on two roles is one document)
  const pending = data?.pendingDocuments ?? 0;
  return (
    <Card data-testid="home-queues">
      <CardHeader title={translate('app.reports.queues.compactTitle')} />
      <CardContent>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 2 }}>
          {REPORT_PAGES.map((p) => (
            <Button key={p.key} component={Link} to={p.path} size="small" variant="outlined" startIcon={p.icon}>
              {translate(`app.reports.${p.key}.title`)}
            </Button>
          ))}
        </Box>
        {error ? (
          <Typography color="text.secondary">
            {translate('app.reports.loadFailed', { message: error.message })}
          </Typography>
        ) : data ? (
          <QueueFigures
            data={data}
            at={new Date(dataUpdatedAt || Date.now())}
            extra={
              <Box sx={{ minWidth: 150 }}>
                <Typography variant="caption" color="text.secondary" component="div">
                  {translate('app.reports.queues.pendingTotal')}
                </Typography>
                <Typography variant="h5" component="div">
                  <Link to="/reports/queues" color="inherit">
                    {pending}
                  </Link>
                </Typography>
              </Box>
            }
          />
        ) : (
          <Loading />
        )}
      </CardContent>
    </Card>
  );
}

/** 今日工作 (src/app/Dashboard.tsx), plus the queues at a glance for the roles that may read reports. */
export function HomeDashboard() {
  const { canAccess } = useCanAccess({ resource: 'reports', action: 'list' });
  return (
    <>
      <Dashboard />
      {canAccess ? (
        <Box sx={{ mt: 2 }}>
          <QueuesCard />
        </Box>
      ) : null}
    </>
  );
}
