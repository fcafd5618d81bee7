import type { DocumentDefinition } from '../../definition';

/** Document definitions of this family, registered in ../index.ts. */
export const SALES_DOCS: Record<string, DocumentDefinition> = {};
