import { DEFINITIONS } from '../../../src/domain/documents';
import { BranchKit, type BranchInput, type Job } from './kit';
import { creditJobs, discountJobs, giftJobs, scrapJobs, transferJobs } from './approvals';
import { followUpJobs } from './memberCare';
import { quoteJobs } from './quotes';
import { handwrittenJobs, inquiryJobs, membershipJobs, requisitionJobs, specialOrderJobs, urgentJobs } from './sales';
import { complaintJobs, feedbackJobs, loanJobs, returnJobs, ticketJobs, workLogJobs } from './service';

/**
 * The branch volume (SeedOptions.volume 'branch'): a branch's year — or whatever window is seeded —
 * of every document type, in proportion to the seeded orders, created and walked through the real
 * services (rules, routing, effects, audit), a batch of documents per transaction. Runs after the
 * demo's showcase documents, so those stay as they are; returns the store's totals.
 *
 * Each family is planned and run in turn (its stock moves are booked before the next is planned).
 */
export async function seedBranchVolume(input: BranchInput): Promise<Record<string, number>> {
  const k = new BranchKit(input);
  await k.load();
  input.progress?.(
    `branch volume: ${input.orders.length} seeded orders over ${k.days.length} working days; documents follow`,
  );
  // stock takers (loans, gifts, scraps) before the fillers that look for short goods (requisitions, transfers)
  const families: [string, (k: BranchKit) => Job[] | Promise<Job[]>][] = [
    ['sampleLoans', loanJobs],
    ['gifts', giftJobs],
    ['scraps', scrapJobs],
    ['transfers', transferJobs],
    ['requisitions', requisitionJobs],
    ['quotes', quoteJobs],
    ['inquiries', inquiryJobs],
    ['specialOrders', specialOrderJobs],
    ['handwrittenNotes', handwrittenJobs],
    ['urgentDeliveries', urgentJobs],
    ['memberships', membershipJobs],
    ['returns', returnJobs],
    ['complaints', complaintJobs],
    ['feedbacks', feedbackJobs],
    ['serviceTickets', ticketJobs],
    ['workLogs', workLogJobs],
    ['discounts', discountJobs],
    ['creditApplications', creditJobs],
    // 5.8.4 last: the follow-up list reads every order
    ['memberFollowUps', followUpJobs],
  ];
  for (const [name, plan] of families) {
    const t0 = Date.now();
    const jobs = await plan(k);
    await k.run(jobs);
    input.progress?.(`branch volume: ${name} — ${jobs.length} documents in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  const out: Record<string, number> = { products: await k.count('products'), customers: await k.count('customers') };
  const ordersTotal = await k.count('orders');
  out.orders = ordersTotal;
  out.ordersFromDocuments = ordersTotal - input.orders.length;
  for (const resource of Object.keys(DEFINITIONS)) {
    if (!DEFINITIONS[resource].workflow || resource === 'orders') continue;
    out[resource] = await k.count(resource);
  }
  out.auditLog = await k.count('auditLog');
  return out;
}
