import type { FactLoader } from './types';

/** Facts the rules of this family need from other records, by name. */
export const approvalsFacts: Record<string, FactLoader> = {};
