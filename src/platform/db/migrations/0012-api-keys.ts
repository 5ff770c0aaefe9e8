// API keys for programs (Ghost-compatible content keys, role-bearing admin keys) and the Admin API's remembered idempotent answers.
import type { Kysely } from 'kysely'
import { idType, type DialectName } from '../dialect.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const id = idType(dialect)
  await db.schema.createTable('api_key')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // 'content' (read-only, Ghost Content API) or 'admin' (acts with `role`'s rights).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    // SHA-256 (hex) of the key: keys are random and long, so a fast hash is enough and the key itself is never stored.
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    // The first characters, so an administrator can tell keys apart in a list without the key being kept.
    .addColumn('hint', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()

  await db.schema.createTable('api_idempotency')
    .addColumn('api_key_id', 'integer', (c) => c.notNull().references('api_key.id').onDelete('cascade'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    // Method, path and body digest: the same key sent with a different request is refused, not answered wrongly.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('api_idempotency_pk', ['api_key_id', 'idempotency_key'])
    .execute()
  await db.schema.createIndex('api_idempotency_created').on('api_idempotency').column('created_at').execute()
}
