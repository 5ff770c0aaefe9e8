// A large WordPress export renders its posts on a worker thread (body-pool.ts): the result must be exactly what the
// same import gives when everything runs in one thread, threads of comments and all.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createMediaStore } from '../../src/media/index.js'
import type * as Importers from '../../src/importers/index.js'
import { importFile, snapshot } from './support.js'

const posts = 260

function bigExport(): string {
  const items: string[] = []
  for (let i = 1; i <= posts; i++) {
    const body = i % 3 === 0
      ? `<!-- wp:paragraph --><p>Block post ${i} about the <em>harbour</em> &amp; "the ferry".</p><!-- /wp:paragraph -->`
      : `Classic post ${i}, first line.\nSecond line <script>alert(${i})</script>\n\n[caption id="x" caption="Quay ${i}"]<img src="https://old.example/q${i}.jpg" alt="Quay">[/caption]\n\nEnd <strong>${i}</strong>.`
    // Replies come before the comments they answer; the thread must still hang together.
    const comments = [
      [i * 10 + 2, i * 10 + 1, 'A reply to the first, with https://example.org/more'],
      [i * 10 + 1, 0, `<p>First comment on ${i}</p><p>Second paragraph &lt;b&gt;</p>`],
      [i * 10 + 3, i * 10 + 2, 'A reply to the reply'],
    ].map(([id, parent, text]) => `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>Reader ${id}</wp:comment_author><wp:comment_author_email>r${id}@example.net</wp:comment_author_email><wp:comment_date_gmt>2026-10-01 09:00:0${Number(id) % 10}</wp:comment_date_gmt><wp:comment_content><![CDATA[${text}]]></wp:comment_content><wp:comment_approved>${Number(id) % 10 === 3 ? '0' : '1'}</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`)
    items.push(`<item><title>Story ${i}</title><link>https://old.example/2026/10/story-${i}/</link><dc:creator>desk</dc:creator>`
      + `<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>`
      + `<wp:post_id>${i}</wp:post_id><wp:post_date_gmt>2026-10-01 08:00:00</wp:post_date_gmt><wp:post_name>story-${i}</wp:post_name>`
      + `<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="news"><![CDATA[News]]></category>`
      + `${comments.join('')}</item>`)
  }
  return '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Old</title><link>https://old.example</link><wp:base_blog_url>https://old.example</wp:base_blog_url>\n'
    + '<wp:author><wp:author_login>desk</wp:author_login><wp:author_display_name>News Desk</wp:author_display_name></wp:author>\n'
    + items.join('\n') + '\n</channel></rss>\n'
}

describe('a WordPress import rendered on a worker thread', () => {
  let inThread: TestApp
  let onWorker: TestApp
  let file: string
  beforeAll(async () => {
    ;[inThread, onWorker] = await Promise.all([buildTestApp(), buildTestApp()])
    file = join(mkdtempSync(join(tmpdir(), 'dateline-worker-')), 'big.xml')
    writeFileSync(file, bigExport())
  })
  afterAll(() => Promise.all([inThread.close(), onWorker.close()]))

  it('gives the same articles, bodies and comment threads as one thread does', async () => {
    // The compiled build has the worker's file; the sources run under Vitest do not, so they render in the thread.
    const built = '../../dist/importers/index.js'
    const dist = await import(built) as typeof Importers
    const [a, b] = await Promise.all([
      importFile(inThread, file),
      dist.runImport({ ...onWorker.services, store: createMediaStore(onWorker.config) }, file, {}),
    ])
    expect(b).toEqual(a)
    expect(a).toMatchObject({ created: posts, comments: { created: posts * 3 } })
    expect(await snapshot(onWorker)).toEqual(await snapshot(inThread))
    const html = (t: TestApp) => t.services.db.selectFrom('article').select(['slug', 'body_html']).orderBy('slug').execute()
    expect(await html(onWorker)).toEqual(await html(inThread))
    const comments = (t: TestApp) => t.services.db.selectFrom('comment').select(['body', 'body_html', 'depth', 'status']).orderBy('created_at').orderBy('body').execute()
    expect(await comments(onWorker)).toEqual(await comments(inThread))
    const sample = await onWorker.services.db.selectFrom('article').select(['body_html', 'comment_count']).where('slug', '=', 'story-1').executeTakeFirstOrThrow()
    expect(sample.body_html).not.toContain('<script')
    expect(sample.body_html).toContain('<figcaption>Quay 1</figcaption>')
    expect(sample.comment_count).toBe(2)
    const thread = await onWorker.services.db.selectFrom('comment').select(['author_name', 'depth']).orderBy('depth').execute()
    expect(thread.filter((c) => c.author_name === 'Reader 13').map((c) => c.depth)).toEqual([2])
  })
})
