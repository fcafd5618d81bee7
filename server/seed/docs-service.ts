import type { SeedDocsContext } from './walk';

/** Seeds every document of this family in every state (through the real API services). */
export async function seedServiceDocs(_ctx: SeedDocsContext): Promise<Record<string, number>> {
  return {};
}
