import type { Calendar } from '../calendar';
import { slaDeadline, WEB_ORDER_CONFIRM } from '../sla';

/** 5.1.1 a web order is confirmed by the e-commerce assistant within 10 working minutes of receipt. */
export function webOrderConfirmDeadline(receivedAt: Date, cal: Calendar): Date {
  return slaDeadline(receivedAt, WEB_ORDER_CONFIRM, cal);
}
