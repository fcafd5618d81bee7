import { chunk } from './chunk';

/**
 * The definitions and access rules, loaded on demand by the providers (the dataProvider's writes,
 * `authProvider.canAccess`): the same modules as the app's domain chunk (./domain.ts, which adds
 * the screens), fetched once by whichever asks first.
 */
export type Definitions = typeof import('./definitionsChunk');

const DEFINITIONS = chunk(() => import('./definitionsChunk'));

export const loadDefinitions = (): Promise<Definitions> => DEFINITIONS.load();
