/**
 * zod schemas for saved queries: one set checks what callers send, the other what
 * comes out of the database. Both share the field rules, so a record the store
 * accepted always reads back as valid.
 */
import { z } from '@/lib/validation/zod';
import { InvalidInputError, type Issue } from './errors';
import { jsonByteLength, jsonProblem, utf8ByteLength, type JsonContainer, type JsonValue } from './json';
import type { SavedQuery, SavedQueryInput, SavedQueryUpdate } from './types';

export const MAX_NAME_CHARS = 200;
export const MAX_DESCRIPTION_CHARS = 10_000;
export const MAX_TAGS = 32;
export const MAX_TAG_CHARS = 64;
export const MAX_SQL_BYTES = 200 * 1024;
/** Parameters and chart settings, each as UTF-8 JSON. */
export const MAX_JSON_FIELD_BYTES = 64 * 1024;
export const MAX_ACTOR_CHARS = 200;

/** Adds an issue when `value` is not plain JSON of bounded depth and size. */
function checkJson(value: unknown, ctx: z.RefinementCtx): void {
  const problem = jsonProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `not plain JSON: ${problem}` });
  else if (jsonByteLength(value as JsonValue) > MAX_JSON_FIELD_BYTES)
    ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_JSON_FIELD_BYTES / 1024} KB as JSON` });
}

/** A string field; a missing one says "is required" rather than "expected string, received undefined". */
function text(): z.ZodString {
  return z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });
}

export const nameSchema = text()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_NAME_CHARS, { error: `must be at most ${MAX_NAME_CHARS} characters` });

export const descriptionSchema = text().max(MAX_DESCRIPTION_CHARS, { error: `must be at most ${MAX_DESCRIPTION_CHARS} characters` });

export const tagsSchema = z
  .array(
    text()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(MAX_TAG_CHARS, { error: `must be at most ${MAX_TAG_CHARS} characters` }),
    { error: 'must be an array of strings' },
  )
  .max(MAX_TAGS, { error: `at most ${MAX_TAGS} tags` })
  .transform((tags) => [...new Set(tags)]);

export const sqlSchema = text()
  .refine((sql) => sql.trim().length > 0, { error: 'must not be empty' })
  .refine((sql) => utf8ByteLength(sql) <= MAX_SQL_BYTES, { error: `must be at most ${MAX_SQL_BYTES / 1024} KB` });

export const parametersSchema = z
  .custom<JsonContainer>((value) => typeof value === 'object' && value !== null, { error: 'must be a JSON object or array' })
  .superRefine(checkJson);

export const chartSchema = z.custom<JsonValue | null>().superRefine(checkJson);

export const versionSchema = z
  .int({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be an integer') })
  .min(1, { error: 'must be at least 1' });

export const actorSchema = text()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_ACTOR_CHARS, { error: `must be at most ${MAX_ACTOR_CHARS} characters` });

export const timestampSchema = z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp' });

const inputShape = {
  name: nameSchema,
  description: descriptionSchema.default(''),
  tags: tagsSchema.default([]),
  sql: sqlSchema,
  parameters: parametersSchema.default({}),
  chart: chartSchema.default(null),
};

/** Validated create input, defaults filled in. */
export type ParsedSavedQueryInput = Required<SavedQueryInput>;

/** What a caller may send to create a saved query. Unknown fields are rejected, so typos do not vanish. */
export const savedQueryInputSchema: z.ZodType<ParsedSavedQueryInput, unknown> = z.strictObject(inputShape, {
  error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'must be a JSON object'),
});

/** Validated update input (the read-only fields, if sent, are carried along and ignored by the store). */
export type ParsedSavedQueryUpdate = ParsedSavedQueryInput & Omit<SavedQueryUpdate, keyof SavedQueryInput>;

/** What a caller may send to update a saved query: the full editable record plus the version it edited. */
export const savedQueryUpdateSchema: z.ZodType<ParsedSavedQueryUpdate, unknown> = z.strictObject(
  {
    ...inputShape,
    version: versionSchema,
    // Read-only fields of a record the UI may send back as it got them.
    id: z.string().optional(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
    createdBy: z.string().optional(),
    owner: z.string().nullable().optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'must be a JSON object') },
);

/** A saved query as a backend returns it. */
export const savedQuerySchema: z.ZodType<SavedQuery, unknown> = z.object({
  id: z.string().min(1, { error: 'must not be empty' }),
  name: nameSchema,
  description: descriptionSchema,
  tags: tagsSchema,
  sql: sqlSchema,
  parameters: parametersSchema,
  chart: chartSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  createdBy: actorSchema,
  version: versionSchema,
  owner: actorSchema.nullable(),
});

/** zod issues as store issues, with dotted paths. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Parses `value` with `schema`, or throws {@link InvalidInputError} naming every problem. */
export function parseInput<T>(schema: z.ZodType<T, unknown>, value: unknown, subject: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInputError(subject, toIssues(result.error));
  return result.data;
}

/** Validates what a caller sent to create a saved query. */
export function parseSavedQueryInput(value: unknown): ParsedSavedQueryInput {
  return parseInput(savedQueryInputSchema, value, 'saved query');
}

/** Validates what a caller sent to update a saved query. */
export function parseSavedQueryUpdate(value: unknown): ParsedSavedQueryUpdate {
  return parseInput(savedQueryUpdateSchema, value, 'saved query update');
}
