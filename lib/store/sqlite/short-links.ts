/** The short-link collection of the SQLite store. */
import type Database from 'better-sqlite3';
import { z } from '@/lib/validation/zod';
import { MalformedRecordError, NotFoundError, StoreClosedError } from '../errors';
import { actorSchema, parseInput, toIssues } from '../schemas';
import { SHORT_LINK_KIND, shortLinkSchema, shortLinkStateSchema, type ShortLink, type ShortLinkCollection } from '../short-links';
import { rowId } from './rows';

/** What the collection needs besides the database; tests replace the clock and the ids. */
export interface ShortLinkDeps {
  now: () => Date;
  newLinkId: () => string;
}

const ANONYMOUS = 'anonymous';
const COLUMNS = 'id, state, created_by, created_at, revoked_at, revoked_by';

/**
 * A new short-link id: 128 bits from the platform's CSPRNG, base64url. Random
 * rather than derived from the state, so an id reveals nothing and cannot be
 * guessed from a query someone might have shared.
 */
export function newShortLinkId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}

const rowSchema = z
  .object({
    id: z.unknown(),
    state: z.string().nullable(),
    created_by: z.unknown(),
    created_at: z.unknown(),
    revoked_at: z.unknown(),
    revoked_by: z.unknown(),
  })
  .transform((row, ctx) => {
    let state: unknown = null;
    if (row.state !== null) {
      try {
        state = JSON.parse(row.state) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', path: ['state'], message: 'not valid JSON' });
        return z.NEVER;
      }
    }
    return { id: row.id, state, createdBy: row.created_by, createdAt: row.created_at, revokedAt: row.revoked_at, revokedBy: row.revoked_by };
  });

function decodeRow(row: unknown): ShortLink {
  const columns = rowSchema.safeParse(row);
  const record = columns.success ? shortLinkSchema.safeParse(columns.data) : columns;
  if (!record.success) throw new MalformedRecordError(SHORT_LINK_KIND, rowId(row), toIssues(record.error));
  return record.data;
}

/** Short links in `db`, which must already be migrated. */
export function createSqliteShortLinks(db: Database.Database, deps: ShortLinkDeps): ShortLinkCollection {
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM short_links WHERE id = ?`);
  const insert = db.prepare('INSERT INTO short_links (id, state, created_by, created_at) VALUES (@id, @state, @createdBy, @createdAt)');
  // The state goes with the revocation: a revoked link must not keep the query on the server.
  const revoke = db.prepare('UPDATE short_links SET state = NULL, revoked_at = @at, revoked_by = @by WHERE id = @id AND revoked_at IS NULL');

  const open = (): void => {
    if (!db.open) throw new StoreClosedError();
  };

  return {
    async create(state, context = {}) {
      open();
      const checked = parseInput(shortLinkStateSchema, state, 'short link state');
      const createdBy = parseInput(actorSchema, context.actor ?? ANONYMOUS, 'actor');
      const record: ShortLink = { id: deps.newLinkId(), state: checked, createdBy, createdAt: deps.now().toISOString(), revokedAt: null, revokedBy: null };
      insert.run({ id: record.id, state: JSON.stringify(checked), createdBy, createdAt: record.createdAt });
      return record;
    },

    async get(id) {
      open();
      const row = selectOne.get(id);
      return row === undefined ? null : decodeRow(row);
    },

    async revoke(id, context = {}) {
      open();
      const by = parseInput(actorSchema, context.actor ?? ANONYMOUS, 'actor');
      const write = db.transaction((): ShortLink => {
        revoke.run({ id, at: deps.now().toISOString(), by });
        const row = selectOne.get(id);
        if (row === undefined) throw new NotFoundError(SHORT_LINK_KIND, id);
        return decodeRow(row);
      });
      return write.immediate();
    },
  };
}
