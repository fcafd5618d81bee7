import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { useText } from '../app/i18n/i18nProvider';
import type { Approval } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import { ROLES } from '../domain/roles';
import { StatusChip, formatShanghai } from './fieldRenderers';

/** The record's `approvals`: step, role, who, when, decision, comment. Comments are plain text. */
export function ApprovalHistory() {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const text = useText();
  const def = getDefinition(resource);
  const approvals = (Array.isArray(record?.approvals) ? record.approvals : []) as Approval[];
  if (!def) return null;
  if (approvals.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.approvals.empty')}
      </Typography>
    );
  return (
    <Table size="small" aria-label={translate('app.approvals.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.approvals.step')}</TableCell>
          <TableCell>{translate('app.approvals.action')}</TableCell>
          <TableCell>{translate('app.approvals.role')}</TableCell>
          <TableCell>{translate('app.approvals.by')}</TableCell>
          <TableCell>{translate('app.approvals.at')}</TableCell>
          <TableCell>{translate('app.approvals.decision')}</TableCell>
          <TableCell>{translate('app.approvals.comment')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {approvals.map((a, i) => (
          <TableRow key={i}>
            <TableCell>
              <StatusChip def={def} status={a.step} />
            </TableCell>
            <TableCell>{translate(`resources.${resource}.actions.${a.action}`, { _: a.action })}</TableCell>
            <TableCell>{text(ROLES[a.role]) || a.role}</TableCell>
            <TableCell>{a.byName}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatShanghai(a.at)}</TableCell>
            <TableCell>{translate(`app.approvals.decisions.${a.decision}`, { _: a.decision })}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{a.comment ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
