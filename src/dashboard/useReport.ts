import { useQuery } from '@tanstack/react-query';
import { createContext, createElement, useContext, useEffect, type ReactNode } from 'react';
import { fetchUtils, useLogoutIfAccessDenied, type HttpError } from 'react-admin';
import type { AssistantPerformance, ComplaintTrends, OrderTrends, Queues } from '../domain/reportTypes';
import { toHttpError } from '../app/dataProvider';
import { useLocale } from '../app/i18n/i18nProvider';
import { DEFAULT_API_URL, session } from '../app/session';

/**
 * GET /api/reports/* (server/core/reportsApi.ts): the reports are computed on the server, so a
 * browser never downloads a year of orders to draw a chart. Same headers as the dataProvider's
 * httpClient: the session's bearer token and the UI language as Accept-Language.
 */

export type {
  AssistantPerformance,
  AssistantPerformanceRow,
  ComplaintTrends,
  OrderTrends,
  Queues,
} from '../domain/reportTypes';

export interface ReportResults {
  'assistant-performance': AssistantPerformance;
  'complaint-trends': ComplaintTrends;
  'order-trends': OrderTrends;
  queues: Queues;
}
export type ReportName = keyof ReportResults;
export type ReportParams = Record<string, string | number | undefined>;

const ReportsApiContext = createContext<string>(DEFAULT_API_URL);

/** The API base the reports are fetched from (App's `apiUrl`; '/api' by default). */
export function ReportsApiProvider({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  return createElement(ReportsApiContext.Provider, { value: apiUrl.replace(/\/+$/, '') }, children);
}

export function reportUrl(apiUrl: string, name: ReportName, params: ReportParams = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const tail = qs.toString();
  return `${apiUrl}/reports/${name}${tail ? `?${tail}` : ''}`;
}

export async function fetchReport<N extends ReportName>(
  apiUrl: string,
  name: N,
  params: ReportParams,
  locale: string,
  signal?: AbortSignal,
): Promise<ReportResults[N]> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': locale === 'en' ? 'en' : 'zh' });
  const token = session.token();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    const { json } = await fetchUtils.fetchJson(reportUrl(apiUrl, name, params), { headers, signal });
    return json as ReportResults[N];
  } catch (e) {
    throw toHttpError(e);
  }
}

export interface UseReportOptions {
  enabled?: boolean;
  /** refetch every so many ms (queues) */
  refetchInterval?: number;
}

/** One report, cached by react-query (the Admin's QueryClient) per name, parameters and language. */
export function useReport<N extends ReportName>(name: N, params: ReportParams = {}, opts: UseReportOptions = {}) {
  const apiUrl = useContext(ReportsApiContext);
  const locale = useLocale();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const query = useQuery<ReportResults[N], HttpError>({
    queryKey: ['baoyi.reports', apiUrl, name, params, locale],
    queryFn: ({ signal }) => fetchReport(apiUrl, name, params, locale, signal),
    enabled: opts.enabled ?? true,
    refetchInterval: opts.refetchInterval,
    retry: false,
  });
  const { error } = query;
  // a 401 logs out (the authProvider's checkError); 403 and 400 are shown on the page
  useEffect(() => {
    if (error) void logoutIfAccessDenied(error);
  }, [error, logoutIfAccessDenied]);
  return query;
}
