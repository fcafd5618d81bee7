import type { ApiRequest, ApiResponse } from '../../server/core/types';

/** What the page and the desk's API worker (./apiWorker.ts) tell each other. */

/** a request as it crosses to the worker (URLSearchParams does not: the query goes as its text) */
export type ToApiWorker = { id: number; request: Omit<ApiRequest, 'query'> & { query: string } };

export type FromApiWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  /** another tab reset the data: this one starts again */
  | { type: 'resetElsewhere' }
  | { type: 'response'; id: number; response?: ApiResponse; error?: string };
