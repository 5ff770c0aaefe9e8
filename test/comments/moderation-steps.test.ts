// Each moderation step on its own, then the order they run in.
import { describe, expect, it } from 'vitest'
import {
  approveKnownCommenter, holdFirstCommentFromReader, holdWhenHoldWord, holdWhenHoldingEverything, holdWhenManyLinks, moderate,
  refuseWhenCommentsClosed, refuseWhenDuplicate, refuseWhenFieldsInvalid, refuseWhenFormExpired, refuseWhenFormForged,
  refuseWhenHoneypotFilled, refuseWhenTooFast, spamWhenBlockedWord, fromSiteSettings, type Submission,
} from '../../src/comments/index.js'
import { defaultSettings } from '../../src/content/index.js'

const now = new Date('2026-11-25T12:00:00Z')
const settings = fromSiteSettings(defaultSettings({ siteName: 'x', siteDescription: '', siteLanguage: 'en', siteTimezone: 'UTC' }))

function submission(over: Partial<Submission> = {}): Submission {
  return {
    fields: { name: 'Ada', email: 'ada@example.org', website: '', body: 'A fair point about the budget.' },
    issues: [], honeypot: '', formToken: 'ok', article: { commentsOpen: true, publishedAt: new Date('2026-11-24T09:00:00Z') },
    now, settings, history: { approved: 1, total: 3, duplicateOfRecent: false }, ...over,
  }
}
const body = (text: string) => submission({ fields: { ...submission().fields, body: text } })

describe('refusing', () => {
  it('refuses when the article is closed, or older than the auto-close setting', () => {
    expect(refuseWhenCommentsClosed(submission({ article: { commentsOpen: false, publishedAt: null } }))?.decision).toBe('refuse')
    expect(refuseWhenCommentsClosed(submission())).toBeUndefined()
    const old = submission({ article: { commentsOpen: true, publishedAt: new Date('2026-11-01T00:00:00Z') }, settings: { ...settings, autoCloseDays: 14 } })
    expect(refuseWhenCommentsClosed(old)).toMatchObject({ decision: 'refuse', reason: 'closed' })
  })
  it('refuses a filled honeypot', () => {
    expect(refuseWhenHoneypotFilled(submission({ honeypot: 'x' }))?.decision).toBe('refuse')
    expect(refuseWhenHoneypotFilled(submission())).toBeUndefined()
  })
  it('refuses forged, expired and too-fast forms', () => {
    expect(refuseWhenFormForged(submission({ formToken: 'invalid' }))).toMatchObject({ reason: 'forged' })
    expect(refuseWhenFormExpired(submission({ formToken: 'expired' }))).toMatchObject({ reason: 'expired' })
    expect(refuseWhenTooFast(submission({ formToken: 'too-fast' }))).toMatchObject({ reason: 'too-fast' })
    expect(refuseWhenTooFast(submission())).toBeUndefined()
  })
  it('refuses invalid fields and duplicates', () => {
    expect(refuseWhenFieldsInvalid(submission({ issues: [{ field: 'name', message: 'Name is required' }] }))).toMatchObject({ reason: 'invalid' })
    expect(refuseWhenDuplicate(submission({ history: { approved: 1, total: 1, duplicateOfRecent: true } }))).toMatchObject({ reason: 'duplicate' })
  })
})

describe('spam and holding', () => {
  const lists = { ...settings, blockList: ['casino', 'cheap-pills.example'], holdList: ['lawsuit'] }
  it('marks block-list words as spam, as whole words or as phrases', () => {
    expect(spamWhenBlockedWord({ ...body('Visit our CASINO now'), settings: lists })?.decision).toBe('spam')
    expect(spamWhenBlockedWord({ ...body('see cheap-pills.example/buy'), settings: lists })?.decision).toBe('spam')
    expect(spamWhenBlockedWord({ ...body('Casinos are a planning matter'), settings: lists })).toBeUndefined()
  })
  it('holds hold-list words, more than N links, a first comment, and everything when told', () => {
    expect(holdWhenHoldWord({ ...body('a lawsuit is coming'), settings: lists })?.decision).toBe('hold')
    expect(holdWhenManyLinks(body('https://a.example https://b.example'))).toBeUndefined()
    expect(holdWhenManyLinks(body('https://a.example https://b.example https://c.example'))).toMatchObject({ decision: 'hold', reason: 'hold:many-links' })
    expect(holdFirstCommentFromReader(submission({ history: { approved: 0, total: 0, duplicateOfRecent: false } }))?.decision).toBe('hold')
    expect(holdWhenHoldingEverything(submission({ settings: { ...settings, holdAll: true } }))?.decision).toBe('hold')
  })
  it('approves a reader with an earlier approved comment', () => {
    expect(approveKnownCommenter(submission())?.decision).toBe('approve')
    expect(approveKnownCommenter(submission({ history: { approved: 0, total: 2, duplicateOfRecent: false } }))).toBeUndefined()
  })
})

describe('the order of the steps', () => {
  it('refuses before anything else, then spam, then hold, then approve', () => {
    expect(moderate(submission({ honeypot: 'x', fields: { ...submission().fields, body: 'casino' }, settings: { ...settings, blockList: ['casino'] } })).decision).toBe('refuse')
    expect(moderate({ ...body('casino'), settings: { ...settings, blockList: ['casino'], holdAll: true } }).decision).toBe('spam')
    expect(moderate(submission({ settings: { ...settings, holdAll: true } })).decision).toBe('hold')
    expect(moderate(submission()).decision).toBe('approve')
    expect(moderate(submission({ history: { approved: 0, total: 4, duplicateOfRecent: false } }))).toMatchObject({ decision: 'hold', reason: 'hold:not-yet-trusted' })
  })
})
