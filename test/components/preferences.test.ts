import { memoryStore } from 'react-admin';
import { keepLanguageOnLogout } from '../../src/app/preferences';

describe('react-admin store at logout', () => {
  it("empties what the user left (list preferences, chosen columns) and keeps the desk's language", () => {
    const store = keepLanguageOnLogout(memoryStore());
    store.setup();
    store.setItem('locale', 'en');
    store.setItem('orders.listParams', { sort: 'total' });
    store.setItem('preferences.orders.datagrid.columns', ['0', '2']);
    store.reset();
    expect(store.getItem('locale')).toBe('en');
    expect(store.getItem('orders.listParams')).toBeUndefined();
    expect(store.getItem('preferences.orders.datagrid.columns')).toBeUndefined();
  });
});
