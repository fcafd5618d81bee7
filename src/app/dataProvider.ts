import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider, type RaRecord } from 'react-admin';
import { writableFields, type DocRecord, type DocumentDefinition, type Fact } from '../domain/definition';
import { countCsvRecords } from '../domain/csv';
import type { Refusal } from '../domain/refusal';
import type { InboxItem } from '../domain/inbox';
import type { AvailableAction } from '../domain/workflow';
import type { Explanation } from '../domain/explain';

import { loadDefinitions } from './definitions';
import { DEFAULT_API_URL, session } from './session';

export type { InboxItem };

/** An audit entry of GET /api/<res>/<id>/history. */
export interface HistoryEntry {
  id?: number;
  at: string;
  userId?: number | null;
  userName: string;
  action: string;
  changes: Record<string, unknown>;
}

/** POST /api/<res>/preview: the record as the server would compute it, with the rules' verdict. */
export interface PreviewResult {
  record: DocRecord;
  facts: Record<string, number | boolean | string | null>;
  /** the rules' refusals as the API answers them (the status of their kind, server/core/refusal.ts) */
  refusals: (Omit<Refusal, 'kind'> & { status: number })[];
  /** the definition's facts for whoever decides (src/domain/explain.ts), on the record as computed */
  explain?: Fact[];
}

/** GET /api/<res>/<id>/facts (src/domain/explain.ts) */
export interface FactsResult extends Explanation {
  values: Record<string, number | boolean | string | null>;
}

export interface ActParams {
  id: number | string;
  action: string;
  comment?: string;
  version?: number;
  /** the fields the step takes with it (its params) */
  params?: Record<string, unknown>;
}

/** ra-data-simple-rest plus the workflow / preview / history endpoints of api.md. */
export interface BaoyiDataProvider extends DataProvider {
  actions(resource: string, id: number | string): Promise<AvailableAction[]>;
  act(resource: string, params: ActParams): Promise<{ data: RaRecord & DocRecord }>;
  preview(resource: string, data: DocRecord): Promise<PreviewResult>;
  history(resource: string, id: number | string): Promise<HistoryEntry[]>;
  /** GET /<res>/<id>/facts: why it waits on whom, and the facts the rules used (approvers) */
  facts(resource: string, id: number | string): Promise<FactsResult>;
  /** record that a form was printed (6.2.4: the order shows who printed it when) */
  printed(resource: string, id: number | string, form: string): Promise<unknown>;
  nextCustomerCode(): Promise<string>;
  /** everything waiting on the current user, oldest deadline first */
  myWork(): Promise<InboxItem[]>;
  /** GET /api/<res>/export: every row of the filtered list as CSV (README: Export) */
  exportCsv(resource: string, params: ExportParams): Promise<{ blob: Blob; name: string; rows: number }>;
}

export interface ExportParams {
  filter: Record<string, unknown>;
  sort?: { field: string; order: string };
  /** one row per line of the (first) lines field: the 明细 export */
  lines?: boolean;
}

export interface DataProviderOptions {
  /** default '/api'; tests pass an absolute URL (Node's fetch has no base URL) */
  apiUrl?: string;
  /** the UI locale, sent as Accept-Language so the server's messages match ('zh' | 'en') */
  getLocale?: () => string;
}

interface ErrorBody {
  message?: string;
  rule?: string;
  errors?: Record<string, string>;
}

/**
 * Server errors → what react-admin shows: `errors` under the form fields (HttpError body
 * `{ errors }`), and the server's message — with its clause — as the notification (the form's
 * `root.serverError`, and the error's message for everything else).
 */
export function toHttpError(e: unknown): unknown {
  if (!(e instanceof HttpError)) return e;
  const body = (e.body ?? {}) as ErrorBody;
  let message = typeof body.message === 'string' && body.message ? body.message : e.message;
  if (body.rule && !message.includes(`(${body.rule})`)) message = `${message} (${body.rule})`;
  const fieldErrors = body.errors && typeof body.errors === 'object' ? body.errors : null;
  const mapped =
    fieldErrors && Object.keys(fieldErrors).length > 0
      ? { ...body, message, errors: { ...fieldErrors, root: { serverError: message } } }
      : { ...body, message };
  return new HttpError(message, e.status, mapped);
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Only what a client may write (api.md: the server computes status, approvals, totals, codes…);
 * `version` rides along on updates for the stale-write check (409).
 */
export function writableBody(
  def: DocumentDefinition | undefined,
  data: Record<string, unknown>,
  mode: 'create' | 'update',
): Record<string, unknown> {
  if (!def) return data;
  const out: Record<string, unknown> = {};
  for (const name of writableFields(def)) {
    const v = data[name];
    if (v === undefined) continue; // absent, or a disabled input (react-hook-form leaves it out)
    const f = def.fields[name];
    if (f.secret && isEmpty(v)) continue; // an empty password means "keep"
    if (mode === 'create' && isEmpty(v)) continue; // the server applies defaults
    out[name] = v;
  }
  if (mode === 'update' && typeof data.version === 'number') out.version = data.version;
  return out;
}

export function createDataProvider(opts: DataProviderOptions = {}): BaoyiDataProvider {
  const apiUrl = (opts.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const getLocale = opts.getLocale ?? (() => 'zh');

  const httpClient = (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    const token = session.token();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    headers.set('Accept-Language', getLocale() === 'en' ? 'en' : 'zh');
    return fetchUtils.fetchJson(url, { ...options, headers }).catch((e: unknown) => {
      throw toHttpError(e);
    });
  };

  const base = simpleRestProvider(apiUrl, httpClient);
  const path = (resource: string, id?: number | string, tail = '') =>
    `${apiUrl}/${encodeURIComponent(resource)}${id === undefined ? '' : `/${encodeURIComponent(String(id))}`}${tail}`;
  const post = (url: string, body: unknown) => httpClient(url, { method: 'POST', body: JSON.stringify(body ?? {}) });
  // the definitions say what is writable; they are loaded on demand (./definitions.ts)
  const bodyOf = async (resource: string, data: unknown, mode: 'create' | 'update') =>
    writableBody((await loadDefinitions()).getDefinition(resource), data as Record<string, unknown>, mode);

  return {
    ...base,
    // the server says when a filtered list's total is only a lower bound (X-Total-Exact: false, README):
    // react-admin then paginates by next/previous, and ListPagination shows "525+"
    getList: async (resource, params) => {
      let partial = false;
      const watching = simpleRestProvider(apiUrl, (url, options) =>
        httpClient(url, options).then((r) => {
          partial = r.headers.get('X-Total-Exact') === 'false';
          return r;
        }),
      );
      const result = await watching.getList(resource, params);
      if (!partial) return result;
      const page = params.pagination?.page ?? 1;
      return {
        data: result.data,
        pageInfo: { hasNextPage: true, hasPreviousPage: page > 1 },
        meta: { totalAtLeast: result.total },
      };
    },
    create: async (resource, params) =>
      base.create(resource, { ...params, data: await bodyOf(resource, params.data, 'create') }),
    update: async (resource, params) =>
      base.update(resource, { ...params, data: await bodyOf(resource, params.data, 'update') }),
    // updateMany would PUT a partial body to each row (design.md); documents change through actions
    updateMany: () => Promise.reject(new HttpError('批量修改不可用，请使用审批操作', 405)),
    // documents are cancelled, never deleted (api.md)
    delete: () => Promise.reject(new HttpError('单据不能删除，请使用"取消"', 403)),
    deleteMany: () => Promise.reject(new HttpError('单据不能删除，请使用"取消"', 403)),
    actions: async (resource, id) => (await httpClient(path(resource, id, '/actions'))).json as AvailableAction[],
    act: async (resource, { id, action, comment, version, params }) => {
      const body: Record<string, unknown> = { ...(params ?? {}) };
      if (comment && comment.trim()) body.comment = comment.trim();
      if (typeof version === 'number') body.version = version;
      const { json } = await post(path(resource, id, `/actions/${encodeURIComponent(action)}`), body);
      return { data: json };
    },
    preview: async (resource, data) =>
      (await post(`${path(resource)}/preview`, await bodyOf(resource, data, 'create'))).json as PreviewResult,
    history: async (resource, id) => (await httpClient(path(resource, id, '/history'))).json as HistoryEntry[],
    facts: async (resource, id) => (await httpClient(path(resource, id, '/facts'))).json as FactsResult,
    printed: async (resource, id, form) =>
      (await httpClient(path(resource, id, '/printed'), { method: 'POST', body: JSON.stringify({ form }) })).json,
    myWork: async () => (await httpClient(`${apiUrl}/myWork`)).json as InboxItem[],
    exportCsv: async (resource, { filter, sort, lines }) => {
      const qs = new URLSearchParams({ filter: JSON.stringify(filter ?? {}) });
      if (sort?.field) qs.set('sort', JSON.stringify([sort.field, sort.order === 'ASC' ? 'ASC' : 'DESC']));
      if (lines) qs.set('lines', '1');
      const headers = new Headers({ Accept: 'text/csv' });
      const token = session.token();
      if (token) headers.set('Authorization', `Bearer ${token}`);
      headers.set('Accept-Language', getLocale() === 'en' ? 'en' : 'zh');
      const res = await fetch(`${path(resource)}/export?${qs}`, { headers });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as ErrorBody;
        throw new HttpError(body.message ?? res.statusText, res.status, body);
      }
      const name = decodeURIComponent(res.headers.get('X-Export-Name') ?? `${resource}.csv`);
      // the bytes as they came (res.text() would drop the byte-order mark Excel needs)
      const bytes = await res.arrayBuffer();
      return {
        blob: new Blob([bytes], { type: 'text/csv;charset=utf-8' }),
        name,
        rows: countCsvRecords(new TextDecoder().decode(bytes)),
      };
    },
    nextCustomerCode: async () =>
      String(((await httpClient(`${path('customers')}/next-code`)).json as { code: string }).code),
  };
}
