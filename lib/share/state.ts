/**
 * What a share link carries: one query tab's SQL, parameters, chart and view,
 * and nothing else. The schema is strict, so a link cannot smuggle other fields
 * (decrypted values, keys, credentials, presigned URLs) into the console, and
 * the console never builds a link from anything but these fields.
 */
import { z } from '@/lib/validation/zod';
import { chartConfigSchema } from '../charts/config';
import { PARAM_TYPES, type ParamType } from '../params/types';

/** The link format this code writes; decoding refuses any other. */
export const SHARE_STATE_VERSION = 1;

/** Largest SQL a shared state holds, in characters (a short link can carry this much; a URL cannot). */
export const MAX_SHARED_SQL_CHARS = 200_000;
const MAX_TEXT_VALUE_CHARS = 10_000;
const MAX_PARAMS = 100;
const MAX_OPTIONS = 1_000;

// The placeholder grammar's names; `__proto__` would be lost when the record is rebuilt.
const paramName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, { error: 'must be a parameter name' })
  .refine((name) => name !== '__proto__', { error: 'is reserved' });
const shortText = z.string().max(MAX_TEXT_VALUE_CHARS);
const dateRange = z.strictObject({ start: shortText, end: shortText });
const stringList = z.array(shortText).max(MAX_OPTIONS);

/** A parameter value as the form holds it: text, a number, a date range or a list. */
export const shareParamValueSchema = z.union([shortText, z.number().finite(), z.boolean(), z.null(), dateRange, stringList]);

export const shareParamDefinitionSchema = z.strictObject({
  name: paramName,
  type: z.enum(PARAM_TYPES as readonly [ParamType, ...ParamType[]]),
  label: z.string().max(200).optional(),
  options: stringList.optional(),
  default: z.union([shortText, z.number().finite(), dateRange, stringList]).optional(),
});

export const shareStateSchema = z.strictObject({
  v: z.literal(SHARE_STATE_VERSION),
  title: z.string().max(200),
  sql: z.string().min(1, { error: 'must not be empty' }).max(MAX_SHARED_SQL_CHARS),
  params: z.record(paramName, shareParamValueSchema).refine((params) => Object.keys(params).length <= MAX_PARAMS, {
    error: `must hold at most ${MAX_PARAMS} parameters`,
  }),
  paramDefs: z.array(shareParamDefinitionSchema).max(MAX_PARAMS),
  chart: chartConfigSchema.optional(),
  view: z.enum(['table', 'chart']),
  /** When the link was made (ISO 8601), shown as "shared on …". */
  sharedAt: z.iso.datetime().optional(),
});

/** A validated shared state (chart defaults filled in). */
export type ShareState = z.infer<typeof shareStateSchema>;
/** What a caller may pass to be encoded. */
export type ShareStateInput = z.input<typeof shareStateSchema>;
