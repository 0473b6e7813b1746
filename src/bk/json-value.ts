import type { JsonType } from '../eventlog/model/record';

/** Small checks on values that came out of JSON.parse. */

/** True for `{}` and other plain objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an object with no own keys, checked without building a key list. */
export function isEmptyObject(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

/** A JSON value's type, for reasons shown to people (worded per language by the renderer). */
export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return 'object';
    default:
      return 'other';
  }
}
