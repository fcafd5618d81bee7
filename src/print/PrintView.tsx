import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, CircularProgress } from '@mui/material';
import { Fragment, useRef } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useParams, useSearchParams } from 'react-router-dom';
import { useReactToPrint } from 'react-to-print';
import { useText } from '../app/i18n/i18nProvider';
import { getForm } from './forms';
import './print.css';
import { usePrintData } from './usePrintData';

type Recorder = { printed?: (resource: string, id: number, form: string) => Promise<unknown> };

/**
 * /print/:form/:ids — the pages of a form for one or many records (bulk: one per page, in the
 * order given), without app chrome. The print button prints them (react-to-print) and records
 * who printed which form when.
 */
export function PrintView() {
  const { form: formId = '', ids = '' } = useParams();
  const [search] = useSearchParams();
  const form = getForm(formId);
  const idList = ids.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const { pages, error } = usePrintData(form, idList);
  const ref = useRef<HTMLDivElement>(null);
  const dp = useDataProvider() as unknown as Recorder;
  const notify = useNotify();
  const translate = useTranslate();
  const text = useText();
  const print = useReactToPrint({
    contentRef: ref,
    documentTitle: () => `${form?.title.zh ?? ''} ${pages?.map((p) => p.record.code).join(' ') ?? ''}`.slice(0, 120),
    onAfterPrint: () => {
      if (!form || !pages) return;
      Promise.all(pages.map((p) => dp.printed?.(form.resource, Number(p.record.id), form.id))).catch((e: unknown) => notify(e instanceof Error ? e.message : String(e), { type: 'error' }));
    },
  });
  if (!form) return <Alert severity="error">{translate('app.print.noForm')}</Alert>;
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!pages) return <CircularProgress sx={{ m: 4 }} />;
  return (
    <Box>
      {search.get('toolbar') === 'no' ? null : (
        <Box className="bp-noprint" sx={{ p: 1, display: 'flex', gap: 1, alignItems: 'center' }}>
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => print()}>
            {translate('app.print.print')} {text(form.title)} × {pages.length}
          </Button>
        </Box>
      )}
      <div ref={ref} className="bp-sheet" data-testid="print-sheet">
        {/* the pages are the sheet's own children: print.css breaks after each but the last
            (`.bp-page:last-child`), which a wrapper per page would make every page */}
        {pages.map((p) => (
          <Fragment key={String(p.record.id)}>{form.render(p)}</Fragment>
        ))}
      </div>
    </Box>
  );
}
