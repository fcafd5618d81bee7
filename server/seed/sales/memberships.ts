import type { DocRecord } from '../../../src/domain/definition';
import { takeSome, type SalesKit } from './kit';

/**
 * Memberships (5.2.2) in every state: offers opened by non-members' web orders (to assess, invited,
 * no potential), website applications (to review, approved → the customer becomes a member, refused).
 */
export async function seedMemberships(k: SalesKit): Promise<number> {
  const nonMembers = takeSome(
    k,
    k.customers.filter((c) => c.member === false && c.active !== false),
    6,
  );
  if (nonMembers.length === 0) return 0;
  const ecommerce = k.user('assistant');
  const webOrders = (
    await k.ctx.store.list('orders', {
      filter: { channel: 'web', customerId: nonMembers.map((c) => Number(c.id)) },
      sort: { field: 'id', order: 'ASC' },
      range: null,
    })
  ).rows;
  let n = 0;
  const offer = async (c: DocRecord, at: Date) => {
    const order = webOrders.find((o) => o.customerId === c.id && Date.parse(String(o.receivedAt)) < at.getTime());
    n++;
    return k.create('memberships', ecommerce, at, {
      customerId: Number(c.id),
      source: 'webOrder',
      orderId: order ? Number(order.id) : null,
      applicantName: c.name,
      contact: c.contact ?? null,
      phone: c.phone ?? null,
      address: c.address ?? null,
      note: '网上下单的非会员客户',
    });
  };
  const application = async (c: DocRecord, at: Date) => {
    n++;
    return k.create('memberships', ecommerce, at, {
      customerId: Number(c.id),
      source: 'web',
      applicantName: c.name,
      contact: c.contact ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
      address: c.address ?? null,
      note: '网站会员申请',
    });
  };
  const steps: ((c: DocRecord) => Promise<unknown>)[] = [
    (c) => offer(c, k.ago(30)), // to assess
    async (c) => k.act('memberships', await offer(c, k.at(3, '10:20')), 'invite', ecommerce, k.at(3, '10:35')), // invited
    (c) => application(c, k.at(1, '16:05')), // to review
    async (c) => k.act('memberships', await application(c, k.at(6, '11:10')), 'approve', ecommerce, k.at(6, '14:00')), // member
    async (c) =>
      k.act(
        'memberships',
        await application(c, k.at(4, '09:15')),
        'reject',
        ecommerce,
        k.at(4, '10:00'),
        '申请资料与营业执照不符，请客户补充后重新申请',
      ), // refused
    async (c) =>
      k.act(
        'memberships',
        await offer(c, k.at(5, '13:40')),
        'noPotential',
        ecommerce,
        k.at(5, '14:10'),
        '个人一次性采购，暂无发展潜力',
      ), // no potential
  ];
  for (const [i, c] of nonMembers.entries()) await steps[i](c);
  return n;
}
