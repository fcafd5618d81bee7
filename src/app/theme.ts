import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** A clean light theme with a Chinese-friendly font stack. */
export const FONT_STACK = [
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  'sans-serif',
].join(', ');

export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    mode: 'light',
    primary: { main: '#1f5fa8' },
    secondary: { main: '#b3541e' },
    background: { default: '#f5f6f8' },
  },
  shape: { borderRadius: 6 },
  typography: {
    ...defaultLightTheme.typography,
    fontFamily: FONT_STACK,
    fontSize: 14,
  },
};
