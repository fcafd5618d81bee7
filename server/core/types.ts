import type { Locale } from '../../src/domain/text';
import type { Refusal } from './refusal';

/** The API core speaks plain requests and responses; Express and MSW adapt to them. */
export interface ApiRequest {
  method: string;
  /** path below /api, e.g. "/orders/12/actions/approve" */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: unknown;
  ip: string;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** a body sent as it is produced (an export), instead of `body` as JSON; `headers` give its type */
  stream?: AsyncIterable<string>;
  /** sent after a streamed body (HTTP trailers), e.g. how many rows it held */
  trailers?: () => Record<string, string>;
}

/** the caller's language from Accept-Language (an API request, or Node's / Express's request) */
export function localeOf(req: { headers: { 'accept-language'?: string | undefined } }): Locale {
  return (req.headers['accept-language'] ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The error body of api.md: { message, rule, errors } in the caller's language. */
export function refusalResponse(r: Refusal, locale: Locale): ApiResponse {
  const errors = r.errors ? Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v[locale]])) : undefined;
  return {
    status: r.status,
    body: {
      message: r.message[locale],
      ...(r.rule ? { rule: r.rule } : {}),
      ...(errors ? { errors } : {}),
      messages: r.message,
    },
  };
}
