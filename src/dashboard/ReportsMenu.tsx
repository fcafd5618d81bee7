import AssessmentIcon from '@mui/icons-material/Assessment';
import InboxIcon from '@mui/icons-material/Inbox';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import ShowChartIcon from '@mui/icons-material/ShowChart';
import { ListSubheader } from '@mui/material';
import { Menu, useCanAccess, useSidebarState, useTranslate } from 'react-admin';

export const REPORT_PAGES = [
  { path: '/reports/morning', key: 'morning', icon: <AssessmentIcon /> },
  { path: '/reports/trends', key: 'trends', icon: <ShowChartIcon /> },
  { path: '/reports/complaints', key: 'complaints', icon: <ReportProblemIcon /> },
  { path: '/reports/queues', key: 'queues', icon: <InboxIcon /> },
] as const;

/**
 * The 报表 section of the menu (items for inside a <Menu>), only for the roles that may read
 * reports (access.ts) — right under the home page, where the team lead looks before the 8:00 meeting.
 */
export function ReportsMenu() {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { canAccess } = useCanAccess({ resource: 'reports', action: 'list' });
  if (!canAccess) return null;
  return (
    <>
      {open ? (
        <ListSubheader disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}>
          {translate('app.reports.menu')}
        </ListSubheader>
      ) : null}
      {REPORT_PAGES.map((p) => (
        <Menu.Item key={p.key} to={p.path} primaryText={translate(`app.reports.${p.key}.title`)} leftIcon={p.icon} />
      ))}
    </>
  );
}
