// Roles and what each may do: route access is the coarse gate, `can` decides per article or per action.
import type { StaffRole } from '../platform/db/index.js'
import type { Access } from '../platform/http/access.js'

export type Role = StaffRole

/** Lowest first: each role may do everything the roles before it may. */
export const roles: readonly Role[] = ['contributor', 'author', 'editor', 'administrator']

export const roleLabels: Record<Role, string> = {
  contributor: 'Contributor', author: 'Author', editor: 'Editor', administrator: 'Administrator',
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(minimum)
}

/** Whether a signed-in role satisfies a route's access value ('public' and 'setup' are decided elsewhere). */
export function roleMeets(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'signed-in') return true
  // A session never opens what only an API key may call.
  if (access === 'setup' || access === 'api-key') return false
  return roleAtLeast(role, access)
}

export type Action =
  | 'create' | 'edit' | 'publish' | 'unpublish' | 'delete' | 'correct'
  | 'upload' | 'moderate' | 'manage-taxonomy' | 'manage-users' | 'manage-settings' | 'view-audit'

/** What an action is done to: the article's owner (the staff user who created it) and its status. */
export interface Subject {
  ownerId?: number | null | undefined
  status?: 'draft' | 'scheduled' | 'published' | 'unpublished' | undefined
}

/**
 * The per-article rule book. Contributors write and edit their own drafts; authors also publish, schedule,
 * unpublish, correct and delete their own; editors do all of that to anyone's and moderate; administrators
 * also manage users and settings.
 * @example if (!can(staff, 'publish', { ownerId: article.ownerId })) throw new DomainError('FORBIDDEN', 'Only an editor may publish another writer’s article')
 */
export function can(user: { id: number; role: Role }, action: Action, subject: Subject = {}): boolean {
  const own = subject.ownerId != null && subject.ownerId === user.id
  const atLeast = (r: Role) => roleAtLeast(user.role, r)
  switch (action) {
    case 'create':
    case 'upload':
      return true
    case 'edit':
      if (atLeast('editor')) return true
      if (atLeast('author')) return own
      return own && (subject.status === undefined || subject.status === 'draft')
    case 'delete':
      if (atLeast('editor')) return true
      if (atLeast('author')) return own
      return own && (subject.status === undefined || subject.status === 'draft')
    case 'publish':
    case 'unpublish':
    case 'correct':
      return atLeast('editor') || (atLeast('author') && own)
    case 'moderate':
    case 'manage-taxonomy':
      return atLeast('editor')
    case 'manage-users':
    case 'manage-settings':
    case 'view-audit':
      return atLeast('administrator')
  }
}
