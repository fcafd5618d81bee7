import { canAccess } from '../../src/domain/access';
import { shanghaiDate, shanghaiTime } from '../../src/domain/calendar';
import { BOM, csvLine } from '../../src/domain/csv';
import type { DocRecord, DocumentDefinition } from '../../src/domain/definition';
import {
  exportColumns,
  exportFileName,
  exportRows,
  linesFieldOf,
  referencedIds,
  type ExportMode,
} from '../../src/domain/exportSheet';
import { recordName } from '../../src/domain/present';
import { refusal, RefusedError } from './refusal';
import type { Actor } from '../../src/domain/roles';
import type { Locale } from '../../src/domain/text';
import type { Reader } from '../store/types';
import { listDocs, type DocDeps } from './documents';
import { parseListQuery } from './dialect';
import type { ApiResponse } from './types';

/**
 * GET /api/<res>/export?filter=…&sort=…[&lines=1|<field>] — every row of the filtered list as
 * CSV for Excel (issue 18), streamed page by page: react-admin's ExportButton stops at 1,000 rows
 * and a year of orders is 124k. The same access and filter checks as the list (listDocs: the
 * role's read access and row scope; the dialect's field checks), the sheet from the definition
 * (src/domain/exportSheet.ts), the cells from csv.ts. How many rows it holds: the
 * `X-Export-Rows` HTTP trailer (for API clients), and the SPA counts them as it saves the file.
 */

/** rows read per page: small enough to keep memory flat, large enough to keep statements few */
export const EXPORT_PAGE = 500;

const bad = (zh: string, en: string) => new RefusedError(refusal(400, zh, en));

/** the names of the records a page references, looked up once per export (customers repeat) */
class NameCache {
  private readonly names = new Map<string, Map<number, string>>();
  constructor(private readonly reader: Reader) {}
  async load(wanted: Map<string, Set<number>>): Promise<void> {
    await Promise.all(
      [...wanted].map(async ([resource, ids]) => {
        const known = this.names.get(resource) ?? new Map<number, string>();
        this.names.set(resource, known);
        const missing = [...ids].filter((id) => !known.has(id));
        if (missing.length === 0) return;
        for (const r of await this.reader.getMany(resource, missing)) known.set(Number(r.id), recordName(resource, r));
      }),
    );
  }
  name = (resource: string, id: number) => this.names.get(resource)?.get(id);
}

export function exportStamp(now: Date): string {
  return `${shanghaiDate(now).replaceAll('-', '')}-${shanghaiTime(now).replace(':', '')}`;
}

export async function exportDocs(
  deps: DocDeps,
  def: DocumentDefinition,
  actor: Actor,
  params: URLSearchParams,
  locale: Locale,
): Promise<ApiResponse> {
  // who may list may export; the users screen is the admin's (access.ts)
  if (!canAccess(actor, def.resource, 'export'))
    throw new RefusedError(refusal(403, '您的角色不能导出此类资料', 'Your role may not export these records'));
  if (params.has('range'))
    throw bad('导出包含全部筛选结果，不接受 range', 'An export holds every filtered row; range is not accepted');
  const q = parseListQuery(def, params);
  const linesParam = params.get('lines');
  let mode: ExportMode = { kind: 'documents' };
  if (linesParam !== null && linesParam !== '' && linesParam !== '0') {
    const field = linesFieldOf(def, linesParam);
    if (!field) throw bad('此类单据没有明细', 'These records have no lines');
    mode = { kind: 'lines', field };
  }
  // the first page is read before the answer starts: a refusal (a bad filter) is still a clean 4xx
  const first = await listDocs(deps, def, actor, { ...q, range: [0, EXPORT_PAGE - 1], total: false });
  const columns = exportColumns(def, mode, locale);
  const names = new NameCache(deps.store);
  const filename = exportFileName(def, mode, locale, exportStamp(deps.now()));
  const counter = { rows: 0 };

  async function* body(): AsyncGenerator<string> {
    yield BOM + csvLine(columns.map((c) => c.header));
    let page: DocRecord[] = first.rows;
    let start = 0;
    for (;;) {
      const rows = exportRows(page, mode);
      await names.load(referencedIds(def, rows, mode));
      const ctx = { locale, refName: names.name };
      let chunk = '';
      for (const row of rows) chunk += csvLine(columns.map((c) => c.cell(row, ctx)));
      counter.rows += rows.length;
      if (chunk) yield chunk;
      if (page.length < EXPORT_PAGE) return;
      start += EXPORT_PAGE;
      // the list's own order, page after page (both stores break ties by id, so pages do not overlap)
      page = (await listDocs(deps, def, actor, { ...q, range: [start, start + EXPORT_PAGE - 1], total: false })).rows;
    }
  }

  return {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${def.resource}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'X-Export-Name': encodeURIComponent(filename),
    },
    stream: body(),
    trailers: () => ({ 'X-Export-Rows': String(counter.rows) }),
  };
}
