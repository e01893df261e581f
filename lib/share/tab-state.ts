/**
 * Between a console tab and a shared state. Only the fields the share schema
 * knows are copied, so nothing else a tab may hold (results, decrypted values,
 * saved-query ids) can reach a link.
 */
import type { QueryTab } from '../console/tabs';
import { newTab } from '../console/tabs';
import type { ParamDefinition } from '../params/types';
import { SHARE_STATE_VERSION, shareParamDefinitionSchema, shareParamValueSchema, shareStateSchema, type ShareState } from './state';

export type TabShareResult = { ok: true; state: ShareState } | { ok: false; message: string };

/**
 * The shared state of a tab. Parameter values the form left unset or that a link
 * cannot carry are left out, as the form would treat them: as missing.
 */
export function shareStateFromTab(tab: QueryTab, now: Date): TabShareResult {
  if (tab.sql.trim() === '') return { ok: false, message: 'Nothing to share: the editor is empty.' };
  const params = Object.fromEntries(Object.entries(tab.params).filter(([, value]) => shareParamValueSchema.safeParse(value).success));
  const paramDefs = tab.paramDefs.flatMap((definition) => {
    const parsed = shareParamDefinitionSchema.safeParse(definition);
    return parsed.success ? [parsed.data] : [];
  });
  const parsed = shareStateSchema.safeParse({
    v: SHARE_STATE_VERSION,
    title: tab.title.slice(0, 200),
    sql: tab.sql,
    params,
    paramDefs,
    ...(tab.chart ? { chart: tab.chart } : {}),
    view: tab.view,
    sharedAt: now.toISOString(),
  });
  if (parsed.success) return { ok: true, state: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, message: `This tab cannot be shared: ${first ? `${first.path.join('.')}: ${first.message}` : 'it is not valid'}.` };
}

/** A new tab holding a shared state: a copy, so the opener's edits never touch the link. */
export function tabFromShareState(state: ShareState): QueryTab {
  const definitions: ParamDefinition[] = state.paramDefs.map((definition) => ({ ...definition }));
  const tab = newTab(state.sql, state.title.trim() || 'Shared query', structuredClone(state.params), definitions);
  return { ...tab, view: state.view, ...(state.chart ? { chart: structuredClone(state.chart) } : {}) };
}
