/**
 * The metadata store: what ClusterScope keeps on the server about the user's work.
 * Today it holds saved queries; dashboards and short links join it as further
 * collections. Methods are async so that a network database (PostgreSQL) can
 * implement the same interface as the embedded SQLite default.
 */
import type { ShortLinkCollection } from './short-links';
import type { Dashboard, DashboardInput, DashboardUpdate } from '../dashboards/schema';
import type { AuditLog } from '@/lib/audit/types';
import type { FleProfileStore } from '@/lib/fle/profile-store';
import type { AuthProvider, Role } from '../auth/roles';
import type { AdvisorDecision } from '@/lib/advisor/decisions';
import type { Editor } from './ownership';
import type { ListOptions, ListResult, SavedQuery, SavedQueryInput, SavedQueryUpdate, WriteContext } from './types';

/**
 * A collection of records that carry a version, with optimistic concurrency: a
 * write names the version it was based on, and a stale one fails with
 * `ConflictError` (carrying the current record) instead of overwriting.
 *
 * Every record returned has been validated; a stored record that fails
 * validation makes `get` throw `MalformedRecordError` and is reported, not
 * returned, by `list`.
 */
export interface VersionedCollection<TRecord, TInput, TUpdate> {
  /** Records newest first (by last update), optionally filtered by free text. */
  list(options?: ListOptions): Promise<ListResult<TRecord>>;
  /** The record, or `null` if there is none with this id. */
  get(id: string): Promise<TRecord | null>;
  /** Stores a new record at version 1, owned by `context.actor`. Throws `InvalidInputError` on bad input. */
  create(input: TInput, context?: WriteContext): Promise<TRecord>;
  /**
   * Replaces the record's editable fields if `editor` may (see `ownership.ts`)
   * and it is still at `change.version`, and returns it at the next version.
   * Throws `NotFoundError`, `ForbiddenError`, `ConflictError` or `InvalidInputError`.
   */
  update(id: string, change: TUpdate, editor: Editor): Promise<TRecord>;
  /** Deletes the record if `editor` may and it is still at `version`. Throws `NotFoundError`, `ForbiddenError` or `ConflictError`. */
  delete(id: string, version: number, editor: Editor): Promise<void>;
}

/** Saved queries: SQL with its name, description, tags, parameters and chart. */
export type SavedQueryCollection = VersionedCollection<SavedQuery, SavedQueryInput, SavedQueryUpdate>;

/**
 * Dashboards: filters and tiles. `ensure` stores a record under a fixed id unless one
 * exists, so the shipped dashboards keep stable links.
 */
export interface DashboardCollection extends VersionedCollection<Dashboard, DashboardInput, DashboardUpdate> {
  /** Creates the shipped (read-only, ownerless) dashboard with this id at version 1 unless it exists; returns the stored one. */
  ensure(id: string, input: DashboardInput): Promise<Dashboard>;
}

/** The team's dismiss and snooze decisions on Advisor findings. */
export interface AdvisorDecisionCollection {
  /** Every decision, newest first. */
  list(): Promise<AdvisorDecision[]>;
  /** Records the decision about a finding, replacing an earlier one. Throws `InvalidInputError`. */
  put(input: unknown, context: { actor: string }): Promise<AdvisorDecision>;
  /** Forgets the decision (the finding shows again). Throws `NotFoundError`. */
  remove(findingId: string): Promise<void>;
}

/** A local account. The hash is argon2id (PHC string); it never leaves the server. */
export interface UserRecord {
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

/** A local account without its hash, as listings show it. */
export type UserSummary = Omit<UserRecord, 'passwordHash'>;

/** Local accounts. Names are validated by the caller (`lib/auth/users.ts`). */
export interface UserCollection {
  list(): Promise<UserSummary[]>;
  get(name: string): Promise<UserRecord | null>;
  /** Throws `InvalidInputError` when the name is taken. */
  create(user: { name: string; role: Role; passwordHash: string }): Promise<UserSummary>;
  /** Changes the role and/or password; throws `NotFoundError`. */
  update(name: string, change: { role?: Role; passwordHash?: string }): Promise<UserSummary>;
  /** Deletes the account and every session of it; throws `NotFoundError`. */
  delete(name: string): Promise<void>;
}

/** A server-side session, keyed by the SHA-256 of the token in the cookie. */
export interface SessionRecord {
  tokenHash: string;
  /** The stable user key: a local or demo account's name, or `oidc:<issuer key>|<sub>` (see `auth/oidc/identity.ts`). */
  userId: string;
  /** The name shown: the account's name, or the provider user's display name. */
  userName: string;
  role: Role;
  provider: AuthProvider;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  /** Single sign-on only: when the provider last confirmed the claims. */
  claimsCheckedAt: string | null;
  /** Single sign-on only: the provider's tokens, sealed with a key from the cookie token (`auth/oidc/token-vault.ts`). */
  oidcTokens: string | null;
}

/** What a single sign-on re-check changes in a session. */
export interface SessionClaimsUpdate {
  userName: string;
  role: Role;
  claimsCheckedAt: string;
  oidcTokens: string | null;
}

/** Server-side sessions. */
export interface SessionCollection {
  create(session: SessionRecord): Promise<void>;
  get(tokenHash: string): Promise<SessionRecord | null>;
  delete(tokenHash: string): Promise<void>;
  /** Records a single sign-on re-check; harmless when the session has ended meanwhile. */
  updateClaims(tokenHash: string, update: SessionClaimsUpdate): Promise<void>;
  /** Ends every session of a user, by stable key (password or role changed, account deleted). */
  deleteForUser(userId: string): Promise<void>;
  /** Drops sessions that expired before `now`; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}

/** A provider user as last seen: the stable key records are keyed on, and the name to show for it. */
export interface ExternalIdentity {
  id: string;
  issuer: string;
  subject: string;
  name: string;
}

/** Provider users seen at sign-in, so records keyed on their stable key can show a name. */
export interface IdentityDirectory {
  /** Adds or updates the identity (its shown name may change at the provider). */
  record(identity: ExternalIdentity, now: Date): Promise<void>;
  /** The shown names of those `ids` that are known provider users. */
  names(ids: readonly string[]): Promise<Map<string, string>>;
}

/** The server's metadata store. */
export interface MetadataStore {
  readonly savedQueries: SavedQueryCollection;
  /** Shared query states behind `/s/<id>`. */
  readonly shortLinks: ShortLinkCollection;
  readonly dashboards: DashboardCollection;
  /** FLE profiles an admin configured (issue 7). */
  readonly fleProfiles: FleProfileStore;
  /** The append-only FLE audit log (issue 7). */
  readonly audit: AuditLog;
  readonly users: UserCollection;
  readonly sessions: SessionCollection;
  readonly identities: IdentityDirectory;
  /** Dismissed and snoozed Advisor findings, shared by the team. */
  readonly advisorDecisions: AdvisorDecisionCollection;
  /** Releases the database. Later calls on the store throw `StoreClosedError`; closing twice is harmless. */
  close(): Promise<void>;
}

/** The record kind named in errors about saved queries. */
export const SAVED_QUERY_KIND = 'saved query';

/** The record kind named in errors about dashboards. */
export const DASHBOARD_KIND = 'dashboard';
/** The record kind named in errors about local accounts. */
export const USER_KIND = 'user';
