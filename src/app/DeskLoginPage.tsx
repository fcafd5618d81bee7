import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { Box, Typography } from '@mui/material';
import { useEffect } from 'react';
import { LocalesMenuButton, Login, LoginForm, useLocaleState, useTranslate } from 'react-admin';

/**
 * The branch desk's login page: react-admin's login form under the product's name and what it is
 * for (a clerk who opens the bookmark at 8:00 sees where she is), with the language switch on the
 * page itself — the UI language is chosen before signing in and kept (preferences.ts).
 */
export function DeskLoginPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale]);
  return (
    <Login avatarIcon={<SupportAgentIcon />} sx={{ '& .RaLogin-card': { mx: 1, maxWidth: 'calc(100vw - 16px)' } }}>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 1, pt: 0.5 }}>
        <LocalesMenuButton />
      </Box>
      <Box data-testid="desk-login-title" sx={{ textAlign: 'center', px: 2, pb: 0.5 }}>
        <Typography variant="h6" component="h1" sx={{ fontWeight: 600 }}>
          {translate('app.title')}
        </Typography>
        <Typography sx={{ fontSize: 13, color: 'text.secondary' }}>{translate('app.login.subtitle')}</Typography>
      </Box>
      <LoginForm />
    </Login>
  );
}
