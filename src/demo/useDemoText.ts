import { useCallback } from 'react';
import { useStore } from 'react-admin';
import { asLocale, DEFAULT_LOCALE } from '../app/i18n/i18nProvider';
import { DEMO_TEXT } from './text';

/**
 * The training desk's words in the UI language — the locale react-admin keeps in its store, so the
 * banner (outside react-admin's <Admin>, under the same store) follows the 中文 / English switch.
 */
export function useDemoText() {
  const [locale] = useStore<string>('locale', DEFAULT_LOCALE);
  const l = asLocale(locale);
  return useCallback((key: keyof typeof DEMO_TEXT) => DEMO_TEXT[key][l], [l]);
}
