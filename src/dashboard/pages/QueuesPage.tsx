import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatShanghai } from '../../resources/fieldRenderers';
import { byRole, QueueFigures, useRoleColumns } from '../QueueSummary';
import { ReportHeader, ReportState } from '../ReportFrame';
import { CsvButton, ReportTable } from '../ReportTable';
import { useReport } from '../useReport';

/** 待办队列: what waits on whom right now (refreshed every minute). */
export default function QueuesPage() {
  const translate = useTranslate();
  const { data, error, isPending, dataUpdatedAt } = useReport('queues', {}, { refetchInterval: 60_000 });
  const at = new Date(dataUpdatedAt || Date.now());
  const columns = useRoleColumns();
  const roles = data ? byRole(data) : [];
  const title = translate('app.reports.queues.title');
  return (
    <Box className="bp-report-sheet" data-testid="queues">
      <ReportHeader
        title={title}
        counts={translate('app.desk.countsQueues')}
        subtitle={data ? translate('app.reports.queues.asOf', { time: formatShanghai(at.toISOString()) }) : undefined}
      >
        {data ? (
          <CsvButton
            columns={columns}
            rows={roles}
            filename={`${title}-${formatShanghai(at.toISOString()).replace(/[ :]/g, '')}`}
          />
        ) : null}
      </ReportHeader>
      <ReportState data={data} error={error} isPending={isPending}>
        {(q) => (
          <>
            <Card variant="outlined">
              <CardContent>
                <QueueFigures data={q} at={at} />
              </CardContent>
            </Card>
            <Card variant="outlined" sx={{ mt: 2 }}>
              <CardContent sx={{ pb: 0 }}>
                <Typography variant="subtitle1" component="h2">
                  {translate('app.reports.queues.pendingByRole')}
                </Typography>
              </CardContent>
              <ReportTable
                label={translate('app.reports.queues.pendingByRole')}
                testId="queues-by-role"
                columns={columns}
                rows={roles}
                rowKey={(r) => r.role}
              />
            </Card>
          </>
        )}
      </ReportState>
    </Box>
  );
}
