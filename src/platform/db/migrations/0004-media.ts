// Uploaded media and their variants.
import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

export async function up(_db: Kysely<any>, _dialect: DialectName): Promise<void> {}
