import { atShanghai, shanghaiDate, shanghaiMinutesOfDay, type Calendar } from '../../calendar';
import { ruleRefusal, type Refusal } from '../../refusal';

/**
 * 6.8 urgent same-day delivery (急件送货联络函): only for customers within 20 km (6.8.1); the
 * vans leave at 12:00 and 15:30 and urgent goods notified after 15:30 are not accepted (6.8.4).
 *
 * Interpretation of the boundary: a request must catch a van that is still ahead, i.e. leaves
 * strictly after the request. So 11:59 → 12:00 van, 12:00 → 15:30 van, 15:29 → 15:30 van, and
 * 15:30 exactly (the last van is leaving) or later → refused. Vans run on working days (the
 * branch's logistics calendar), so a request on a non-working day is refused too.
 */
export const URGENT_SLOTS = { noon: '12:00', afternoon: '15:30' } as const;
export type UrgentSlot = keyof typeof URGENT_SLOTS;
export const URGENT_MAX_KM = 20;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const SLOT_ORDER: UrgentSlot[] = ['noon', 'afternoon'];

/** The first van leaving strictly after `at` on the same day, or null (after the last van). */
export function nextUrgentSlot(at: Date): UrgentSlot | null {
  const m = shanghaiMinutesOfDay(at);
  return SLOT_ORDER.find((s) => minutesOf(URGENT_SLOTS[s]) > m) ?? null;
}

/** The departure instant of `slot` on the Shanghai day of `at`. */
export function slotDeparture(at: Date, slot: UrgentSlot): Date {
  return atShanghai(shanghaiDate(at), URGENT_SLOTS[slot]);
}

/** 6.8.4: may an urgent delivery requested at `requestedAt` go with `slot` (or the next van)? */
export function urgentRequestRefusal(
  requestedAt: Date,
  slot: UrgentSlot | null | undefined,
  cal: Calendar,
): Refusal | null {
  if (!cal.isWorkingDay(shanghaiDate(requestedAt))) {
    return ruleRefusal(
      '6.8.4',
      '非工作日没有急件车辆，急件不予受理',
      'No urgent vans on a non-working day: urgent delivery refused',
      'requestedAt',
    );
  }
  const next = nextUrgentSlot(requestedAt);
  if (!next)
    return ruleRefusal(
      '6.8.4',
      '15:30以后通知的急货一概不予受理',
      'Urgent goods notified from 15:30 on are not accepted',
      'requestedAt',
    );
  if (slot && SLOT_ORDER.indexOf(slot) < SLOT_ORDER.indexOf(next)) {
    return ruleRefusal(
      '6.8.4',
      `${URGENT_SLOTS[slot]}的急件车已开出，请选${URGENT_SLOTS[next]}`,
      `The ${URGENT_SLOTS[slot]} van has left; choose ${URGENT_SLOTS[next]}`,
      'slot',
    );
  }
  return null;
}

/** 6.8.1 the customer must be within 20 km (a customer without a known distance is refused). */
export function distanceRefusal(distanceKm: unknown): Refusal | null {
  if (typeof distanceKm !== 'number')
    return ruleRefusal(
      '6.8.1',
      '客户距离未登记，不能安排急件',
      'The customer has no recorded distance: no urgent delivery',
      'customerId',
    );
  if (distanceKm > URGENT_MAX_KM)
    return ruleRefusal(
      '6.8.1',
      `客户距离 ${distanceKm} 公里，超过20公里不送急件`,
      `Customer is ${distanceKm} km away: urgent delivery only within 20 km`,
      'customerId',
    );
  return null;
}
