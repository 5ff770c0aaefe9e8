// The rule book: what each role may do to its own and to others' articles, and which routes it may open.
import { describe, expect, it } from 'vitest'
import { can, roleMeets, roles, type Action, type Role } from '../../src/identity/index.js'

const me = (role: Role) => ({ id: 7, role })
const own = { ownerId: 7 }
const theirs = { ownerId: 8 }

describe('can', () => {
  it('lets a contributor write and edit only their own drafts, and never publish', () => {
    const c = me('contributor')
    expect(can(c, 'create')).toBe(true)
    expect(can(c, 'edit', { ...own, status: 'draft' })).toBe(true)
    expect(can(c, 'edit', { ...own, status: 'published' })).toBe(false)
    expect(can(c, 'edit', { ...theirs, status: 'draft' })).toBe(false)
    expect(can(c, 'publish', own)).toBe(false)
    expect(can(c, 'moderate')).toBe(false)
  })

  it('lets an author publish, unpublish and correct their own articles only', () => {
    const a = me('author')
    for (const action of ['edit', 'publish', 'unpublish', 'correct', 'delete'] as Action[]) {
      expect(can(a, action, { ...own, status: 'published' }), action).toBe(true)
      expect(can(a, action, theirs), action).toBe(false)
    }
    expect(can(a, 'manage-taxonomy')).toBe(false)
  })

  it('lets an editor act on every article and moderate, but not manage users or settings', () => {
    const e = me('editor')
    for (const action of ['edit', 'publish', 'unpublish', 'correct', 'delete', 'moderate', 'manage-taxonomy'] as Action[]) {
      expect(can(e, action, theirs), action).toBe(true)
    }
    expect(can(e, 'manage-users')).toBe(false)
    expect(can(e, 'manage-settings')).toBe(false)
    expect(can(me('administrator'), 'manage-settings')).toBe(true)
  })

  it('never treats an article without an owner as anyone’s own', () => {
    expect(can(me('author'), 'publish', { ownerId: null })).toBe(false)
    expect(can(me('contributor'), 'edit', {})).toBe(false)
  })
})

describe('roleMeets', () => {
  it('grants each role every lower access level and nothing above', () => {
    const table = roles.map((role) => roles.map((access) => roleMeets(role, access)))
    expect(table).toEqual([
      [true, false, false, false],
      [true, true, false, false],
      [true, true, true, false],
      [true, true, true, true],
    ])
    expect(roles.every((r) => roleMeets(r, 'signed-in'))).toBe(true)
    expect(roles.some((r) => roleMeets(r, 'setup'))).toBe(false)
  })
})
