/**
 * Free-text search over a record's name, description and tags, shared by every
 * backend so that they agree on what matches. Case-insensitive for all scripts
 * (SQLite's own LIKE and lower() fold ASCII only).
 */

/** Longest search string accepted, in characters. */
export const MAX_SEARCH_CHARS = 500;
const MAX_TERMS = 16;

/**
 * Case-folds and normalizes text for comparison. Upper-casing first folds what
 * lower-casing alone does not (ß and SS, ς and σ).
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toUpperCase().toLowerCase();
}

/** The distinct terms of a search string, folded; empty when there is nothing to search for. */
export function searchTerms(q: string | undefined): string[] {
  if (q === undefined) return [];
  const terms = foldForSearch(q)
    .split(/\s+/u)
    .filter((term) => term.length > 0);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** The searchable fields of a record. */
export interface Searchable {
  name: string;
  description: string;
  tags: readonly string[];
}

/** Whether every term occurs in the name, the description or one of the tags. */
export function matchesSearch(record: Searchable, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  // A separator no term can contain (terms have no whitespace), so terms never match across fields.
  const haystack = foldForSearch([record.name, record.description, ...record.tags].join('\n'));
  return terms.every((term) => haystack.includes(term));
}
