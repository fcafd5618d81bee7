import SchoolIcon from '@mui/icons-material/School';
import { Box, ButtonBase, Typography } from '@mui/material';
import { useFormContext } from 'react-hook-form';
import { useEffect } from 'react';
import {
  LocalesMenuButton,
  Login,
  LoginForm,
  PasswordInput,
  required,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { ASSISTANT_GROUPS, ROLES } from '../domain/roles';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from '../../server/seed/people';
import { useText } from '../app/i18n/i18nProvider';
import { BANNER_HEIGHT } from './DemoBanner';
import { useDemoText } from './useDemoText';

/**
 * The training desk's login page: react-admin's login form, beside the demo branch's users (the
 * seed's own list, server/seed/people.ts) with their roles — a click fills in the user and the
 * one demo password; 登录 (or Enter) signs in through the same API as the server's.
 */

/** The procedure's users first, then the extra assistants of every group. */
const MAIN_USERS = DEMO_USERS.filter((u) => !/^assistant[3-9]$/.test(u.username));
const MORE_ASSISTANTS = DEMO_USERS.filter((u) => /^assistant[3-9]$/.test(u.username));

function UserButton({ user }: { user: DemoUser }) {
  const text = useText();
  const form = useFormContext();
  const picked = form.watch('username') === user.username;
  const fill = () => {
    form.setValue('username', user.username, { shouldValidate: true, shouldDirty: true });
    form.setValue('password', DEMO_PASSWORD, { shouldValidate: true, shouldDirty: true });
    // Enter now signs in
    document.querySelector<HTMLButtonElement>('.RaLoginForm-button')?.focus();
  };
  return (
    <ButtonBase
      onClick={fill}
      aria-pressed={picked}
      data-testid={`demo-user-${user.username}`}
      sx={{
        display: 'block',
        textAlign: 'left',
        px: 1.25,
        py: 0.5,
        borderRadius: 1,
        border: 1,
        borderColor: picked ? 'primary.main' : 'divider',
        bgcolor: picked ? 'action.selected' : 'transparent',
        '&:hover': { bgcolor: 'action.hover' },
        minWidth: 0,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, minWidth: 0 }}>
        <Typography component="span" sx={{ fontWeight: 600, fontSize: 14, whiteSpace: 'nowrap' }}>
          {user.fullName}
        </Typography>
        <Typography
          component="span"
          sx={{
            fontFamily: 'monospace',
            fontSize: 12,
            color: 'text.secondary',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {user.username}
        </Typography>
      </Box>
      <Typography
        component="div"
        sx={{
          fontSize: 12,
          color: 'text.secondary',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        {text(ROLES[user.role])}
        {user.group ? ` · ${text(ASSISTANT_GROUPS[user.group])}` : ''}
      </Typography>
    </ButtonBase>
  );
}

const grid = {
  display: 'grid',
  gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(3, minmax(0, 1fr))' },
  gap: 0.75,
} as const;

function DemoUsers() {
  const demoText = useDemoText();
  const translate = useTranslate();
  return (
    <Box data-testid="demo-users" sx={{ gridColumn: { md: 1 }, gridRow: { md: '1 / span 4' }, minWidth: 0 }}>
      <Typography variant="h6" component="h1" sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
        {translate('app.title')}
        <Typography
          component="span"
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            fontSize: 13,
            fontWeight: 600,
            px: 1,
            py: 0.25,
            borderRadius: 1,
            bgcolor: '#fff3c4',
            color: '#4d3800',
          }}
        >
          <SchoolIcon sx={{ fontSize: 16 }} />
          {demoText('banner')}
        </Typography>
      </Typography>
      <Typography sx={{ fontSize: 13, color: 'text.secondary', mb: 1 }}>
        {demoText('pickUser')} · {demoText('password')}
        <Box component="code" sx={{ fontWeight: 600, color: 'text.primary' }}>
          {DEMO_PASSWORD}
        </Box>
      </Typography>
      <Box sx={grid}>
        {MAIN_USERS.map((u) => (
          <UserButton key={u.username} user={u} />
        ))}
      </Box>
      <Typography sx={{ fontSize: 13, color: 'text.secondary', mt: 1.5, mb: 0.75 }}>
        {demoText('moreAssistants')}
      </Typography>
      <Box sx={grid}>
        {MORE_ASSISTANTS.map((u) => (
          <UserButton key={u.username} user={u} />
        ))}
      </Box>
    </Box>
  );
}

export function DemoLoginPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // the page language follows the UI, as in the app's layout (the banner reads it)
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale]);
  return (
    <Login
      avatarIcon={<SchoolIcon />}
      sx={{
        minHeight: `calc(100vh - ${BANNER_HEIGHT}px)`,
        '& .RaLogin-card': { marginTop: { xs: 1, md: '3em' }, mx: 1, maxWidth: 'calc(100vw - 16px)' },
        '& .RaLogin-avatar': { display: 'none' },
      }}
    >
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 1, pt: 0.5 }}>
        <LocalesMenuButton />
      </Box>
      <LoginForm
        sx={{
          '& .RaLoginForm-content': {
            width: { xs: 'auto', md: 'min(1000px, calc(100vw - 64px))' },
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) 240px' },
            columnGap: 3,
            alignContent: 'start',
            pt: 0,
          },
          '& .RaLoginForm-button': { alignSelf: 'start' },
        }}
      >
        <DemoUsers />
        <TextInput
          source="username"
          label={translate('ra.auth.username')}
          autoComplete="username"
          validate={required()}
          sx={{ mt: { md: 5 } }}
        />
        <PasswordInput
          source="password"
          label={translate('ra.auth.password')}
          autoComplete="current-password"
          validate={required()}
        />
      </LoginForm>
    </Login>
  );
}
