import type { DocumentDefinition } from '../../definition';

/** Document definitions of this family, registered in ../index.ts. */
export const SERVICE_DOCS: Record<string, DocumentDefinition> = {};
