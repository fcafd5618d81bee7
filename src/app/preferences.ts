import { localStorageStore, type Store } from 'react-admin';

/** Store keys that are this browser's, not the user's: they outlive a logout. */
const KEPT_ON_LOGOUT = ['locale'] as const;

/**
 * react-admin's store (list preferences, chosen columns, the UI language), emptied at logout as
 * react-admin does for what a user leaves behind — except the language: a clerk who switched the
 * desk to English, or back to Chinese, logs out and finds the login page, and the next colleague,
 * in the same language (it used to fall back to Chinese after the next reload, the screen still
 * English until then).
 */
export function keepLanguageOnLogout(store: Store): Store {
  return {
    ...store,
    reset: () => {
      const kept = KEPT_ON_LOGOUT.map((key) => [key, store.getItem(key)] as const);
      store.reset();
      for (const [key, value] of kept) if (value !== undefined) store.setItem(key, value);
    },
  };
}

export const browserPreferences = (): Store => keepLanguageOnLogout(localStorageStore());
