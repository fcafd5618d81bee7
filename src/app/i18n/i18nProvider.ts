import polyglotI18nProvider from 'ra-i18n-polyglot';
import { useLocaleState, type I18nProvider, type TranslationMessages } from 'react-admin';
import { useCallback } from 'react';
import type { Locale, Text } from '../../domain/text';
import { zhMessages } from './zh';

/** Simplified Chinese by default (polyglot locale 'zh': one plural form), English on demand. */
export const DEFAULT_LOCALE = 'zh';
export const LOCALES = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

/** `resources.*` messages of a locale (definitionMessages.ts: generated from the document definitions). */
export type ResourceMessages = (locale: Locale) => object;

export interface BaoyiI18nProvider extends I18nProvider {
  /**
   * Adds the `resources.*` messages. They are generated from the document definitions, which are
   * not in the first bundle: the app adds them once the definitions are loaded (App.tsx), before
   * any screen that shows a resource renders. Resolves when they translate.
   */
  addResourceMessages(messages: ResourceMessages): Promise<void>;
  /** Whether these messages were added and translate already. */
  hasResourceMessages(messages: ResourceMessages): boolean;
}

/** English is a chunk of its own, loaded when the user switches to it (or starts in it). */
const loadEnglish = () => import('./en').then((m) => m.enMessages);

export function createI18nProvider(): BaoyiI18nProvider {
  let resources: ResourceMessages | null = null;
  let applied: ResourceMessages | null = null;
  const generated = new Map<Locale, object>();
  const withResources = (messages: TranslationMessages, locale: Locale): TranslationMessages => {
    if (!resources) return messages;
    let r = generated.get(locale);
    if (!r) generated.set(locale, (r = resources(locale)));
    return { ...messages, ...r };
  };
  const polyglot = polyglotI18nProvider(
    (locale) => (locale === 'en' ? loadEnglish().then((m) => withResources(m, 'en')) : withResources(zhMessages, 'zh')),
    DEFAULT_LOCALE,
    LOCALES,
    // server messages passed to notify() are shown as they are, not reported as missing keys
    { allowMissing: true },
  );
  // locale switches and the resources' arrival rebuild the messages one after the other, so a
  // slow English download cannot be overtaken by an older rebuild
  let queue: Promise<void> = Promise.resolve();
  const serially = (step: () => Promise<void>) => {
    const run = queue.then(step);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    ...polyglot,
    changeLocale: (locale: string) => serially(() => polyglot.changeLocale(locale)),
    addResourceMessages(messages: ResourceMessages) {
      if (resources === messages) return queue;
      resources = messages;
      generated.clear();
      return serially(async () => {
        await polyglot.changeLocale(polyglot.getLocale());
        applied = messages;
      });
    },
    hasResourceMessages: (messages: ResourceMessages) => applied === messages,
  };
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
