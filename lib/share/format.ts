/** Text shown about a shared link. */

/** An ISO timestamp as `2026-11-28 15:04 UTC`: the same for sender and opener, whatever their time zones. */
export function formatSharedAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "Shared by ana on 2026-11-28 15:04 UTC", leaving out what is not known. */
export function sharedByLine(sharedBy: string | undefined, sharedAt: string | undefined): string {
  const by = sharedBy ? ` by ${sharedBy}` : '';
  const on = sharedAt ? ` on ${formatSharedAt(sharedAt)}` : '';
  return `Shared${by}${on}`;
}
