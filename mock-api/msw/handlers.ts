import { http, HttpResponse } from 'msw';
import type { ApiHandler } from '../../server/core/api';

/**
 * MSW adapter over the same API core the server runs: component tests (and an in-browser demo)
 * get the real dialect, rules, workflow and errors, on an in-memory store.
 */
export function apiHandlers(api: ApiHandler, base = '/api') {
  const basePath = new URL(base, 'http://x').pathname.replace(/\/+$/, '');
  return [
    http.all(`${base}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
      let body: unknown = undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          return HttpResponse.json({ message: '请求内容不是有效的 JSON' }, { status: 400 });
        }
      }
      const headers: Record<string, string> = {};
      request.headers.forEach((v, k) => (headers[k] = v));
      const out = await api({
        method: request.method,
        path: url.pathname.slice(url.pathname.indexOf(basePath) + basePath.length) || '/',
        query: url.searchParams,
        headers,
        body,
        ip: 'msw',
      });
      if (out.stream) {
        let text = '';
        for await (const piece of out.stream) text += piece;
        return new HttpResponse(text, {
          status: out.status,
          headers: { 'Access-Control-Expose-Headers': 'X-Export-Name', ...(out.headers ?? {}) },
        });
      }
      return HttpResponse.json(out.body ?? null, {
        status: out.status,
        headers: { 'Access-Control-Expose-Headers': 'Content-Range, X-Total-Exact', ...(out.headers ?? {}) },
      });
    }),
  ];
}
