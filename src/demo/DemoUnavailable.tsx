import { Alert, AlertTitle, Box } from '@mui/material';
import { DEMO_TEXT } from './text';

/**
 * The training desk could not start its service worker, so it has no /api: a page opened as a
 * file, or over plain http from another machine (browsers allow service workers on https and on
 * localhost only), or a browser that forbids them. Both languages: the language switch is in the app.
 */
export function DemoUnavailable({ error }: { error: unknown }) {
  return (
    <Box sx={{ p: 4, display: 'flex', justifyContent: 'center' }}>
      <Alert severity="error" sx={{ maxWidth: 720 }}>
        <AlertTitle>
          {DEMO_TEXT.unavailable.zh} · {DEMO_TEXT.unavailable.en}
        </AlertTitle>
        <p>{DEMO_TEXT.unavailableWhy.zh}</p>
        <p>{DEMO_TEXT.unavailableWhy.en}</p>
        <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontSize: 12, m: 0 }}>
          {error instanceof Error ? error.message : String(error)}
        </Box>
      </Alert>
    </Box>
  );
}
