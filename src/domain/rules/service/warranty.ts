import { addDays, type Calendar } from '../../calendar';
import type { DocRecord } from '../../definition';
import { fenToYuan, lineTotalFen, sumFen, yuanToFen } from '../../money';
import { ruleRefusal, type Refusal } from '../../refusal';
import { linesOf, num } from './common';

/**
 * After-sales service 售后 (5.7, 5.3.2): warranty by category from the invoice date, the onsite
 * day, and what the customer pays.
 *   OA equipment: one year of free warranty (5.3.2) — day 365 after the invoice is in, day 366 out;
 *   OA consumables: the maker's service station tests and exchanges them if the defect is real (5.3.2);
 *   stationery: free exchange within 15 days (5.3.2) — an exchange (6.9), not a repair;
 *   anything else, or past the period: out of warranty (5.7.6).
 */
export const EQUIPMENT_WARRANTY_DAYS = 365;
export const EXCHANGE_DAYS = 15;

export type WarrantyStatus = 'inWarranty' | 'makerService' | 'exchangeWindow' | 'outOfWarranty';

export function warrantyOf(
  category: unknown,
  invoiceDate: string,
  serviceDay: string,
): { status: WarrantyStatus; until: string | null } {
  if (category === 'oaEquipment') {
    const until = addDays(invoiceDate, EQUIPMENT_WARRANTY_DAYS);
    return { status: serviceDay <= until ? 'inWarranty' : 'outOfWarranty', until };
  }
  if (category === 'oaConsumable') return { status: 'makerService', until: null };
  if (category === 'stationery') {
    const until = addDays(invoiceDate, EXCHANGE_DAYS);
    return { status: serviceDay <= until ? 'exchangeWindow' : 'outOfWarranty', until };
  }
  return { status: 'outOfWarranty', until: null };
}

/**
 * 5.7.3 / 5.7.8 onsite: the next working day, or the day the customer chose — never a statutory
 * holiday (we also keep to working days, so rest days are refused too, make-up days allowed).
 */
export function onsiteDay(receivedDay: string, requested: unknown, cal: Calendar): string {
  return typeof requested === 'string' && requested ? requested : cal.nextWorkingDay(receivedDay);
}

export function requestedDayRefusal(receivedDay: string, requested: unknown, cal: Calendar): Refusal | null {
  if (typeof requested !== 'string' || !requested) return null;
  if (requested < receivedDay)
    return ruleRefusal(
      '5.7.3',
      '客户指定的上门日期不能早于报修日期',
      'The chosen day cannot be before the call',
      'requestedDate',
    );
  if (!cal.isWorkingDay(requested))
    return ruleRefusal(
      '5.7.3',
      `${requested} 是法定节假日或休息日，不安排上门服务`,
      `${requested} is a holiday or rest day: no onsite service`,
      'requestedDate',
    );
  return null;
}

export interface Charges {
  partsCharge: number;
  labourCharge: number;
  totalCharge: number;
}

/**
 * 5.7.3 under warranty: onsite service is free; parts outside the warranty's scope are charged at
 * cost. 5.7.6 out of warranty: parts at cost + the repair (labour) fee. The maker's service and the
 * 15-day exchange cost the customer nothing here.
 */
export function chargesOf(status: WarrantyStatus, parts: readonly DocRecord[], labourFee: number): Charges {
  const cost = (l: DocRecord) => lineTotalFen(yuanToFen(num(l.unitCost)), num(l.qty));
  let partsFen = 0;
  let labourFen = 0;
  if (status === 'outOfWarranty') {
    partsFen = sumFen(parts.map(cost));
    labourFen = yuanToFen(labourFee);
  } else if (status === 'inWarranty') {
    partsFen = sumFen(parts.filter((l) => l.inScope === false).map(cost));
  }
  return {
    partsCharge: fenToYuan(partsFen),
    labourCharge: fenToYuan(labourFen),
    totalCharge: fenToYuan(partsFen + labourFen),
  };
}

export function chargeRefusals(
  status: WarrantyStatus,
  ticket: DocRecord,
  products: Record<number, DocRecord | undefined>,
): Refusal[] {
  const out: Refusal[] = [];
  const labour = num(ticket.labourFee);
  if (labour > 0 && status !== 'outOfWarranty')
    out.push(
      ruleRefusal(
        '5.7.3',
        '保修期内免费上门服务，不收维修费',
        'Under warranty the onsite service is free: no labour fee',
        'labourFee',
      ),
    );
  linesOf(ticket, 'parts').forEach((l, i) => {
    const p = l.productId != null ? products[Number(l.productId)] : undefined;
    if (p && typeof p.cost === 'number' && yuanToFen(num(l.unitCost)) !== yuanToFen(p.cost)) {
      out.push(
        ruleRefusal(
          '5.7.3',
          `第${i + 1}个零件按成本收费：应为 ${p.cost} 元`,
          `Part ${i + 1} is charged at cost: ${p.cost} yuan`,
          `parts.${i}.unitCost`,
        ),
      );
    }
  });
  return out;
}

/** 5.7.6 an out-of-warranty repair is completed with its repair fee stated. */
export function completionRefusal(ticket: DocRecord): Refusal | null {
  if (ticket.warrantyStatus === 'outOfWarranty' && ticket.kind !== 'install' && !(num(ticket.labourFee) > 0)) {
    return ruleRefusal(
      '5.7.6',
      '保修期外维修须填写维修费（零件成本另计）',
      'An out-of-warranty repair states its repair fee (parts at cost besides)',
      'labourFee',
    );
  }
  return null;
}
