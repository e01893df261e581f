/**
 * How Redshift stores statement text: 200-character chunks with a sequence
 * number in the *text tables, the first 4000 characters in stl_query, and
 * blank-padded CHAR columns everywhere else.
 */

/** Width of stl_querytext.text, stl_ddltext.text and stl_utilitytext.text. */
export const TEXT_CHUNK = 200;
/** Width of stl_query.querytxt. */
export const QUERYTXT_WIDTH = 4000;

/** Splits a statement into the chunks Redshift logs; joining them in sequence order restores it exactly. */
export function chunkText(text: string, size: number = TEXT_CHUNK): string[] {
  if (text.length === 0) return [''];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The stl_query.querytxt value for a statement. */
export function queryTxt(text: string): string {
  return text.slice(0, QUERYTXT_WIDTH);
}

/** CHAR(n) semantics: truncate to n, then pad with blanks to exactly n. */
export function padChar(value: string, width: number): string {
  return value.length >= width ? value.slice(0, width) : value.padEnd(width, ' ');
}

/** Placeholder in pool statements for the execution day, as YYYY-MM-DD. */
export const DAY_TOKEN = '{{DAY}}';
/** Placeholder in pool statements for the execution day, as YYYY/MM/DD (S3 prefixes). */
export const DAY_PATH_TOKEN = '{{DAY_PATH}}';

/** Placeholder in pool statements for the execution day, as YYYYMMDD (table names). */
export const DAY_COMPACT_TOKEN = '{{DAY_COMPACT}}';

/** Fills the day placeholders of a pool statement for one execution day. */
export function resolveDayTokens(text: string, day: string): string {
  if (!text.includes('{{')) return text;
  return text.split(DAY_TOKEN).join(day).split(DAY_PATH_TOKEN).join(day.replace(/-/g, '/')).split(DAY_COMPACT_TOKEN).join(day.replace(/-/g, ''));
}
