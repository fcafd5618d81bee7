import { approvalsFacts } from './approvals';
import { orderFacts } from './orders';
import { salesFacts } from './sales';
import { serviceFacts } from './service';
import type { FactLoader } from './types';
import { userFacts } from './users';

/** Every named fact a definition may ask for (`definition.facts`). */
export const FACTS: Record<string, FactLoader> = { ...orderFacts, ...salesFacts, ...serviceFacts, ...approvalsFacts, ...userFacts };
export type { FactLoader };
