import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Link, useNotify, useTranslate } from 'react-admin';
import { exportCsv, type CsvValue } from './csv';

/** One column of a report table: how a row shows on screen, and what goes into the CSV. */
export interface Column<R> {
  key: string;
  label: string;
  align?: 'left' | 'right' | 'center';
  cell: (row: R) => ReactNode;
  csv: (row: R) => CsvValue;
  /** only in the CSV, not on screen */
  csvOnly?: boolean;
}

export interface ReportTableProps<R> {
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string | number;
  footer?: ReactNode;
  /** accessible name (and the data-testid) */
  label: string;
  testId?: string;
}

export function ReportTable<R>({ columns: all, rows, rowKey, footer, label, testId }: ReportTableProps<R>) {
  const translate = useTranslate();
  const columns = all.filter((c) => !c.csvOnly);
  return (
    <Box sx={{ overflowX: 'auto', '@media print': { overflow: 'visible' } }}>
      <Table
        size="small"
        aria-label={label}
        data-testid={testId}
        sx={{ '& td, & th': { px: 1, fontVariantNumeric: 'tabular-nums' }, '& th': { verticalAlign: 'bottom' } }}
      >
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c.key} align={c.align} sx={{ fontWeight: 600, minWidth: '3em' }}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={columns.length}>
                <Typography variant="body2" color="text.secondary">
                  {translate('app.reports.noData')}
                </Typography>
              </TableCell>
            </TableRow>
          ) : (
            rows.map((r) => (
              <TableRow key={rowKey(r)} hover>
                {columns.map((c) => (
                  <TableCell key={c.key} align={c.align} data-col={c.key}>
                    {c.cell(r)}
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
        {footer ? (
          <TableFooter sx={{ '& td': { fontWeight: 600, color: 'text.primary' } }}>{footer}</TableFooter>
        ) : null}
      </Table>
    </Box>
  );
}

/** "导出 CSV": the table's rows, the columns' CSV values under their labels. */
export function CsvButton<R>({
  columns,
  rows,
  filename,
  label,
}: {
  columns: Column<R>[];
  rows: R[];
  filename: string;
  label?: string;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    const headers = columns.map((c) => c.label);
    const data = rows.map((r) => Object.fromEntries(columns.map((c) => [c.label, c.csv(r)])));
    setBusy(true);
    exportCsv(data, headers, filename)
      .catch((e: unknown) => notify(e instanceof Error ? e.message : String(e), { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={onClick} disabled={busy} className="bp-report-noprint">
      {label ?? translate('app.reports.exportCsv')}
    </Button>
  );
}

/** A number that opens the list it counts. */
export function NumberLink({ to, children, title }: { to: string; children: ReactNode; title?: string }) {
  return (
    <Link to={to} title={title} sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {children}
    </Link>
  );
}
