/** List options from a URL's query string, as the list routes accept them. */
import { InvalidInputError } from './errors';
import type { ListOptions } from './types';

/**
 * `?q=` (free text) and `?limit=` (a positive integer) from `url`. Range checks
 * are left to the store; a limit that is not a number is refused here.
 */
export function listOptionsFromUrl(url: URL): ListOptions {
  const q = url.searchParams.get('q') ?? undefined;
  const limitText = url.searchParams.get('limit');
  if (limitText === null) return { q };
  if (!/^\d{1,7}$/.test(limitText)) {
    throw new InvalidInputError('list options', [{ path: 'limit', message: 'must be a positive integer' }]);
  }
  return { q, limit: Number(limitText) };
}
