/** How a saved query keeps a tab's parameters, and how they are read back from saved JSON. */
import type { ParamDefinition } from '../params/types';
import type { JsonContainer } from '../store/json';

/** What a saved query keeps of a tab's parameters: their definitions and current values. */
export function savedParameters(definitions: readonly ParamDefinition[], values: Record<string, unknown>): JsonContainer {
  return JSON.parse(JSON.stringify({ definitions, values })) as JsonContainer;
}

/** Reads back what `savedParameters` stored; anything else yields no parameters. */
export function restoredParameters(parameters: unknown): { definitions: ParamDefinition[]; values: Record<string, unknown> } {
  const stored = (typeof parameters === 'object' && parameters !== null ? parameters : {}) as { definitions?: unknown; values?: unknown };
  const definitions = Array.isArray(stored.definitions) ? (stored.definitions as ParamDefinition[]) : [];
  const values = typeof stored.values === 'object' && stored.values !== null && !Array.isArray(stored.values) ? (stored.values as Record<string, unknown>) : {};
  return { definitions, values };
}
