import { refusal, RefusedError } from '../../src/domain/refusal';
import type { Store } from '../store/types';
import type { ApiRequest, ApiResponse } from './types';

/**
 * Web shop intake (4.1.2, 5.2.2): the company website posts orders and membership applications
 * with its own API key (header `X-Intake-Key`), not a user login.
 */
export interface IntakeDeps {
  store: Store;
  now: () => Date;
  /** the website's key; intake is closed when unset */
  intakeKey?: string;
}

export async function handleIntake(_deps: IntakeDeps, _req: ApiRequest, _path: string[]): Promise<ApiResponse> {
  throw new RefusedError(refusal(404, '网上商城接口尚未开放', 'The web shop intake is not open yet'));
}
