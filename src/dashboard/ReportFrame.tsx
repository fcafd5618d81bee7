import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useCanAccess, useTranslate } from 'react-admin';

/** Reports are for the people who run the meetings and manage (access.ts PAGES.reports). */
export function ReportGuard({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'reports', action: 'list' });
  if (isPending) return <Loading />;
  if (!canAccess) {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title={title} />
        <Alert severity="warning" role="alert">
          {translate('app.reports.notAllowed')}
        </Alert>
      </Box>
    );
  }
  return <>{children}</>;
}

export function Loading({ label }: { label?: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 2 }} role="status">
      <CircularProgress size={20} />
      <Typography variant="body2" color="text.secondary">
        {label ?? translate('app.reports.loading')}
      </Typography>
    </Box>
  );
}

/** Loading / error / the report. */
export function ReportState<T>({
  data,
  error,
  isPending,
  children,
}: {
  data: T | undefined;
  error: Error | null;
  isPending: boolean;
  children: (data: T) => ReactNode;
}) {
  const translate = useTranslate();
  if (error) return <Alert severity="error">{translate('app.reports.loadFailed', { message: error.message })}</Alert>;
  if (isPending || data === undefined) return <Loading />;
  return <>{children(data)}</>;
}

/** Page heading: the title (also in the app bar), a subtitle, and the page's controls. */
export function ReportHeader({
  title,
  subtitle,
  counts,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  /** what the report counts, said on the page (issue 18) */ counts?: string;
  children?: ReactNode;
}) {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mt: 2, mb: 1 }}>
      <Title title={title} />
      <Box sx={{ flex: '1 1 auto' }}>
        <Typography variant="h5" component="h1">
          {title}
        </Typography>
        {subtitle ? (
          <Typography variant="body2" color="text.secondary">
            {subtitle}
          </Typography>
        ) : null}
        {counts ? (
          <Typography variant="caption" color="text.secondary" component="p" data-testid="report-counts" sx={{ m: 0 }}>
            {counts}
          </Typography>
        ) : null}
      </Box>
      <Box className="bp-report-noprint" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        {children}
      </Box>
    </Box>
  );
}
