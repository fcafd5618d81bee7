import englishMessages from 'ra-language-english';
import { flattenKeys, missingKeys } from '../../src/app/i18n/messageKeys';
import { definitionMessages } from '../../src/app/i18n/definitionMessages';
import { enApp, enMessages } from '../../src/app/i18n/en';
import { createI18nProvider } from '../../src/app/i18n/i18nProvider';
import { zhApp, zhMessages } from '../../src/app/i18n/zh';
import { DEFINITIONS } from '../../src/domain/documents';

const PLACEHOLDER = /%\{(.*?)\}/g;
const placeholders = (s: string) => [...new Set([...s.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
const valueAt = (obj: object, dotted: string) =>
  dotted
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

describe('app messages: zh and en have the same keys', () => {
  it('every en key is in zh', () => {
    expect(missingKeys(enApp, zhApp)).toEqual([]);
  });

  it('every zh key is in en', () => {
    expect(missingKeys(zhApp, enApp)).toEqual([]);
  });

  it('the comparison can fail (a key removed from a copy is reported)', () => {
    const copy = structuredClone(enApp) as unknown as { order: Record<string, unknown> };
    delete copy.order.deliveryFee;
    expect(missingKeys(zhApp, copy)).toEqual(['order.deliveryFee']);
  });

  it('the whole message trees agree too (ra, resources, app)', () => {
    // the resources' messages are generated from the definitions and join when those are loaded
    const zhAll = { ...zhMessages, ...definitionMessages('zh') };
    const enAll = { ...enMessages, ...definitionMessages('en') };
    expect(missingKeys(enAll, zhAll)).toEqual([]);
    expect(missingKeys(zhAll, enAll)).toEqual([]);
    expect(missingKeys(englishMessages, zhAll)).toEqual([]);
  });

  it.each(flattenKeys(zhApp))('app.%s: non-empty in both, same placeholders', (key) => {
    const zh = valueAt(zhApp, key);
    const en = valueAt(enApp, key);
    expect(typeof zh).toBe('string');
    expect(typeof en).toBe('string');
    expect((zh as string).trim()).not.toBe('');
    expect((en as string).trim()).not.toBe('');
    expect(placeholders(zh as string)).toEqual(placeholders(en as string));
  });
});

describe('resource messages are generated from the definitions', () => {
  const zh = definitionMessages('zh').resources;
  const en = definitionMessages('en').resources;

  it('has every resource, field and workflow state of every definition', () => {
    for (const def of Object.values(DEFINITIONS)) {
      for (const [name, f] of Object.entries(def.fields)) {
        expect(zh[def.resource].fields[name]).toBe(f.label.zh);
        expect(en[def.resource].fields[name]).toBe(f.label.en);
      }
      for (const [state, s] of Object.entries(def.workflow?.states ?? {})) {
        expect(zh[def.resource].status[state]).toBe(s.label.zh);
        expect(en[def.resource].status[state]).toBe(s.label.en);
      }
    }
  });

  it('translates concrete labels through polyglot', async () => {
    // as App.tsx does once the definitions are loaded; English is loaded on the switch
    const zhI18n = createI18nProvider();
    await zhI18n.addResourceMessages(definitionMessages);
    const enI18n = createI18nProvider();
    await enI18n.addResourceMessages(definitionMessages);
    await enI18n.changeLocale('en');
    expect(zhI18n.translate('resources.orders.name', { smart_count: 2 })).toBe('销售订单');
    expect(enI18n.translate('resources.orders.name', { smart_count: 2 })).toBe('Sales orders');
    expect(enI18n.translate('resources.orders.name', { smart_count: 1 })).toBe('Sales order');
    expect(zhI18n.translate('resources.orders.fields.deliveryFee')).toBe('运费');
    expect(enI18n.translate('resources.orders.fields.deliveryFee')).toBe('Delivery fee');
    expect(zhI18n.translate('resources.orders.status.submitted')).toBe('待审核');
    expect(zhI18n.translate('resources.orders.enums.paymentMethod.credit')).toBe('付款帐期');
    expect(zhI18n.translate('resources.orders.lineFields.lines.unitPrice')).toBe('单价');
    expect(zhI18n.translate('app.order.short', { n: 3 })).toBe('缺货 3');
    expect(zhI18n.getLocale()).toBe('zh');
    expect(enI18n.getLocale()).toBe('en');
  });

  it('the resources translate in the current language whenever they arrive (before or after a switch)', async () => {
    const i18n = createI18nProvider();
    expect(i18n.translate('resources.orders.name', { smart_count: 2, _: 'orders' })).toBe('orders');
    await i18n.changeLocale('en');
    expect(i18n.translate('app.title')).toBe('Baoyi Service Desk');
    await i18n.addResourceMessages(definitionMessages);
    expect(i18n.translate('resources.orders.name', { smart_count: 2 })).toBe('Sales orders');
    // a switch started before the resources are added still ends with both
    const other = createI18nProvider();
    const switching = other.changeLocale('en');
    const adding = other.addResourceMessages(definitionMessages);
    await Promise.all([switching, adding]);
    expect(other.getLocale()).toBe('en');
    expect(other.translate('resources.orders.fields.deliveryFee')).toBe('Delivery fee');
    await other.changeLocale('zh');
    expect(other.translate('resources.orders.fields.deliveryFee')).toBe('运费');
  });
});
