import { Card, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Labeled, Show, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useLocale } from '../../app/i18n/i18nProvider';
import { auditLog } from '../../domain/documents/auditLog';
import { getDefinition } from '../../domain/documents';
import { entryChanges, loadRefNames, type RefNames } from '../AuditTimeline';
import { GeneratedShowBody, Section } from '../GeneratedShow';

/** The changes of one audit entry in the UI's language: field labels, value labels, line by line — never stored keys. */
function Changes() {
  const record = useRecordContext();
  const locale = useLocale();
  const dataProvider = useDataProvider();
  const [names, setNames] = useState<RefNames | undefined>(undefined);
  const changes =
    record?.changes && typeof record.changes === 'object' ? (record.changes as Record<string, unknown>) : {};
  const resource = typeof record?.resource === 'string' ? record.resource : '';
  const def = getDefinition(resource);
  useEffect(() => {
    let live = true;
    loadRefNames(dataProvider, def, [{ changes }])
      .then((n) => live && setNames(n))
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // the entry's id is what changes (an audit entry never does)
  }, [dataProvider, record?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const text = entryChanges(def, String(record?.action ?? ''), changes, locale, names, true);
  return (
    <Typography
      component="pre"
      variant="body2"
      sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', m: 0 }}
    >
      {text.join('\n')}
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
