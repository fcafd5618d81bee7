import { listColumns, type ColumnWidth, type DocumentDefinition } from '../domain/definition';
import type { Role } from '../domain/roles';
import type { Locale } from '../domain/text';
import { listActions } from '../domain/workflow';

/**
 * How wide a generated list's columns are (issue 18: lists that fit a 1280 screen). Pure: the
 * list (GeneratedList), the inbox (WorkQueue) and the test that every role's every list fits
 * (test/components/listLayout.test.ts) use the same numbers.
 */

/**
 * Column widths by class (definition.ts ColumnWidth), in px. The table is laid out fixed: these
 * columns keep their width, the `name` columns share what is left, every cell is one line
 * (ellipsis, full text on hover).
 */
export const COLUMN_WIDTHS: Record<Exclude<ColumnWidth, 'name'>, number> = {
  code: 148,
  text: 112,
  money: 108,
  number: 76,
  datetime: 136,
  date: 100,
  status: 116,
  choice: 96,
  flag: 64,
};
/** a name column never gets narrower than this (the table scrolls inside its card first) */
export const NAME_MIN = 130;
/** the row-selection checkbox column */
export const CHECKBOX_WIDTH = 48;
/** the deadline column: 超时 12 天 5 小时 / 12 d 5 h overdue (a longer one ends in an ellipsis, the whole on hover) */
export const DEADLINE_WIDTH: Record<Locale, number> = { zh: 150, en: 160 };
/** …in the home inbox (fewer columns): the working-time ones whole too — 1 working day 9 h left (6.14.2) */
export const INBOX_DEADLINE_WIDTH: Record<Locale, number> = { zh: 150, en: 168 };
/** a row button's label is cut (ellipsis, full text on hover) beyond this many px */
export const ROW_BUTTON_MAX = 140;
/** at most this many buttons on a row, and at most this wide together: beyond, the first stays a button and the rest go behind ⋯ */
export const MAX_ROW_BUTTONS = 2;
export const ROW_BUTTONS_BUDGET = 190;
/** the ⋯ button */
export const MORE_WIDTH = 34;
/** a row's print button: an icon (the form's name on hover) */
export const PRINT_ICON = 34;
/** what a 1280 screen leaves a list: 1280 − the menu (240) − the page's padding (16) − a classic scrollbar (17) */
export const LIST_WIDTH_1280 = 1280 - 240 - 16 - 17;
export const LIST_WIDTH_1440 = 1440 - 240 - 16 - 17;

/** Roughly how wide a text is at 14 px (Chinese characters are square, Latin ones about half). */
export const textWidth = (label: string) =>
  [...label].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 14 : 7.6), 0);
/** …and a small button with this label */
export const buttonWidth = (label: string) => Math.min(ROW_BUTTON_MAX, 26 + textWidth(label));

/** How a row shows its steps' buttons: all of them, or the first and ⋯ for the rest. */
export function rowButtons(labels: readonly string[]): { shown: number; more: boolean } {
  const all = labels.reduce((s, l) => s + buttonWidth(l) + 4, 0);
  if (labels.length <= MAX_ROW_BUTTONS && all <= ROW_BUTTONS_BUDGET) return { shown: labels.length, more: false };
  return { shown: 1, more: true };
}

/** the widest a status column gets in a list (many columns share 1280 px) and in the home inbox (few columns) */
export const STATUS_MAX = { list: 140, inbox: 210 } as const;

/**
 * The status column: as wide as the type's longest status chip, between the class's width and
 * `max` — a longer one (支付已批准，待财务转账 in a list) ends in an ellipsis, its full name on hover.
 */
export function statusWidth(
  def: DocumentDefinition,
  locale: Locale,
  max: number = STATUS_MAX.list,
  /** only these states (the inbox: those of the documents it shows), else all of the type's */
  only?: readonly string[],
): number {
  const states = def.workflow?.states ?? {};
  const labels = only
    ? only.flatMap((k) => (states[k] ? [states[k].label[locale]] : []))
    : Object.values(states).map((s) => s.label[locale]);
  const longest = Math.max(0, ...labels.map(textWidth));
  return Math.round(Math.min(max, Math.max(COLUMN_WIDTHS.status, longest + 24 + 16)));
}

/** The labels of the steps a role may take from a list row of this type in each state. */
export function rowStepLabels(def: DocumentDefinition, role: Role, locale: Locale): string[][] {
  const wf = def.workflow;
  return Object.keys(wf?.states ?? {}).map((state) =>
    listActions(wf)
      .map((a) => wf?.transitions.find((t) => t.action === a && t.from.includes(state) && t.roles.includes(role)))
      .filter((t) => t !== undefined)
      .map((t) => t.label[locale]),
  );
}

/**
 * The row actions column's width for this role: the widest set of buttons one row can show
 * (rowButtons), plus the print buttons of the roles that print from the list; 0 — no column.
 */
export function actionsWidth(def: DocumentDefinition, role: Role, locale: Locale, prints: number): number {
  let widest = 0;
  for (const labels of rowStepLabels(def, role, locale)) {
    const { shown, more } = rowButtons(labels);
    widest = Math.max(
      widest,
      labels.slice(0, shown).reduce((s, l) => s + buttonWidth(l) + 4, 0) + (more ? MORE_WIDTH : 0),
    );
  }
  const total = widest + prints * PRINT_ICON;
  return total > 0 ? Math.ceil(total + 16) : 0;
}

/** Whether the type has a deadline column (a deadline field, or a state's own). */
export const hasDeadline = (def: DocumentDefinition) =>
  !!def.deadlineField || Object.values(def.stateDeadlines ?? {}).some(Boolean);

/** The columns a screen shows without asking: priority 1, and priority 2 on a wide one. */
export const defaultColumns = (def: DocumentDefinition, wide: boolean) =>
  listColumns(def).filter((c) => c.priority === 1 || (c.priority === 2 && wide));

/** The width the default columns need, name columns at their minimum: the table's min-width. */
export function tableMinWidth(
  def: DocumentDefinition,
  opts: { role: Role; locale: Locale; wide: boolean; prints: number; selectable: boolean },
): number {
  const cols = defaultColumns(def, opts.wide).reduce(
    (s, c) =>
      s +
      (c.width === 'name' ? NAME_MIN : c.width === 'status' ? statusWidth(def, opts.locale) : COLUMN_WIDTHS[c.width]),
    0,
  );
  return (
    (opts.selectable ? CHECKBOX_WIDTH : 0) +
    cols +
    (hasDeadline(def) ? DEADLINE_WIDTH[opts.locale] : 0) +
    actionsWidth(def, opts.role, opts.locale, opts.prints)
  );
}

/** Rows past their deadline are marked (a red edge), e.g. overdue sample loans (6.11.2) and late complaints. */
export const overdueMark = { boxShadow: 'inset 4px 0 0 #d32f2f', backgroundColor: 'rgba(211, 47, 47, 0.06)' };
