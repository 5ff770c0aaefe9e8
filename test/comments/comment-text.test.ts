// Normalising, checking and rendering what a commenter typed; the form token; avatars.
import { describe, expect, it } from 'vitest'
import { avatarFor, checkCommentFields, checkFormToken, checkWebsite, issueFormToken, renderCommentBody } from '../../src/comments/index.js'

const secret = 'unit-secret-unit-secret-unit-secret-01'
const at = new Date('2026-11-25T12:00:00Z')
const limits = { minSeconds: 3, maxAgeHours: 24 }

describe('comment fields', () => {
  it('normalises to NFC, trims and joins lines before checking lengths', () => {
    const { fields, issues } = checkCommentFields({ name: '  Jose\u0301  Saramago ', email: 'Ada@Example.ORG', body: 'one\r\n\r\n\r\n\r\ntwo   \n' })
    expect(issues).toEqual([])
    expect(fields.name).toBe('José Saramago')
    expect(fields.email).toBe('Ada@example.org')
    expect(fields.body).toBe('one\n\ntwo')
  })
  it('refuses control characters, bidi overrides and null bytes', () => {
    expect(checkCommentFields({ name: 'evil\u202Eman', email: 'a@example.org', body: 'x' }).issues[0]?.field).toBe('name')
    expect(checkCommentFields({ name: 'a', email: 'a@example.org', body: 'x\u0000y' }).issues[0]?.field).toBe('body')
  })
  it('accepts http(s) websites only, assuming https when none is given', () => {
    expect(checkWebsite('example.com/me')).toBe('https://example.com/me')
    expect(checkWebsite('http://example.com')).toBe('http://example.com/')
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.com', 'https://user:pw@example.com', 'localhost']) expect(checkWebsite(bad)).toBeUndefined()
  })
})

describe('rendering', () => {
  it('makes paragraphs and nofollow links, and escapes every tag typed', () => {
    const html = renderCommentBody('First line\nsecond\n\nSee https://example.com/x <img src=x onerror=alert(1)> [a](javascript:alert(1))')
    expect(html).toMatch(/<p>First line<br \/>\s*second<\/p>/)
    expect(html).toContain('<a href="https://example.com/x" rel="nofollow ugc noopener">https://example.com/x</a>')
    expect(html).not.toMatch(/<img|href="javascript/)
    expect(html).toContain('&lt;img')
  })
  it('does not turn email addresses into links', () => {
    expect(renderCommentBody('write to ada@example.org')).not.toContain('mailto')
  })
})

describe('form token', () => {
  it('accepts its own token after 3 seconds and before 24 hours', () => {
    const token = issueFormToken(secret, 7, at)
    expect(checkFormToken(secret, token, 7, new Date(at.getTime() + 5000), limits).state).toBe('ok')
    expect(checkFormToken(secret, token, 7, new Date(at.getTime() + 1000), limits).state).toBe('too-fast')
    expect(checkFormToken(secret, token, 7, new Date(at.getTime() + 25 * 3600_000), limits).state).toBe('expired')
  })
  it('refuses another article, another secret, and tampering', () => {
    const token = issueFormToken(secret, 7, at)
    const later = new Date(at.getTime() + 5000)
    expect(checkFormToken(secret, token, 8, later, limits).state).toBe('invalid')
    expect(checkFormToken('another-secret-another-secret-another', token, 7, later, limits).state).toBe('invalid')
    expect(checkFormToken(secret, token.replace(/\.\d+\./, `.${at.getTime() - 60_000}.`), 7, later, limits).state).toBe('invalid')
    expect(checkFormToken(secret, undefined, 7, later, limits).state).toBe('invalid')
  })
})

describe('avatars', () => {
  it('uses initials and a colour from the name alone', () => {
    expect(avatarFor('Ada Lovelace')).toMatchObject({ initials: 'AL' })
    expect(avatarFor('émile')).toMatchObject({ initials: 'É' })
    expect(avatarFor('Ada Lovelace').colour).toBe(avatarFor('Ada Lovelace').colour)
  })
})
