// The newsroom's page shell: header with the site name, navigation for what the role may use, Sign out.
import type { ComponentChildren } from 'preact'
import { roleAtLeast, roleLabels, type Role, type Staff } from '../identity/index.js'
import type { FieldIssue } from '../platform/errors.js'
import { CsrfField } from './csrf.js'

export type NavKey =
  | 'dashboard' | 'articles' | 'media' | 'comments' | 'pages' | 'sections' | 'topics' | 'tags' | 'authors' | 'users' | 'settings' | 'audit' | 'account' | 'api-keys'
  | 'webhooks'

/** Navigation, in order, with the lowest role that may use each place. */
export const newsroomNav: readonly { key: NavKey; label: string; href: string; role: Role }[] = [
  { key: 'articles', label: 'Articles', href: '/newsroom/articles', role: 'contributor' },
  { key: 'media', label: 'Media', href: '/newsroom/media', role: 'contributor' },
  { key: 'comments', label: 'Comments', href: '/newsroom/comments', role: 'editor' },
  { key: 'pages', label: 'Pages', href: '/newsroom/pages', role: 'editor' },
  { key: 'sections', label: 'Sections', href: '/newsroom/sections', role: 'editor' },
  { key: 'topics', label: 'Topics', href: '/newsroom/topics', role: 'editor' },
  { key: 'tags', label: 'Tags', href: '/newsroom/tags', role: 'editor' },
  { key: 'authors', label: 'Authors', href: '/newsroom/authors', role: 'editor' },
  { key: 'users', label: 'Users', href: '/newsroom/users', role: 'administrator' },
  { key: 'settings', label: 'Settings', href: '/newsroom/settings', role: 'administrator' },
  { key: 'audit', label: 'Audit log', href: '/newsroom/audit', role: 'administrator' },
  { key: 'api-keys', label: 'API keys', href: '/newsroom/api-keys', role: 'administrator' },
  { key: 'webhooks', label: 'Webhooks', href: '/newsroom/webhooks', role: 'administrator' },
]

/** What every newsroom page knows besides its own content; `Newsroom.chrome(req, reply)` builds it. */
export interface Chrome {
  siteName: string
  language: string
  /** The site's time zone, for showing times as the newsroom reads them. */
  timeZone: string
  stylesheet: string
  /** Progressive-enhancement script for newsroom pages, when there is one. */
  script?: string | undefined
  /** Absent on the sign-in, setup, reset and invitation pages. */
  staff?: Staff | undefined
  /** This request's CSRF token, for the Sign out form and any other form on the page. */
  csrf: string
}

export function NewsroomLayout({ chrome, title, current, notice, children }: {
  chrome: Chrome
  title: string
  current?: NavKey | undefined
  /** A one-line confirmation shown above the content ("Settings saved"). */
  notice?: string | undefined
  children: ComponentChildren
}) {
  const { staff } = chrome
  return (
    <html lang={chrome.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} | ${chrome.siteName} newsroom`}</title>
        <link rel="stylesheet" href={chrome.stylesheet} />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {chrome.script && <script type="module" src={chrome.script} />}
      </head>
      <body class="newsroom">
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="nr-header">
          <a class="nr-header__name" href="/newsroom/">{chrome.siteName} <span class="nr-header__tag">Newsroom</span></a>
          {staff && (
            <div class="nr-header__who">
              <a href="/newsroom/account" aria-current={current === 'account' ? 'page' : undefined}>{staff.name}</a>
              <span class="nr-header__role">{roleLabels[staff.role]}</span>
              <form method="post" action="/newsroom/sign-out" class="nr-inline-form">
                <CsrfField token={chrome.csrf} />
                <button type="submit" class="nr-button nr-button--quiet">Sign out</button>
              </form>
            </div>
          )}
          {staff && (
            <nav class="nr-nav" aria-label="Newsroom">
              <ul>
                {newsroomNav.filter((item) => roleAtLeast(staff.role, item.role)).map((item) => (
                  <li><a href={item.href} aria-current={current === item.key ? 'page' : undefined}>{item.label}</a></li>
                ))}
                <li><a href="/" class="nr-nav__site">View site</a></li>
              </ul>
            </nav>
          )}
        </header>
        <main id="main" class="nr-main" tabindex={-1}>
          <h1>{title}</h1>
          {notice && <p class="nr-notice" role="status">{notice}</p>}
          {children}
        </main>
      </body>
    </html>
  )
}

/** Errors for the form as a whole, listed at its top and linked to their fields. */
export function FormErrors({ issues }: { issues: readonly FieldIssue[] }) {
  if (!issues.length) return null
  return (
    <div class="nr-errors" role="alert">
      <p>Please correct {issues.length === 1 ? 'this' : 'these'}:</p>
      <ul>{issues.map((i) => <li><a href={`#${i.field}`}>{i.message}</a></li>)}</ul>
    </div>
  )
}

/** A labelled control with its error beneath; `id` doubles as the field name errors refer to. */
export function Field({ id, label, hint, issues = [], children }: {
  id: string
  label: string
  hint?: string | undefined
  issues?: readonly FieldIssue[] | undefined
  children: ComponentChildren
}) {
  const errors = issues.filter((i) => i.field === id)
  return (
    <div class={`nr-field${errors.length ? ' nr-field--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && <p class="nr-field__hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {errors.map((e) => <p class="nr-field__error" id={`${id}-error`}>{e.message}</p>)}
    </div>
  )
}

/** aria-describedby and aria-invalid for a control inside `Field`. */
export function describedBy(id: string, issues: readonly FieldIssue[] = [], hint = false) {
  const invalid = issues.some((i) => i.field === id)
  const ids = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ')
  return { 'aria-describedby': ids || undefined, 'aria-invalid': invalid ? ('true' as const) : undefined }
}
