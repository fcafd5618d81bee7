/**
 * The part of the domain chunk the providers need (src/app/definitions.ts): the definitions and
 * the access rules the server enforces too — no screens. The dataProvider and the authProvider
 * load this, so the screens (which use the providers) never sit on the providers' own import path.
 */
export { canAccess } from '../domain/access';
export { getDefinition } from '../domain/documents';
