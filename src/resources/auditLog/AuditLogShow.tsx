import { Card, Typography } from '@mui/material';
import { Labeled, Show, useRecordContext, useTranslate } from 'react-admin';
import { auditLog } from '../../domain/documents/auditLog';
import { GeneratedShowBody, Section } from '../GeneratedShow';

/** The changes of one audit entry, as plain text lines (field: before → after). */
function Changes() {
  const record = useRecordContext();
  const translate = useTranslate();
  const changes = record?.changes && typeof record.changes === 'object' ? (record.changes as Record<string, unknown>) : {};
  const resource = typeof record?.resource === 'string' ? record.resource : '';
  const v = (x: unknown) => (x === null || x === undefined ? '—' : typeof x === 'object' ? JSON.stringify(x) : String(x));
  const lines = Object.entries(changes).map(([k, c]) =>
    Array.isArray(c) && c.length === 2 && record?.action === 'update'
      ? `${translate(`resources.${resource}.fields.${k}`, { _: k })}: ${v(c[0])} → ${v(c[1])}`
      : `${translate(`resources.${resource}.fields.${k}`, { _: k })}: ${v(c)}`,
  );
  return (
    <Typography component="pre" variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontFamily: 'inherit', m: 0 }}>
      {lines.join('\n')}
    </Typography>
  );
}

export const AuditLogShow = () => {
  const translate = useTranslate();
  return (
    <Show component={Card} actions={false}>
      <GeneratedShowBody def={auditLog} history={false}>
        <Section title={translate('app.history.changes')}>
          <Labeled label={false}>
            <Changes />
          </Labeled>
        </Section>
      </GeneratedShowBody>
    </Show>
  );
};
