import DownloadIcon from '@mui/icons-material/GetApp';
import { Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useNotify, useResourceContext, useTranslate } from 'react-admin';
import type { BaoyiDataProvider } from '../app/dataProvider';
import { errorText } from '../approvals/useWorkflowAct';
import type { DocumentDefinition } from '../domain/definition';
import { linesFieldOf } from '../domain/exportSheet';

/** Saves a Blob under a name (the browser's download). */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 导出: every row of the filtered list, in its order, as a CSV file for Excel — built and streamed
 * by the server from the definition (GET /api/<res>/export, README). react-admin's ExportButton
 * would fetch at most 1,000 rows into the page and build the file from raw keys; this one asks the
 * server for the whole list with the list's filter and sort, and says how many rows the file holds.
 * A type with lines offers the 明细 export too (one row per line).
 */
export function ServerExportButton({ def }: { def: DocumentDefinition }) {
  const resource = useResourceContext() ?? def.resource;
  const { filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const hasLines = linesFieldOf(def) !== null;

  async function run(lines: boolean) {
    setAnchor(null);
    setPending(true);
    try {
      const { blob, name, rows } = await dataProvider.exportCsv(resource, { filter: filterValues ?? {}, sort, lines });
      save(blob, name);
      notify(lines ? 'app.desk.exportedLines' : 'app.desk.exported', { type: 'success', messageArgs: { rows, name } });
    } catch (e) {
      notify(errorText(e), { type: 'error' });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        label="ra.action.export"
        disabled={pending || total === 0}
        data-testid="export-button"
        onClick={(e) => (hasLines ? setAnchor(e.currentTarget) : void run(false))}
      >
        <DownloadIcon />
      </Button>
      {hasLines && (
        <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
          <MenuItem onClick={() => void run(false)}>{translate('app.desk.exportDocuments')}</MenuItem>
          <MenuItem onClick={() => void run(true)}>{translate('app.desk.exportLines')}</MenuItem>
        </Menu>
      )}
    </>
  );
}
