import simpleRestProvider from 'ra-data-simple-rest';
import { createRoot } from 'react-dom/client';
import { Admin, fetchUtils, ListGuesser, Resource } from 'react-admin';

/**
 * The floor the bench compares our SPA with: a bare react-admin app — Admin, ra-data-simple-rest,
 * one ListGuesser — against our API, built by the same Vite. No authProvider: the bench puts a
 * token into localStorage under the key our SPA uses (src/app/session.ts) and this app sends it
 * as the SPA's dataProvider does (Authorization: Bearer).
 */

const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = localStorage.getItem('baoyi.token');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetchUtils.fetchJson(url, { ...options, headers });
};

createRoot(document.getElementById('root')!).render(
  // disableTelemetry: the bench talks to 127.0.0.1 only (ours disables it too)
  <Admin dataProvider={simpleRestProvider('/api', httpClient)} disableTelemetry>
    <Resource name="orders" list={ListGuesser} />
  </Admin>,
);
