import { Alert, Box, Button } from '@mui/material';
import { useSyncExternalStore } from 'react';
import { LoadingPage, useTranslate } from 'react-admin';
import { domainFailure, onDomainFailure } from './domain';

/**
 * react-admin's loading page — shown, among others, while the definitions download (App.tsx) —
 * which says so when that download failed instead of loading forever.
 */
export function AppLoading() {
  const failure = useSyncExternalStore(onDomainFailure, domainFailure);
  const translate = useTranslate();
  if (failure === null) return <LoadingPage />;
  return (
    <Box sx={{ p: 4, display: 'flex', justifyContent: 'center' }}>
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => window.location.reload()}>
            {translate('app.loadFailed.reload')}
          </Button>
        }
      >
        {translate('app.loadFailed.message')}
      </Alert>
    </Box>
  );
}
