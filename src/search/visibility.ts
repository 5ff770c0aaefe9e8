// Which articles readers may not see yet, as a subquery search and related news can exclude cheaply.
import { sql, type RawBuilder } from 'kysely'

/**
 * Ids of every article a reader must not see at `now`: not published, or published with a time still to come.
 * Written as index range scans on (status, published_at), so it costs in proportion to hidden articles, which
 * are few. Testing visibility row by row would read each article's row, and on SQLite status and published_at
 * sit after the bodies, in overflow pages: that made search and related news ten times slower.
 */
export function hiddenArticleIds(now: Date): RawBuilder<unknown> {
  const at = now.toISOString()
  return sql`select id from article where status < 'published'
    union all select id from article where status > 'published'
    union all select id from article where status = 'published' and published_at > ${at}
    union all select id from article where status = 'published' and published_at is null`
}
