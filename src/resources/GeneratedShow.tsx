import EditIcon from '@mui/icons-material/Edit';
import { Box, Card, CardContent, Chip, Divider, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  Button,
  Link,
  Show,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import type { DocRecord, DocumentDefinition } from '../domain/definition';
import { useText } from '../app/i18n/i18nProvider';
import { RecordFacts } from '../approvals/ApprovalFacts';
import { WorkflowButtons } from '../approvals/WorkflowButtons';
import { PrintButtons } from '../print/PrintButtons';
import { ApprovalHistory } from './ApprovalHistory';
import { AuditTimeline } from './AuditTimeline';
import { ShowEntry } from './fieldRenderers';
import { LinesTable } from './LinesTable';

/**
 * Edit link that re-checks access whenever the record's status or version changes (react-admin's
 * EditButton caches the answer per record id, which goes stale after a workflow action).
 */
export function RecordEditButton() {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({
    resource,
    action: 'edit',
    record,
    meta: { status: record?.status, version: record?.version },
  });
  if (!record || !canAccess) return null;
  return (
    <Button
      component={Link}
      to={createPath({ resource, type: 'edit', id: record.id })}
      label="ra.action.edit"
      onClick={(e: { stopPropagation: () => void }) => e.stopPropagation()}
    >
      <EditIcon />
    </Button>
  );
}

/** Past its deadline now (e.g. a sample loan not back in time, 6.11.2): flagged on the page. */
function OverdueFlag({ def }: { def: DocumentDefinition }) {
  const record = useRecordContext();
  const text = useText();
  if (!record || !def.overdue?.(record as unknown as DocRecord, new Date())) return null;
  return <Chip color="error" size="small" label={text(OVERDUE)} data-testid="overdue-flag" />;
}
const OVERDUE = { zh: '已逾期', en: 'Overdue' };

export const ShowToolbar = ({ def }: { def: DocumentDefinition }) => (
  <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
    <OverdueFlag def={def} />
    {def.workflow && <WorkflowButtons />}
    <PrintButtons />
    {def.access.edit !== 'all' && def.access.edit.length === 0 ? null : <RecordEditButton />}
  </TopToolbar>
);

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      <Divider sx={{ mb: 1 }} />
      {children}
    </Box>
  );
}

export const FieldGrid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', columnGap: 3, rowGap: 1 }}>
    {children}
  </Box>
);

/** Every non-secret field, then the lines tables, the approvals and the audit timeline. */
export function GeneratedShowBody({
  def,
  fields,
  history = true,
  children,
}: {
  def: DocumentDefinition;
  fields?: readonly string[];
  history?: boolean;
  children?: ReactNode;
}) {
  const translate = useTranslate();
  const names = fields ?? Object.keys(def.fields);
  const scalar = names.filter((n) => def.fields[n] && def.fields[n].type !== 'lines' && !def.fields[n].secret);
  const linesFields = names.filter((n) => def.fields[n]?.type === 'lines');
  return (
    <CardContent>
      {def.workflow && <RecordFacts />}
      <FieldGrid>
        {/* a time that has not happened yet is left out, not shown as an empty label */}
        {[...scalar, 'createdAt', 'updatedAt'].map((n) => (
          <ShowEntry key={n} def={def} name={n} />
        ))}
      </FieldGrid>
      {linesFields.map((n) => (
        <Section key={n} title={translate(`resources.${def.resource}.fields.${n}`)}>
          <LinesTable def={def} source={n} />
        </Section>
      ))}
      {def.workflow && (
        <Section title={translate('app.approvals.title')}>
          <ApprovalHistory />
        </Section>
      )}
      {children}
      {history && (
        <Section title={translate('app.history.title')}>
          <AuditTimeline />
        </Section>
      )}
    </CardContent>
  );
}

export const GeneratedShow = ({ def }: { def: DocumentDefinition }) => (
  <Show actions={<ShowToolbar def={def} />} component={Card}>
    <GeneratedShowBody def={def} />
  </Show>
);
