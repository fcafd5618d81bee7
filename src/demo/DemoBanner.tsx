import RestartAltIcon from '@mui/icons-material/RestartAlt';
import SchoolIcon from '@mui/icons-material/School';
import { Box, Button, CircularProgress, GlobalStyles, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm } from 'react-admin';
import { useDemoText } from './useDemoText';
import { useDemoStatus } from './status';
import { session } from '../app/session';
import { resetStoredDesk } from './store/reset';

export const BANNER_HEIGHT = 36;

/**
 * On every page of the training desk — the login page, the app, the print view (not on paper): this
 * is the training desk, its data is this browser's, and it can be reset. A strip along the bottom
 * of the window, outside react-admin's layout (whose app bar is fixed at the top), so the app's
 * screens are the production ones.
 */
export function DemoBanner() {
  const text = useDemoText();
  const status = useDemoStatus();
  const [asking, setAsking] = useState(false);
  const [resetting, setResetting] = useState(false);

  const reset = async () => {
    setResetting(true);
    session.clear(); // its session goes with the data: the login page after the reload
    try {
      await resetStoredDesk();
    } finally {
      window.location.reload();
    }
  };

  return (
    <>
      <GlobalStyles
        styles={{
          // the page, and react-admin's menu (fixed, scrolling on its own), end above the banner
          body: { paddingBottom: BANNER_HEIGHT },
          'body .RaSidebar-docked .RaSidebar-fixed': { height: `calc(100vh - 3em - ${BANNER_HEIGHT}px)` },
          '@media print': { body: { paddingBottom: 0 } },
        }}
      />
      <Box
        role="region"
        aria-label={text('banner')}
        data-testid="demo-banner"
        data-demo-status={status}
        sx={{
          position: 'fixed',
          left: 0,
          right: 0,
          bottom: 0,
          height: BANNER_HEIGHT,
          zIndex: 1250, // above the app bar and the menu, below dialogs and notifications
          display: 'flex',
          alignItems: 'center',
          gap: 1.5,
          px: 2,
          bgcolor: '#fff3c4',
          borderTop: '2px solid #e0a800',
          color: '#4d3800',
          '@media print': { display: 'none' },
        }}
      >
        <SchoolIcon fontSize="small" />
        <Typography component="strong" sx={{ fontWeight: 700, whiteSpace: 'nowrap', fontSize: 14 }}>
          {text('banner')}
        </Typography>
        <Typography
          sx={{
            fontSize: 13,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            minWidth: 0,
            display: { xs: 'none', md: 'block' },
          }}
        >
          {text('bannerNote')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {status === 'loading' && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, whiteSpace: 'nowrap', fontSize: 13 }}>
            <CircularProgress size={14} color="inherit" />
            {text('loading')}
          </Box>
        )}
        {status === 'failed' && (
          <Typography sx={{ fontSize: 13, color: 'error.main', whiteSpace: 'nowrap' }}>{text('failed')}</Typography>
        )}
        <Button
          size="small"
          color="inherit"
          variant="outlined"
          startIcon={<RestartAltIcon />}
          onClick={() => setAsking(true)}
          sx={{ whiteSpace: 'nowrap', py: 0 }}
        >
          {text('reset')}
        </Button>
      </Box>
      <Confirm
        isOpen={asking}
        loading={resetting}
        title={text('resetTitle')}
        content={text('resetContent')}
        confirm={text('resetConfirm')}
        cancel={text('cancel')}
        confirmColor="warning"
        onConfirm={() => void reset()}
        onClose={() => setAsking(false)}
      />
    </>
  );
}
