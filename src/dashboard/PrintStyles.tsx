import { GlobalStyles } from '@mui/material';

/**
 * Printing a report page: A4, no app chrome (app bar, sidebar menu, buttons, the date picker),
 * compact tables, so the morning meeting's sheet fits one page (6.1.1).
 * Mounted only while a report page is shown.
 */
export function ReportPrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@page': { size: 'A4', margin: '10mm' },
        '@media print': {
          'header.MuiAppBar-root, .MuiDrawer-root, .bp-report-noprint, #skip-nav, .skip-nav-button': {
            display: 'none !important',
          },
          '.RaLayout-appFrame': { marginTop: '0 !important' },
          '.RaLayout-content, #main-content': { padding: '0 !important' },
          body: { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact', background: '#fff' },
          '.layout, .RaLayout-content, #main-content': { background: '#fff !important' },
          '.bp-report-sheet': { width: '100%', fontSize: '10pt' },
          '.bp-report-sheet .MuiTableCell-root': { padding: '2px 4px', fontSize: '9pt', lineHeight: 1.3 },
          '.bp-report-sheet .MuiPaper-root': { boxShadow: 'none', border: 'none' },
          '.bp-report-sheet a': { color: 'inherit', textDecoration: 'none' },
          '.bp-report-sheet .bp-report-block': { breakInside: 'avoid' },
        },
      }}
    />
  );
}
