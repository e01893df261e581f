/** The embedded default backend of the metadata store: one SQLite file. */
import { randomUUID } from 'node:crypto';
import type { MetadataStore } from '../metadata-store';
import { createSqliteAdvisorDecisions } from './advisor-decisions';
import { createSqliteIdentities, createSqliteSessions, createSqliteUsers } from './auth-tables';
import { openDatabase, type OpenDatabaseOptions } from './database';
import { createSqliteDashboards } from './dashboards';
import { createSqliteAuditLog } from './audit-log';
import { createSqliteFleProfiles } from './fle-profiles';
import { createSqliteSavedQueries, type SavedQueryDeps } from './saved-queries';
import { createSqliteShortLinks, newShortLinkId, type ShortLinkDeps } from './short-links';

/** Options for {@link openSqliteStore}. */
export interface SqliteStoreOptions extends OpenDatabaseOptions, Partial<SavedQueryDeps>, Partial<ShortLinkDeps> {
  /** The database file (created with its folder if missing), or `':memory:'`. */
  file: string;
}

/**
 * Opens the store in `file`, applying pending migrations. Throws
 * `SchemaTooNewError` if the file was written by a newer ClusterScope.
 */
export function openSqliteStore(options: SqliteStoreOptions): MetadataStore {
  const { file, now = () => new Date(), newId = randomUUID, newLinkId = newShortLinkId, ...openOptions } = options;
  const db = openDatabase(file, openOptions);
  return {
    savedQueries: createSqliteSavedQueries(db, { now, newId }),
    shortLinks: createSqliteShortLinks(db, { now, newLinkId }),
    dashboards: createSqliteDashboards(db, { now, newId }),
    fleProfiles: createSqliteFleProfiles(db, { now, newId }),
    audit: createSqliteAuditLog(db, now),
    users: createSqliteUsers(db, now),
    sessions: createSqliteSessions(db),
    identities: createSqliteIdentities(db),
    advisorDecisions: createSqliteAdvisorDecisions(db, now),
    async close() {
      if (db.open) db.close();
    },
  };
}
