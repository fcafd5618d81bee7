import { FACT_NAMES, type FactName } from '../../../src/domain/factNames';
import { approvalsFacts } from './approvals';
import { serviceFacts } from './service';
import { setFacts } from './sets';
import type { FactLoader } from './types';
import { userFacts } from './users';

/**
 * Every named fact a definition may ask for (`definition.facts`, src/domain/factNames.ts): the
 * declared set facts of the domain (src/domain/facts.ts) and the few computed here. A name
 * without a loader stops the server at start — it would otherwise read as "none", and switch
 * off the rule that counts it.
 */
const loaders: Partial<Record<FactName, FactLoader>> = {
  ...setFacts,
  ...serviceFacts,
  ...approvalsFacts,
  ...userFacts,
};
const missing = FACT_NAMES.filter((n) => !loaders[n]);
if (missing.length) throw new Error(`facts without a loader: ${missing.join(', ')}`);
export const FACTS = loaders as Record<FactName, FactLoader>;

/** The loader of a fact a definition names; an unknown name is an error, never a silent 0. */
export function factLoader(name: string): FactLoader {
  const l = Object.hasOwn(FACTS, name) ? FACTS[name as FactName] : undefined;
  if (!l) throw new Error(`unknown fact ${name}: a definition names a fact the server cannot compute`);
  return l;
}
export type { FactLoader };
