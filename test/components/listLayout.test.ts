import { canAccess } from '../../src/domain/access';
import { canTakeAction } from '../../src/domain/access';
import { DEFINITIONS } from '../../src/domain/documents';
import { ROLE_IDS, type Role } from '../../src/domain/roles';
import { bulkActions } from '../../src/domain/workflow';
import { formsFor } from '../../src/print/forms';
import {
  actionsWidth,
  LIST_WIDTH_1280,
  LIST_WIDTH_1440,
  NAME_MIN,
  rowButtons,
  tableMinWidth,
  textWidth,
} from '../../src/resources/listLayout';

/**
 * Issue 18: every list fits the branch's laptops — for every role that may open it, in Chinese and
 * in English, its default columns (priority 1 at 1280, and 2 at 1440) need no more than the screen
 * leaves a list (with a classic 17 px scrollbar), names at their minimum width. The browser test
 * (test/e2e/layout.e2e.ts) measures the same screens as rendered.
 */
const actor = (role: Role) => ({ id: 1, username: role, fullName: role, role, group: null });

describe('list widths', () => {
  const cases = ROLE_IDS.flatMap((role) =>
    Object.values(DEFINITIONS)
      .filter((def) => canAccess(actor(role), def.resource, 'list'))
      .map((def) => ({ role, def })),
  );

  it.each(['zh', 'en'] as const)('every list of every role fits 1280 and 1440 (%s)', (locale) => {
    const over: string[] = [];
    for (const { role, def } of cases) {
      const prints = formsFor(def.resource).filter((f) => f.printers?.includes(role)).length;
      const selectable = prints > 0 || bulkActions(def.workflow).some((a) => canTakeAction(def, actor(role), a));
      for (const [wide, room] of [
        [false, LIST_WIDTH_1280],
        [true, LIST_WIDTH_1440],
      ] as const) {
        const need = tableMinWidth(def, { role, locale, wide, prints, selectable });
        if (need > room) over.push(`${def.resource} as ${role} at ${wide ? 1440 : 1280}: ${need} > ${room}`);
      }
    }
    expect(over).toEqual([]);
    expect(cases.length).toBeGreaterThan(150);
  });

  it('a name column keeps room for a short company name', () => {
    expect(NAME_MIN).toBeGreaterThanOrEqual(textWidth('深圳市凯和科技') + 16);
  });

  it('a row with many steps or long labels shows one button and ⋯', () => {
    expect(rowButtons(['审核通过', '退回'])).toEqual({ shown: 2, more: false });
    expect(rowButtons(['Approve payout', 'Return payout request'])).toEqual({ shown: 1, more: true });
    expect(rowButtons(['a', 'b', 'c'])).toEqual({ shown: 1, more: true });
    // the actions column is as wide as the widest row needs: the csManager's approve + reject on orders
    expect(actionsWidth(DEFINITIONS.orders, 'csManager', 'zh', 0)).toBeGreaterThanOrEqual(
      2 * (26 + textWidth('审核通过')) - 10,
    );
    expect(actionsWidth(DEFINITIONS.orders, 'assistant', 'zh', 0)).toBeGreaterThan(0); // confirm a web order from its row
    expect(actionsWidth(DEFINITIONS.customers, 'assistant', 'zh', 0)).toBe(0);
  });
});
