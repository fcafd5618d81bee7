// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocRecord, RuleContext } from '../../src/domain/definition';
import { computeOrder } from '../../src/domain/documents/orders';
import { shanghaiDate } from '../../src/domain/calendar';
import { formatYuan, yuanToFen } from '../../src/domain/money';
import { call, endTest, loginAs, makeFixtures, renderApp, startMockApi, tokenOf } from './helpers';

type Mock = Awaited<ReturnType<typeof startMockApi>>;
let mock: Mock;
let product: DocRecord & { id: number };
let customer: DocRecord & { id: number };

beforeAll(async () => {
  mock = await startMockApi();
  // 99 yuan, 1 in stock: one line is under 100 yuan (10 yuan fee), two are free and short by 1
  ({ product, customer } = await makeFixtures(mock.api, { catalogPrice: 99, stock: 1 }));
});
afterEach(() => endTest(mock));
afterAll(() => mock.server.close());

/** What the server's own computeOrder says for these lines (the form must show the same). */
function expected(qty: number) {
  const ctx: RuleContext = {
    now: new Date(),
    user: { id: 0, username: '', fullName: '', role: 'assistant', group: null },
    refs: { customerId: customer },
    lineRefs: { productId: { [product.id]: product } },
    facts: {},
    settings: {},
  };
  const o = computeOrder({ customerId: customer.id, lines: [{ productId: product.id, qty, unitPrice: 99 }] }, ctx);
  return {
    subtotal: formatYuan(yuanToFen(Number(o.subtotal))),
    fee: formatYuan(yuanToFen(Number(o.deliveryFee))),
    total: formatYuan(yuanToFen(Number(o.total))),
  };
}

/** Types into an autocomplete and clicks the option whose text contains `option`. */
async function pick(combobox: HTMLElement, typed: string, option: string) {
  const user = userEvent.setup();
  await user.click(combobox);
  await user.paste(typed);
  await user.click(
    await screen.findByText(
      (_, el) => el?.getAttribute('role') === 'option' && !!el.textContent?.includes(option),
      {},
      { timeout: 5000 },
    ),
  );
}

describe('order entry (live amounts from computeOrder, saved through the API)', () => {
  it('shows subtotal / fee / total as the domain computes them and creates the order', async () => {
    const user = userEvent.setup();
    await loginAs('assistant2');
    renderApp('/orders/create');

    const customerInput = await screen.findByLabelText(/^客户\s*\*?$/, { selector: 'input' }, { timeout: 8000 });
    await pick(customerInput, String(customer.name), String(customer.name));
    await pick(screen.getByLabelText(/^商品\s*\*?$/, { selector: 'input' }), String(product.sku), String(product.sku));
    // the catalog price is filled in (6.2.2), one line of 99 yuan → fee 10 yuan (5.3.1)
    await waitFor(() => expect(screen.getByLabelText(/^单价\s*\*?$/, { selector: 'input' })).toHaveValue(99));
    const one = expected(1);
    expect(one).toEqual({ subtotal: '¥99.00', fee: '¥10.00', total: '¥109.00' });
    await waitFor(() => expect(screen.getByTestId('order-subtotal')).toHaveTextContent(one.subtotal));
    expect(screen.getByTestId('order-fee')).toHaveTextContent(one.fee);
    expect(screen.getByTestId('order-total')).toHaveTextContent(one.total);
    expect(screen.queryByTestId('line-short')).toBeNull();

    // two of them: 198 yuan, free delivery; stock 1 → the line is flagged short by 1
    const qty = screen.getByLabelText(/^数量\s*\*?$/, { selector: 'input' });
    await user.clear(qty);
    await user.type(qty, '2');
    const two = expected(2);
    expect(two).toEqual({ subtotal: '¥198.00', fee: '¥0.00', total: '¥198.00' });
    await waitFor(() => expect(screen.getByTestId('order-fee')).toHaveTextContent(two.fee));
    expect(screen.getByTestId('order-subtotal')).toHaveTextContent(two.subtotal);
    expect(screen.getByTestId('order-total')).toHaveTextContent(two.total);
    expect(screen.getByTestId('line-short')).toHaveTextContent('缺货 1');

    // SMB customer: credit is not offered (6.2.3)
    expect(screen.getByText(/中小客户须现金付款/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(
      async () => {
        const { rows } = await mock.store.list('orders', {
          filter: { customerId: customer.id },
          sort: { field: 'id', order: 'ASC' },
          range: null,
        });
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          status: 'draft',
          channel: 'phone',
          paymentMethod: 'cash',
          subtotal: 198,
          deliveryFee: 0,
          total: 198,
          shortLines: 1,
        });
        expect(rows[0].lines).toEqual([
          expect.objectContaining({ productId: product.id, qty: 2, unitPrice: 99, shortBy: 1 }),
        ]);
      },
      { timeout: 5000 },
    );
    // redirected to the new order's page
    const saved = (
      await mock.store.list('orders', {
        filter: { customerId: customer.id },
        sort: { field: 'id', order: 'ASC' },
        range: null,
      })
    ).rows[0];
    expect(await screen.findByText(String(saved.code), {}, { timeout: 5000 })).toBeInTheDocument();
    const totals = await screen.findByTestId('order-totals');
    expect(totals).toHaveTextContent('货款小计¥198.00');
    expect(totals).toHaveTextContent('运费¥0.00');
    expect(totals).toHaveTextContent('合计¥198.00');
  });

  it('edits a draft: the PUT carries only writable fields and the version, the server recomputes', async () => {
    const assistant = await tokenOf(mock.api, 'assistant2');
    const draft = await call(mock.api, 'POST', '/orders', assistant, {
      customerId: customer.id,
      channel: 'phone',
      paymentMethod: 'cash',
      lines: [{ productId: product.id, qty: 1, unitPrice: 99 }],
    });
    await loginAs('assistant2');
    renderApp(`/orders/${draft.id}`);
    const qty = (await screen.findByLabelText(
      /^数量\s*\*?$/,
      { selector: 'input' },
      { timeout: 8000 },
    )) as HTMLInputElement;
    await waitFor(() => expect(screen.getByTestId('order-fee')).toHaveTextContent('¥10.00'));
    const user = userEvent.setup();
    await user.clear(qty);
    await user.type(qty, '3');
    await waitFor(() => expect(screen.getByTestId('order-total')).toHaveTextContent('¥297.00'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(
      async () =>
        expect(await mock.store.get('orders', draft.id)).toMatchObject({
          version: 2,
          subtotal: 297,
          deliveryFee: 0,
          total: 297,
          channel: 'phone',
        }),
      { timeout: 5000 },
    );
  });

  it("a key account's quote is picked by its code, among that customer's accepted quotes still valid today (6.4.4)", async () => {
    vi.setSystemTime(mock.clock.now); // the form's "today" is the API's
    try {
      const lead = await tokenOf(mock.api, 'teamlead');
      const enc = (o: unknown) => encodeURIComponent(JSON.stringify(o));
      const today = shanghaiDate(mock.clock.now);
      const usable = (await call(
        mock.api,
        'GET',
        `/quotes?filter=${enc({ status: ['accepted'], validUntil_gte: today })}&range=${enc([0, 199])}`,
        lead,
      )) as unknown as DocRecord[];
      const quote = usable.find((x) => x.customerId != null);
      expect(quote, 'the demo branch has an accepted, valid quote').toBeDefined();
      const cust = (await call(mock.api, 'GET', `/customers/${quote!.customerId}`, lead)) as unknown as DocRecord;
      expect(cust.tier).toBe('keyAccount');
      const all = (await call(
        mock.api,
        'GET',
        `/quotes?filter=${enc({ customerId: cust.id })}&range=${enc([0, 199])}`,
        lead,
      )) as unknown as DocRecord[];
      const offered = all
        .filter((x) => ['accepted', 'converted'].includes(String(x.status)) && String(x.validUntil) >= today)
        .map((x) => String(x.code))
        .sort();

      await loginAs('teamlead');
      renderApp('/orders/create');
      const customerInput = await screen.findByLabelText(/^客户\s*\*?$/, { selector: 'input' }, { timeout: 8000 });
      await pick(customerInput, String(cust.name), String(cust.name));
      const quoteInput = await screen.findByLabelText(/^报价单\s*\*?$/, { selector: 'input' }, { timeout: 8000 });
      expect(screen.getByText('该客户已接受且在有效期内的报价单 (6.4.4)')).toBeInTheDocument();
      const user = userEvent.setup();
      await user.click(quoteInput);
      const options = await screen.findAllByRole('option', {}, { timeout: 5000 });
      // offered by code with its validity, and nothing else (drafts, expired, other customers' quotes)
      expect(options.map((o) => o.textContent?.split('（')[0]).sort()).toEqual(offered);
      await user.click(options.find((o) => o.textContent?.startsWith(String(quote!.code)))!);
      await waitFor(() => expect(quoteInput).toHaveValue(`${quote!.code}（有效期至 ${quote!.validUntil}）`));
    } finally {
      vi.useRealTimers();
    }
  });
});
