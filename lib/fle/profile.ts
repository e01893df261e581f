/**
 * FLE profiles: what decrypting CloudFront's values needs besides the private
 * key. Shared by the server (store, routes) and the browser (settings, key
 * check). The public key is kept as PEM and shown by its fingerprint.
 */
import { z } from '@/lib/validation/zod';

/** Protected columns per table, e.g. `{ stl_query: ['querytxt'] }`. */
export type ProtectedColumns = Record<string, string[]>;

/** A profile as the API returns it. */
export interface FleProfile {
  id: string;
  /** CloudFront's "Provider name": the Encryption SDK key namespace. */
  providerName: string;
  /** The public key's name in CloudFront: the SDK key name. */
  keyName: string;
  publicKeyPem: string;
  /** SHA-256 of the public key (SPKI DER), hex pairs. */
  fingerprint: string;
  protectedColumns: ProtectedColumns;
  /** Built-in profiles (the bundled sample's) cannot be edited. */
  builtIn: boolean;
  updatedAt: string;
  updatedBy: string;
}

/** What an admin sends to add or change a profile. */
export interface FleProfileInput {
  providerName: string;
  keyName: string;
  publicKeyPem: string;
  protectedColumns: ProtectedColumns;
}

const NAME = /^[A-Za-z0-9_.\-]{1,128}$/;
const IDENT = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_$]{0,126}$/, { error: 'must be a table or column name' });

export const fleProfileInputSchema = z
  .object({
    providerName: z.string().trim().regex(NAME, { error: 'must be 1–128 letters, digits, ".", "_" or "-"' }),
    keyName: z.string().trim().regex(NAME, { error: 'must be 1–128 letters, digits, ".", "_" or "-"' }),
    publicKeyPem: z.string().min(1, { error: 'is required' }).max(4096, { error: 'is too long for an RSA-2048 public key' }),
    protectedColumns: z
      .record(IDENT, z.array(IDENT).max(200))
      .refine((value) => Object.keys(value).length <= 200, { error: 'at most 200 tables' })
      .default({}),
  })
  .strict();

/** The sample's four FLE-protected text columns. */
export const SAMPLE_PROTECTED_COLUMNS: ProtectedColumns = {
  stl_query: ['querytxt'],
  stl_querytext: ['text'],
  stl_ddltext: ['text'],
  stl_utilitytext: ['text'],
};

/** Parses `stl_query.querytxt, stl_querytext.text` into protected columns; null when malformed. */
export function parseColumnList(text: string): ProtectedColumns | null {
  const out: ProtectedColumns = {};
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const match = /^([A-Za-z_][A-Za-z0-9_$]*)\.([A-Za-z_][A-Za-z0-9_$]*)$/.exec(item);
    if (!match) return null;
    const [, table = '', column = ''] = match;
    const columns = (out[table] ??= []);
    if (!columns.includes(column)) columns.push(column);
  }
  return out;
}

/** `table.column` items, sorted, for display. */
export function formatColumnList(columns: ProtectedColumns): string[] {
  return Object.entries(columns)
    .flatMap(([table, names]) => names.map((name) => `${table}.${name}`))
    .sort();
}
