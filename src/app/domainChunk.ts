/**
 * What the app loads on demand from the domain (src/app/domain.ts): the definitions, the access
 * rules the server enforces too, the `resources.*` messages generated from the definitions, and
 * the <Resource> props (whose screens are lazy chunks of their own).
 */
export { canAccess, getDefinition } from './definitionsChunk';
export { RESOURCES } from '../resources';
export { definitionMessages } from './i18n/definitionMessages';
