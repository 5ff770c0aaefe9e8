// The ordered migration set, the same for both dialects; each migration is told which one it runs on.
import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'
import * as m0001 from './0001-content.js'

export interface Migration {
  up(db: Kysely<any>, dialect: DialectName): Promise<void>
}

/** Append only: a released migration is never edited, a new one is added after it. */
export const migrations: Record<string, Migration> = {
  '0001-content': m0001,
}
