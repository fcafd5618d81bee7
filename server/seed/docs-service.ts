import { seedComplaints } from './service/complaints';
import { seedFeedbacks, seedWorkLogs } from './service/daily';
import { seedLoans } from './service/loans';
import { seedReturns } from './service/returns';
import { seedTickets } from './service/tickets';
import type { SeedDocsContext } from './walk';

/**
 * Seeds every document of this family in every state (through the real API services): returns
 * (6.9), complaints (6.10) with their feedback forms, feedback forms (6.1.2), work logs (6.1.6),
 * sample loans (6.11), after-sales tickets (5.7). Every step at a plausible time ≤ now.
 */
export async function seedServiceDocs(ctx: SeedDocsContext): Promise<Record<string, number>> {
  const returns = await seedReturns({ ...ctx, rng: ctx.rng.fork('returns') });
  const feedbacks = await seedFeedbacks({ ...ctx, rng: ctx.rng.fork('feedbacks') });
  const complaints = await seedComplaints({ ...ctx, rng: ctx.rng.fork('complaints') });
  const workLogs = await seedWorkLogs({ ...ctx, rng: ctx.rng.fork('workLogs') });
  const sampleLoans = await seedLoans({ ...ctx, rng: ctx.rng.fork('sampleLoans') });
  const serviceTickets = await seedTickets({ ...ctx, rng: ctx.rng.fork('serviceTickets') });
  return { returns, complaints, feedbacks, workLogs, sampleLoans, serviceTickets };
}
