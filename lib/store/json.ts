/**
 * JSON values as the store keeps them. Parameters and chart settings are opaque
 * to the store, but they must be plain JSON of bounded depth and size: a request
 * body of nested arrays would otherwise blow the stack in zod or JSON.stringify.
 */

/** Any value that survives `JSON.stringify` → `JSON.parse` unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object or array (what saved-query parameters must be). */
export type JsonContainer = JsonValue[] | { [key: string]: JsonValue };

/** How deeply JSON may nest inside a stored field. */
export const MAX_JSON_DEPTH = 32;

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Why `value` is not plain JSON no deeper than `maxDepth`, or `null` when it is.
 * Iterative, so hostile nesting cannot overflow the stack.
 */
export function jsonProblem(value: unknown, maxDepth: number = MAX_JSON_DEPTH): string | null {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined) break;
    const { value: current, depth } = next;
    if (current === null || typeof current === 'string' || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'numbers must be finite';
      continue;
    }
    if (typeof current !== 'object') return `${typeof current} is not a JSON value`;
    if (depth >= maxDepth) return `nested deeper than ${maxDepth} levels`;
    if (Array.isArray(current)) {
      for (const item of current) pending.push({ value: item, depth: depth + 1 });
    } else if (isPlainObject(current)) {
      for (const item of Object.values(current)) pending.push({ value: item, depth: depth + 1 });
    } else {
      return 'only plain objects and arrays are JSON';
    }
  }
  return null;
}

/** Size of `value` as UTF-8 JSON text, in bytes. Call only after {@link jsonProblem} passed. */
export function jsonByteLength(value: JsonValue): number {
  return utf8ByteLength(JSON.stringify(value));
}

const encoder = new TextEncoder();

/** Size of `text` in UTF-8 bytes (what the limits in this folder count). */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}
