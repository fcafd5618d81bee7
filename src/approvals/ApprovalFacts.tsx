import { Alert, Box, Chip, Skeleton, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import type { BaoyiDataProvider, FactsResult } from '../app/dataProvider';
import { useText } from '../app/i18n/i18nProvider';
import type { Fact } from '../domain/definition';
import { getDefinition } from '../domain/documents';

/**
 * What the approver needs beside the document, as the server's rules see it now (GET
 * /<res>/<id>/facts, src/domain/explain.ts): why it waits on whom, in words with the clause, and
 * the facts the rules used — credit limit, used, remaining and overrun (5.10.4), lines short of
 * stock (5.6.4), the margin against its band (6.4.3). On the show page and in the step dialogs.
 */

const TONE: Record<NonNullable<Fact['tone']>, 'success.main' | 'text.primary' | 'warning.dark' | 'error.main'> = {
  ok: 'success.main',
  info: 'text.primary',
  warning: 'warning.dark',
  error: 'error.main',
};

export function useFacts(resource: string, id: number | string | undefined, version?: unknown, status?: unknown) {
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  return useQuery<FactsResult>({
    queryKey: [resource, 'facts', String(id), version, status],
    queryFn: () => dataProvider.facts(resource, id!),
    enabled: id !== undefined && id !== null && id !== '',
    staleTime: 5_000,
  });
}

/** Facts as a small table: label, value (coloured by its tone), clause. */
export function FactsTable({ facts }: { facts: readonly Fact[] }) {
  const translate = useTranslate();
  const text = useText();
  return (
    <Table size="small" aria-label={translate('app.guide.facts.title')} sx={{ maxWidth: 760 }}>
      <TableBody>
        {facts.map((f) => (
          <TableRow key={f.key} data-testid={`fact-${f.key}`}>
            <TableCell sx={{ color: 'text.secondary', whiteSpace: 'nowrap', width: '1%', pl: 0 }}>
              {text(f.label)}
            </TableCell>
            <TableCell
              sx={{
                color: TONE[f.tone ?? 'info'],
                fontWeight: f.tone === 'error' || f.tone === 'warning' ? 600 : 400,
                fontVariantNumeric: 'tabular-nums',
              }}
            >
              {text(f.value)}
            </TableCell>
            <TableCell sx={{ width: '1%', pr: 0 }}>
              {f.rule ? <Chip size="small" variant="outlined" label={f.rule} /> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ApprovalFacts({
  resource,
  id,
  version,
  status,
  compact,
}: {
  resource: string;
  id: number | string | undefined;
  version?: unknown;
  status?: unknown;
  compact?: boolean;
}) {
  const translate = useTranslate();
  const text = useText();
  const { data, isPending, isError } = useFacts(resource, id, version, status);
  if (isError) return null;
  if (isPending) return <Skeleton variant="rectangular" height={compact ? 40 : 64} />;
  if (!data || (!data.waiting && data.facts.length === 0)) return null;
  return (
    <Box data-testid="approval-facts" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {data.waiting && (
        <Alert severity="info" variant="outlined" data-testid="waiting-reason" sx={{ py: 0 }}>
          <Typography variant="body2" component="span" sx={{ fontWeight: 600, mr: 1 }}>
            {translate('app.guide.facts.waiting')}
          </Typography>
          <Typography variant="body2" component="span">
            {text(data.waiting.reason)}
          </Typography>
        </Alert>
      )}
      {data.facts.length > 0 && <FactsTable facts={data.facts} />}
    </Box>
  );
}

/** The show page's panel: the record's facts, refreshed after every step (its version and status). */
export function RecordFacts() {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  if (!record || !getDefinition(resource)?.workflow) return null;
  return (
    <Box sx={{ mb: 2 }} component="section" aria-label={translate('app.guide.facts.title')}>
      <ApprovalFacts resource={resource} id={record.id} version={record.version} status={record.status} />
    </Box>
  );
}
