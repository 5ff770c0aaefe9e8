// `dateline import`: usage errors exit 2, a progress line on a terminal, the final report, exit 0 or 1.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { importCommand, progressLine, type Terminal } from '../../src/cli/import.js'
import { fixture, uploadsFolder } from './support.js'

function fakeTerminal(tty: boolean) {
  const out: string[] = []
  const err: string[] = []
  const bars: string[] = []
  let now = 0
  const term: Terminal = {
    out: (l) => out.push(l), err: (l) => err.push(l), progress: tty ? (l) => bars.push(l) : undefined,
    // Each reading of the clock moves it a second, so rates and times left are fixed.
    now: () => (now += 1000),
  }
  return { term, out, err, bars }
}

describe('dateline import', () => {
  let t: TestApp
  let uploads: string
  beforeAll(async () => {
    t = await buildTestApp()
    uploads = await uploadsFolder()
  })
  afterAll(() => t.close())

  it('refuses bad usage with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [[], /^import needs a file/],
      [['nowhere.xml'], /^No such file: nowhere\.xml/],
      [[fixture('wordpress.xml'), '--format', 'rss'], /--format must be one of jsonl, wordpress, ghost/],
      [[fixture('wordpress.xml'), '--section-from', 'author'], /--section-from must be category or tag/],
      [[fixture('wordpress.xml'), '--media-dir', '/nowhere/at/all'], /--media-dir: no such folder/],
      [[fixture('wordpress.xml'), '--colour'], /Unknown option '--colour'/],
    ]
    for (const [args, message] of cases) {
      const { term, err } = fakeTerminal(false)
      expect(await importCommand(t.services, args, term)).toBe(2)
      expect(err.join('\n')).toMatch(message)
    }
  })

  it('draws a progress line on a terminal and ends with the report', async () => {
    const { term, out, bars } = fakeTerminal(true)
    const code = await importCommand(t.services, [fixture('wordpress.xml'), '--media-dir', uploads], term)
    expect(code).toBe(0)
    expect(bars.some((b) => /^\[[#-]{20}\] \d+\/7  \d+\/s  \d+:\d\d left$/.test(b))).toBe(true)
    expect(out).toEqual(expect.arrayContaining([
      'Imported 5 new items and 0 updated items; skipped 2 items.',
      '  line 199: "Private memo": private post: not imported',
      'Comments: 5 new comments.',
      'Media: 2 found, 1 missing.',
      '  missing: https://old.example.com/wp-content/uploads/2025/01/gone.jpg',
      'Shortcodes kept as text: [contact-form-7] ×1.',
    ]))
    expect(out.join('\n')).not.toContain('reader@example.net')
  })

  it('exits 1 when an item could not be imported, and 1 with the position when the file is malformed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'))
    const bad = join(dir, 'bad.xml')
    writeFileSync(bad, '<?xml version="1.0"?>\n<rss><channel>\n<item><title>Open</item>\n</channel></rss>')
    const { term, err } = fakeTerminal(false)
    expect(await importCommand(t.services, [bad], term)).toBe(1)
    expect(err.join('\n')).toMatch(/^The file is not well-formed XML at line 3, column \d+: /)
    const long = join(dir, 'long.xml')
    writeFileSync(long, `<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>${'x'.repeat(50)}</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item></channel></rss>`)
    const second = fakeTerminal(false)
    expect(await importCommand(t.services, [long], second.term)).toBe(1)
    expect(second.out.join('\n')).toContain('no publication date')
  })

  it('reads and reports without writing on a dry run', async () => {
    const { term, out } = fakeTerminal(false)
    expect(await importCommand(t.services, [fixture('ghost.json'), '--dry-run'], term)).toBe(0)
    expect(out[0]).toBe('Would import 5 new items and 0 updated items; skipped 0 items.')
    expect((await t.app.inject('/ethics/')).statusCode).toBe(404)
  })

  it('formats rate and time left', () => {
    expect(progressLine(250, 1000, 10)).toBe('[#####---------------] 250/1,000  25/s  0:30 left')
    expect(progressLine(0, 10, 0)).toBe('[--------------------] 0/10  0/s  --:-- left')
  })
})
