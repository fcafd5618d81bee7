import type { ComponentType } from 'react';
import { CalendarDaysInput } from './CalendarPaste';
import { GiftMonthlySales } from './GiftMonthlySales';
import { UserActiveInput, UserRoleInput } from './LastAdminLock';
import { QuoteLinesInput } from './QuoteLines';
import { ReturnLinesInput } from './ReturnLines';

/**
 * Inputs of the generated forms that help the clerk beyond a plain field: the quote's lines with
 * price guidance (6.4.3), a return's lines picked from its delivery note (6.9.1), the gift's
 * monthly sales as the system computes them (6.12.1), a user's role and active switch locked for the
 * last active admin, a year's 调休 pasted in one go (settings). By resource, then field.
 */
export const FORM_PARTS: Record<string, Record<string, ComponentType<{ mode: 'create' | 'edit' }>>> = {
  quotes: { lines: QuoteLinesInput },
  returns: { lines: ReturnLinesInput },
  gifts: { monthlySales: GiftMonthlySales },
  settings: { calendarDays: CalendarDaysInput },
  // the last active admin's role and active switch are not offered (rules/users.ts)
  users: { role: UserRoleInput, active: UserActiveInput },
};

/** Resources whose `lines` are a line table (orders/OrderLines): an empty last line is dropped on save. */
export const LINE_TABLES: Record<string, boolean> = { quotes: true };
