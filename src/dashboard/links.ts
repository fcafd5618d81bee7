import { dayBounds, rangeBounds } from '../domain/periods';
import type { View } from '../domain/where';

/** Links from a report's number to the list it counts: `/<resource>?filter=<json>` (react-admin's list URL). */
export const listLink = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** The list a view's set is: the same set the report counted. */
export const viewLink = (v: View) => listLink(v.resource, v.where);

export const showLink = (resource: string, id: number | string) =>
  `/${resource}/${encodeURIComponent(String(id))}/show`;

/** The instants bounding a Shanghai day / range of days — the same bounds as the reports (src/domain/periods.ts). */
export { dayBounds, rangeBounds };
