import { useCallback, useSyncExternalStore } from 'react';
import { DEMO_TEXT } from './text';

/**
 * The training desk's words in the page's language: `<html lang>`, which the app's layout — and the
 * desk's login page — set from react-admin's locale. The banner lives outside react-admin's
 * <Admin> and cannot ask it; react-admin's store is no guide either (a logout empties it while the
 * UI stays in the language chosen).
 */
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}

const pageLocale = () => (document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'zh');

export function useDemoText() {
  const locale = useSyncExternalStore(subscribe, pageLocale);
  return useCallback((key: keyof typeof DEMO_TEXT) => DEMO_TEXT[key][locale], [locale]);
}
