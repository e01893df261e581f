/** FLE profiles in SQLite. Inputs arrive checked (see lib/fle/profile-input.ts). */
import type Database from 'better-sqlite3';
import { MalformedRecordError, NotFoundError, StoreClosedError } from '../errors';
import type { FleProfile, ProtectedColumns } from '@/lib/fle/profile';
import type { CheckedFleProfile, FleProfileStore } from '@/lib/fle/profile-store';

interface ProfileRow {
  id: string;
  provider_name: string;
  key_name: string;
  public_key_pem: string;
  fingerprint: string;
  protected_columns: string;
  updated_at: string;
  updated_by: string;
}

const KIND = 'FLE profile';

function toProfile(row: ProfileRow): FleProfile {
  let protectedColumns: ProtectedColumns;
  try {
    protectedColumns = JSON.parse(row.protected_columns) as ProtectedColumns;
  } catch {
    throw new MalformedRecordError(KIND, row.id, [{ path: 'protectedColumns', message: 'is not JSON' }]);
  }
  return {
    id: row.id,
    providerName: row.provider_name,
    keyName: row.key_name,
    publicKeyPem: row.public_key_pem,
    fingerprint: row.fingerprint,
    protectedColumns,
    builtIn: false,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Profiles in `db` (migrated). */
export function createSqliteFleProfiles(db: Database.Database, deps: { now: () => Date; newId: () => string }): FleProfileStore {
  const open = (): void => {
    if (!db.open) throw new StoreClosedError();
  };
  const get = db.prepare('SELECT * FROM fle_profiles WHERE id = ?');
  const write = (id: string, profile: CheckedFleProfile, actor: string): Record<string, string> => ({
    id,
    provider_name: profile.providerName,
    key_name: profile.keyName,
    public_key_pem: profile.publicKeyPem,
    fingerprint: profile.fingerprint,
    protected_columns: JSON.stringify(profile.protectedColumns),
    updated_at: deps.now().toISOString(),
    updated_by: actor,
  });
  const insert = db.prepare(`
    INSERT INTO fle_profiles (id, provider_name, key_name, public_key_pem, fingerprint, protected_columns, updated_at, updated_by)
    VALUES (@id, @provider_name, @key_name, @public_key_pem, @fingerprint, @protected_columns, @updated_at, @updated_by)
  `);
  const update = db.prepare(`
    UPDATE fle_profiles SET provider_name = @provider_name, key_name = @key_name, public_key_pem = @public_key_pem,
      fingerprint = @fingerprint, protected_columns = @protected_columns, updated_at = @updated_at, updated_by = @updated_by
    WHERE id = @id
  `);
  return {
    async list() {
      open();
      return (db.prepare('SELECT * FROM fle_profiles ORDER BY provider_name, key_name, id').all() as ProfileRow[]).map(toProfile);
    },
    async create(profile, actor) {
      open();
      const id = deps.newId();
      insert.run(write(id, profile, actor));
      return toProfile(get.get(id) as ProfileRow);
    },
    async update(id, profile, actor) {
      open();
      if (update.run(write(id, profile, actor)).changes === 0) throw new NotFoundError(KIND, id);
      return toProfile(get.get(id) as ProfileRow);
    },
    async delete(id) {
      open();
      if (db.prepare('DELETE FROM fle_profiles WHERE id = ?').run(id).changes === 0) throw new NotFoundError(KIND, id);
    },
  };
}
