import { dayBounds, rangeBounds } from '../../reports/source';

/** Links from a report's number to the list it counts: `/<resource>?filter=<json>` (react-admin's list URL). */
export const listLink = (resource: string, filter: Record<string, unknown>) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

export const showLink = (resource: string, id: number | string) => `/${resource}/${encodeURIComponent(String(id))}/show`;

/** The instants bounding a Shanghai day / range of days — the same bounds as the reports (reports/source.ts). */
export { dayBounds, rangeBounds };
