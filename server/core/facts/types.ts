import type { DocRecord } from '../../../src/domain/definition';
import type { Reader } from '../../store/types';

/** Computes a named fact for a document from other records (SQL through the store). */
export type FactLoader = (r: Reader, doc: DocRecord, now: Date) => Promise<number | boolean | string | null>;
