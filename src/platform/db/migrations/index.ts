// The ordered migration set, the same for both dialects; each migration is told which one it runs on.
import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'
import * as m0001 from './0001-content.js'
import * as m0002 from './0002-identity.js'
import * as m0003 from './0003-editorial.js'
import * as m0004 from './0004-media.js'
import * as m0005 from './0005-comments.js'
import * as m0006 from './0006-search-vector-plain-text.js'
import * as m0009 from './0009-pages-and-imports.js'
import * as m0010 from './0010-related-picks.js'
import * as m0011 from './0011-webhooks.js'
import * as m0012 from './0012-api-keys.js'
import * as m0013 from './0013-search-head.js'
import * as m0014 from './0014-related-terms-binary.js'
import * as m0016 from './0016-article-teaser-index.js'
import * as m0017 from './0017-search-head-spans.js'

export interface Migration {
  up(db: Kysely<any>, dialect: DialectName): Promise<void>
}

/** Append only: a released migration is never edited, a new one is added after it. */
export const migrations: Record<string, Migration> = {
  '0001-content': m0001,
  '0002-identity': m0002,
  '0003-editorial': m0003,
  '0004-media': m0004,
  '0005-comments': m0005,
  '0006-search-vector-plain-text': m0006,
  '0009-pages-and-imports': m0009,
  '0010-related-picks': m0010,
  '0011-webhooks': m0011,
  '0012-api-keys': m0012,
  '0013-search-head': m0013,
  '0014-related-terms-binary': m0014,
  '0016-article-teaser-index': m0016,
  '0017-search-head-spans': m0017,
}
