/**
 * Names to show for the stable user keys records are kept under. A local or demo
 * account's key is its name; a provider user's key (`oidc:…|sub`) shows as the
 * name the provider last gave, so records stay keyed on who it was, not on a label.
 */
import type { MetadataStore } from '../store/metadata-store';
import { isOidcUserId } from './oidc/identity';

/** The name to show for each of `ids` (an unknown provider key shows as itself). */
export async function displayNames(store: MetadataStore, ids: readonly string[]): Promise<Map<string, string>> {
  const external = await store.identities.names(ids.filter(isOidcUserId));
  return new Map(ids.map((id) => [id, external.get(id) ?? id]));
}

/** The name to show for `id`. */
export async function displayName(store: MetadataStore, id: string): Promise<string> {
  return (await displayNames(store, [id])).get(id) ?? id;
}
