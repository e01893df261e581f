/** Finds the `{{name}}` and `{{name.field}}` placeholders of a SQL text. */
import { maskSqlLiterals } from '../sql/mask';

/** One occurrence of a placeholder in the SQL text. */
export interface Placeholder {
  name: string;
  /** The part after the dot, e.g. `start` in `{{days.start}}`. */
  field?: string;
  /** Offset of the opening `{{`. */
  start: number;
  /** Offset just past the closing `}}`. */
  end: number;
}

/** A parameter the SQL refers to, with every field it is used with. */
export interface ParameterReference {
  name: string;
  /** Fields used, in order of first use; empty when only `{{name}}` appears. */
  fields: string[];
  /** True when the bare `{{name}}` appears. */
  bare: boolean;
}

// Names are identifier-like so that other uses of braces are left alone.
const PLACEHOLDER_RE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\s*\}\}/g;

/**
 * Every placeholder occurrence in `sql`, in text order. Placeholders inside
 * string literals, quoted identifiers and comments are data and are skipped.
 */
export function findPlaceholders(sql: string): Placeholder[] {
  const masked = maskSqlLiterals(sql);
  const found: Placeholder[] = [];
  for (const match of masked.matchAll(PLACEHOLDER_RE)) {
    const name = match[1] ?? '';
    const field = match[2];
    found.push({ name, ...(field === undefined ? {} : { field }), start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** The parameters `sql` refers to, each once, in order of first use. */
export function parameterReferences(sql: string): ParameterReference[] {
  const byName = new Map<string, ParameterReference>();
  for (const placeholder of findPlaceholders(sql)) {
    let ref = byName.get(placeholder.name);
    if (!ref) {
      ref = { name: placeholder.name, fields: [], bare: false };
      byName.set(placeholder.name, ref);
    }
    if (placeholder.field === undefined) ref.bare = true;
    else if (!ref.fields.includes(placeholder.field)) ref.fields.push(placeholder.field);
  }
  return [...byName.values()];
}
