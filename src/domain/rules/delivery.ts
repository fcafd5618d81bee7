import { atShanghai, shanghaiDate, shanghaiMinutesOfDay, type Calendar } from '../calendar';
import type { Fen } from '../money';

/** 5.3.1 "满百免费送": goods total ≥ 100 元 → free delivery; below → 10 元. */
export const FREE_DELIVERY_FROM_FEN: Fen = 100_00;
export const DELIVERY_FEE_FEN: Fen = 10_00;

export function deliveryFeeFen(subtotalFen: Fen): Fen {
  if (subtotalFen <= 0) return 0;
  return subtotalFen >= FREE_DELIVERY_FROM_FEN ? 0 : DELIVERY_FEE_FEN;
}

/** 5.3.1 / 5.9.3 key accounts: ordered before 12:00 → same afternoon; later → next working day morning. */
export const KEY_ACCOUNT_CUTOFF = '12:00';
const SAME_AFTERNOON_BY = '17:30';
const MORNING_BY = '12:00';

export type PromiseKind = 'sameAfternoon' | 'nextMorning' | 'nextWorkingDay';

export interface DeliveryPromise {
  kind: PromiseKind;
  at: Date;
}

/**
 * 5.3.1 "今天要，明天到": the delivery promised for an order received at `receivedAt`.
 * Key accounts: before 12:00 on a working day → that afternoon (by 17:30); otherwise the next
 * working day's morning (by 12:00). Everyone else: the next working day (by 17:30).
 */
export function deliveryPromise(receivedAt: Date, keyAccount: boolean, cal: Calendar): DeliveryPromise {
  const day = shanghaiDate(receivedAt);
  if (keyAccount) {
    if (cal.isWorkingDay(day) && shanghaiMinutesOfDay(receivedAt) < 12 * 60) {
      return { kind: 'sameAfternoon', at: atShanghai(day, SAME_AFTERNOON_BY) };
    }
    return { kind: 'nextMorning', at: atShanghai(cal.nextWorkingDay(day), MORNING_BY) };
  }
  return { kind: 'nextWorkingDay', at: atShanghai(cal.nextWorkingDay(day), SAME_AFTERNOON_BY) };
}
