import type { Role } from './roles';

/**
 * What each report of /api/reports/* answers (reports/*.ts computes them; the dashboard shows them).
 * The contract between the two, here so screens need nothing of reports/.
 */

export interface AssistantPerformanceRow {
  assistantId: number;
  name: string;
  group: string | null;
  ordersEntered: number;
  orderValue: number;
  webConfirmed: number;
  webConfirmedInTime: number;
  webConfirmedPct: number | null;
  quotesReplied: number;
  quotesRepliedInTime: number;
  quotesRepliedPct: number | null;
  complaintsHandled: number;
  complaintsRepliedInTime: number;
  complaintsResolvedInTime: number;
  returns: number;
  samplesOverdue: number;
  targetOrders: number;
  targetValue: number;
  meetsTarget: boolean;
  rank: number;
}

export interface AssistantPerformance {
  date: string;
  rows: AssistantPerformanceRow[];
  totals: {
    ordersEntered: number;
    orderValue: number;
    webConfirmed: number;
    webConfirmedInTime: number;
    complaintsHandled: number;
    returns: number;
    samplesOverdue: number;
  };
}

export interface ComplaintDay {
  date: string;
  category: string;
  received: number;
  repliedOnTime: number;
  resolvedOnTime: number;
  keyAccount: number;
}

export interface ComplaintTrends {
  from: string;
  to: string;
  days: ComplaintDay[];
  byCategory: {
    category: string;
    received: number;
    resolvedOnTime: number;
    repliedOnTimePct: number | null;
    resolvedOnTimePct: number | null;
  }[];
  resolvedPerDay: { date: string; resolved: number }[];
  open: number;
  keyAccount: number;
  oldestOpen: {
    id: number;
    code: string;
    receivedAt: string;
    customerName: string;
    category: string;
    status: string;
  }[];
}

export interface OrderTrends {
  from: string;
  to: string;
  days: { date: string; web: number; phone: number; webValue: number; phoneValue: number }[];
  assistants: { assistantId: number; series: number[] }[];
}

export interface Queues {
  pendingByRole: { role: Role; resource: string; status: string; count: number }[];
  /**
   * documents waiting, each once: an approved order waits on the order desk and the warehouse and
   * is listed under both in `pendingByRole`, but it is one document
   */
  pendingDocuments: number;
  webOrdersWaiting: number;
  webOrdersOverdue: number;
  overdueLoans: number;
  quotesExpiringSoon: number;
  creditReviewsDue: number;
}
