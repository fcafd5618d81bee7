/**
 * Helpers for comparing nested translation-message trees.
 * Pure functions: no react-admin / DOM dependency.
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Dotted paths of every leaf (any non-plain-object value) of `obj`, in
 * insertion order. An empty nested object contributes no key.
 *
 * flattenKeys({ ra: { action: { save: 'Save' } } }) → ['ra.action.save']
 */
export function flattenKeys(obj: object, prefix?: string): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) {
      keys.push(...flattenKeys(value, path));
    } else {
      keys.push(path);
    }
  }
  return keys;
}

/**
 * Leaf keys of `reference` that are not leaf keys of `candidate`
 * (absent, or present only as a nested object), in `reference` order.
 */
export function missingKeys(reference: object, candidate: object): string[] {
  const present = new Set(flattenKeys(candidate));
  return flattenKeys(reference).filter((key) => !present.has(key));
}
