/** GET /api/myWork: a document waiting on the caller (server/core/inbox.ts builds it, the SPA shows it). */
export interface InboxItem {
  resource: string;
  id: number;
  code: string | null;
  status: string;
  deadline: string | null;
  customerName: string | null;
  total: number | null;
  createdAt: string | null;
}
