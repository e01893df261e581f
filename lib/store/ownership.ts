/**
 * Who may change or delete a saved query or a dashboard. Free of Node imports,
 * so the UI hides the controls with the same rule the store enforces.
 *
 * - A shipped dashboard is read-only for everyone, admins included: it is
 *   defined in code and stored again from it. "Duplicate" makes an editable copy.
 * - A record's owner is the user who created it. The owner and admins may
 *   change or delete it; other analysts may not.
 * - A record stored before ownership existed has no owner (`null`, "legacy").
 *   Its `createdBy` name is not trusted as an identity (names were not
 *   namespaced then, so an external user could have carried a local name), so
 *   only an admin may change or delete it.
 */
import { hasRole, type Role } from '../auth/roles';

/** The user asking to write: `id` is what records are owned by (namespaced for single sign-on), `name` is shown. */
export interface Editor {
  id: string;
  name: string;
  role: Role;
}

/** What the rule reads from a record. */
export interface OwnedRecord {
  owner: string | null;
  /** Dashboards shipped with the product. */
  shipped?: boolean;
}

/** The answer: allowed, or why not, in words for the user. */
export type WriteVerdict = { allowed: true } | { allowed: false; reason: string };

/** Whether `editor` may change or delete `record` (a `kind`, e.g. "dashboard", named in the reason). */
export function writeVerdict(record: OwnedRecord, editor: Editor, kind: string): WriteVerdict {
  if (record.shipped === true)
    return { allowed: false, reason: `this ${kind} ships with ClusterScope and is read-only: duplicate it to make a copy you can edit` };
  if (!hasRole(editor.role, 'analyst'))
    return { allowed: false, reason: `changing a ${kind} needs the analyst role; ${editor.name} is signed in as ${editor.role}` };
  if (hasRole(editor.role, 'admin')) return { allowed: true };
  if (record.owner === null) return { allowed: false, reason: `this ${kind} was saved before owners were recorded: only an admin may change or delete it` };
  if (record.owner !== editor.id)
    return { allowed: false, reason: `this ${kind} belongs to ${record.owner}: only its owner or an admin may change or delete it` };
  return { allowed: true };
}

/** Shorthand for the UI: whether the edit and delete controls are shown. */
export function mayWrite(record: OwnedRecord, editor: Editor | null): boolean {
  return editor !== null && writeVerdict(record, editor, 'record').allowed;
}

/** Who a record belongs to, in words for lists. */
export function ownerLabel(record: OwnedRecord): string {
  if (record.shipped === true) return 'ClusterScope (read-only)';
  return record.owner ?? 'no owner (admins only)';
}
