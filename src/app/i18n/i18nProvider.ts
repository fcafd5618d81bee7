import polyglotI18nProvider from 'ra-i18n-polyglot';
import { useLocaleState, type I18nProvider } from 'react-admin';
import { useCallback } from 'react';
import type { Locale, Text } from '../../domain/text';
import { enMessages } from './en';
import { zhMessages } from './zh';

/** Simplified Chinese by default (polyglot locale 'zh': one plural form), English on demand. */
export const DEFAULT_LOCALE = 'zh';
export const LOCALES = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

export function createI18nProvider(initialLocale: string = DEFAULT_LOCALE): I18nProvider {
  return polyglotI18nProvider((locale) => (locale === 'en' ? enMessages : zhMessages), initialLocale === 'en' ? 'en' : DEFAULT_LOCALE, LOCALES, {
    // server messages passed to notify() are shown as they are, not reported as missing keys
    allowMissing: true,
  });
}

export const asLocale = (locale: string | undefined): Locale => (locale === 'en' ? 'en' : 'zh');

/** Picks the current UI language out of a domain {zh, en} text (labels, refusals). */
export function useText() {
  const [locale] = useLocaleState();
  const l = asLocale(locale);
  return useCallback((t: Text | undefined | null) => (t ? t[l] : ''), [l]);
}

export function useLocale(): Locale {
  const [locale] = useLocaleState();
  return asLocale(locale);
}
