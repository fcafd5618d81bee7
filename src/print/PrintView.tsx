import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, CircularProgress } from '@mui/material';
import { Fragment, useRef } from 'react';
import { useDataProvider, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { useParams, useSearchParams } from 'react-router-dom';
import { useReactToPrint } from 'react-to-print';
import { useText } from '../app/i18n/i18nProvider';
import { getDefinition } from '../domain/documents';
import { mayPrint, printRefusal, unofficialMark } from '../domain/prints';
import type { Role } from '../domain/roles';
import { getForm } from './forms';
import { Watermark, WatermarkContext } from './parts';
import './print.css';
import { usePrintData } from './usePrintData';

type Recorder = { printed?: (resource: string, id: number, form: string) => Promise<unknown> };

/**
 * /print/:form/:ids — the pages of a form for one or many records (bulk: one per page, in the
 * order given), without app chrome. The print button prints them (react-to-print) and records
 * who printed which form when — for the copies that are the company's paper (the form's
 * declaration in its definition: official statuses, printers). A copy outside those statuses
 * carries a diagonal mark on every page and is not recorded; a form that must never exist
 * unapproved (an outbound note) is not shown at all.
 */
export function PrintView() {
  const { form: formId = '', ids = '' } = useParams();
  const [search] = useSearchParams();
  const form = getForm(formId);
  const def = form ? getDefinition(form.resource) : undefined;
  const idList = ids
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const { pages, error } = usePrintData(form, idList);
  const { identity } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  const ref = useRef<HTMLDivElement>(null);
  const dp = useDataProvider() as unknown as Recorder;
  const notify = useNotify();
  const translate = useTranslate();
  const text = useText();
  const printable = form && pages ? pages.filter((p) => mayPrint(form.decl, p.record)) : [];
  const refused = form && pages ? pages.filter((p) => !mayPrint(form.decl, p.record)) : [];
  const marks = def && form ? printable.map((p) => unofficialMark(def, form.decl, p.record)) : [];
  // recorded as issued: the official copies this role prints (the server checks the same)
  const recorded =
    def && form && role ? printable.filter((p) => printRefusal(def, form.id, p.record, role) === null) : [];
  const notPrinter = !!role && !!form && !form.decl.printers.includes(role);
  const print = useReactToPrint({
    contentRef: ref,
    documentTitle: () => `${form?.title.zh ?? ''} ${printable.map((p) => p.record.code).join(' ')}`.slice(0, 120),
    onAfterPrint: () => {
      if (!form) return;
      Promise.all(recorded.map((p) => dp.printed?.(form.resource, Number(p.record.id), form.id))).catch((e: unknown) =>
        notify(e instanceof Error ? e.message : String(e), { type: 'error' }),
      );
    },
  });
  if (!form || !def) return <Alert severity="error">{translate('app.print.noForm')}</Alert>;
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!pages) return <CircularProgress sx={{ m: 4 }} />;
  const uniform = marks.length > 0 && marks.every((m) => m?.zh === marks[0]?.zh) ? marks[0] : null;
  return (
    <Box>
      {refused.length > 0 && (
        <Alert severity="error" className="bp-noprint" data-testid="print-refused" sx={{ m: 1 }}>
          {refused
            .map(
              (p) =>
                `${String(p.record.code ?? p.record.id)}：${text(printRefusal(def, form.id, p.record, form.decl.printers[0])?.message ?? form.title)}`,
            )
            .join('；')}
        </Alert>
      )}
      {printable.length > 0 && search.get('toolbar') !== 'no' && (
        <Box className="bp-noprint" sx={{ p: 1, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            variant="contained"
            startIcon={<PrintIcon />}
            onClick={() => print()}
            disabled={notPrinter && marks.every((m) => m === null)}
          >
            {translate('app.print.print')} {text(form.title)} × {printable.length}
          </Button>
          {marks.some((m) => m !== null) && (
            <Alert severity="warning" sx={{ py: 0 }} data-testid="print-unofficial">
              {translate('app.guide.print.unofficial', {
                mark: text(marks.find((m) => m !== null) ?? form.title),
                clause: form.clause,
              })}
            </Alert>
          )}
          {notPrinter && (
            <Alert severity="info" sx={{ py: 0 }}>
              {text(printRefusal(def, form.id, printable[0].record, role!)?.message ?? form.title)}
            </Alert>
          )}
        </Box>
      )}
      {printable.length > 0 && (
        <div ref={ref} className={`bp-sheet${uniform ? ' bp-sheet-uniform-mark' : ''}`} data-testid="print-sheet">
          {uniform ? <Watermark text={uniform.zh} fixed /> : null}
          {/* the pages are the sheet's own children: print.css breaks after each but the last
              (`.bp-page:last-child`), which a wrapper per page would make every page */}
          {printable.map((p, i) => (
            <Fragment key={String(p.record.id)}>
              <WatermarkContext.Provider value={marks[i]?.zh ?? null}>{form.render(p)}</WatermarkContext.Provider>
            </Fragment>
          ))}
        </div>
      )}
    </Box>
  );
}
