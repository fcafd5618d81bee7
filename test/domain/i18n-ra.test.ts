import englishMessages from 'ra-language-english';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { raZh } from '../../src/app/i18n/raZh';
import { flattenKeys, missingKeys } from '../../src/app/i18n/messageKeys';

// Same token syntax polyglot uses by default (%{name}).
const PLACEHOLDER = /%\{(.*?)\}/g;

/**
 * Placeholders that raZh deliberately leaves out. polyglot's `zh` plural rule
 * always uses the first (only) form, and BulkUpdateWithConfirmButton passes
 * just { smart_count, name } for these keys, so keeping %{recordRepresentation}
 * would print the raw token in the bulk-update dialog (see raZh.ts).
 */
const INTENTIONALLY_OMITTED: Record<string, string[]> = {
  'ra.message.bulk_update_title': ['recordRepresentation'],
  'ra.message.bulk_update_content': ['recordRepresentation'],
};

function valueAt(obj: object, dotted: string): unknown {
  let current: unknown = obj;
  for (const part of dotted.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

const englishKeys = flattenKeys(englishMessages);

describe('flattenKeys / missingKeys', () => {
  it('flattens nested objects into dotted leaf keys', () => {
    expect(flattenKeys({ a: { b: 'x', c: { d: 'y' } }, e: 'z', f: {} })).toEqual(['a.b', 'a.c.d', 'e']);
    expect(flattenKeys({ b: 'x' }, 'a')).toEqual(['a.b']);
  });

  it('reports a key removed from a copy (the completeness check can fail)', () => {
    const copy = structuredClone(raZh);
    delete (copy.ra.action as Record<string, unknown>).save;
    delete (copy.ra.configurable as { SimpleList: Record<string, unknown> }).SimpleList.tertiaryText;
    expect(missingKeys(englishMessages, copy)).toEqual(['ra.action.save', 'ra.configurable.SimpleList.tertiaryText']);
  });

  it('treats a leaf replaced by an object as missing', () => {
    expect(missingKeys({ a: { b: 'x' } }, { a: { b: { c: 'y' } } })).toEqual(['a.b']);
    expect(missingKeys({ a: 'x' }, { a: 'y' })).toEqual([]);
  });
});

describe('raZh covers ra-language-english', () => {
  it('reads a non-trivial English key tree', () => {
    expect(englishKeys.length).toBeGreaterThan(150);
    expect(englishKeys).toContain('ra.action.save');
  });

  it('has every English leaf key', () => {
    expect(missingKeys(englishMessages, raZh)).toEqual([]);
  });

  it('has no keys that English does not have (catches typos)', () => {
    expect(missingKeys(raZh, englishMessages)).toEqual([]);
  });

  it.each(englishKeys)('%s is a non-empty string', (key) => {
    const zh = valueAt(raZh, key);
    expect(typeof zh).toBe('string');
    expect((zh as string).length).toBeGreaterThan(0);
    // Only whitespace where English is whitespace (ra.boolean.null).
    if ((valueAt(englishMessages, key) as string).trim() !== '') {
      expect((zh as string).trim()).not.toBe('');
    }
  });

  it.each(englishKeys)('%s keeps the English placeholders', (key) => {
    const en = valueAt(englishMessages, key) as string;
    const zh = valueAt(raZh, key) as string;
    const omitted = INTENTIONALLY_OMITTED[key] ?? [];
    const expected = placeholders(en).filter((p) => !omitted.includes(p));
    expect(placeholders(zh)).toEqual(expect.arrayContaining(expected));
  });

  it('only omits placeholders on purpose for keys that really have them', () => {
    for (const [key, names] of Object.entries(INTENTIONALLY_OMITTED)) {
      const en = valueAt(englishMessages, key);
      expect(typeof en).toBe('string');
      expect(placeholders(en as string)).toEqual(expect.arrayContaining(names));
    }
  });
});

describe('raZh rendered by polyglot with a Chinese locale', () => {
  const i18n = polyglotI18nProvider(() => raZh, 'zh-CN');

  it.each(englishKeys)('%s leaves no raw placeholder when given the English placeholders', (key) => {
    const en = valueAt(englishMessages, key) as string;
    const args: Record<string, string | number> = {};
    for (const p of placeholders(en)) args[p] = p === 'smart_count' ? 3 : `<${p}>`;
    expect(i18n.translate(key, args)).not.toContain('%{');
  });

  it('uses one form for any count', () => {
    expect(i18n.translate('ra.action.bulk_actions', { smart_count: 1 })).toBe('已选 1 项');
    expect(i18n.translate('ra.action.bulk_actions', { smart_count: 5 })).toBe('已选 5 项');
    expect(i18n.translate('ra.notification.deleted', { smart_count: 5 })).toBe('已删除 5 条记录');
  });

  it('renders the bulk-update dialog with the arguments BulkUpdateWithConfirmButton passes', () => {
    const args = { smart_count: 2, name: '工单' };
    expect(i18n.translate('ra.message.bulk_update_title', args)).toBe('更新 2 项工单');
    expect(i18n.translate('ra.message.bulk_update_content', args)).toBe('确定要更新这 2 项工单吗？');
  });

  it('renders range and sort labels naturally', () => {
    expect(i18n.translate('ra.navigation.page_range_info', { offsetBegin: 1, offsetEnd: 25, total: 230 })).toBe(
      '第 1-25 条，共 230 条',
    );
    const order = i18n.translate('ra.sort.ASC');
    expect(i18n.translate('ra.sort.sort_by', { field_lower_first: '创建时间', order })).toBe('按创建时间升序排序');
  });
});
