/**
 * The newsroom surface, at /newsroom. Contracts for everyone adding newsroom pages:
 *
 * **Adding routes.** Write a plugin `async function articleRoutes(app: FastifyInstance, newsroom: Newsroom)` in
 * `src/newsroom/<name>.routes.ts` and add one line to `newsroom.plugin.ts`, next to the others:
 * `await scope.register(articleRoutes, newsroom)`. Paths are relative to /newsroom (`app.get('/articles', …)`).
 *
 * **Access.** Every route declares `config: { access }`: 'public' | 'signed-in' | 'contributor' | 'author' |
 * 'editor' | 'administrator' | 'setup' (open only while no administrator exists). A role grants every lower one
 * (contributor < author < editor < administrator). Strangers asking for a page are redirected (303) to
 * /newsroom/sign-in?next=…; asking for JSON (`Accept: application/json`) they get 401; too low a role gets 403.
 * Per-article rules are yours: `can(currentStaff(req), 'publish', { ownerId, status })` from identity.
 *
 * **Who is asking.** `currentStaff(req)` → `{ id, email, name, role, sessionId }` on any non-public route
 * (throws UNAUTHENTICATED otherwise); `findStaff(req)` → the same or undefined.
 *
 * **CSRF.** Every POST/PUT/PATCH/DELETE route in the newsroom gets `csrfProtection` automatically (an onRoute
 * hook): the Origin (or Referer) must be this site, and the request must carry the token from
 * `csrfToken(req, reply)` as the `_csrf` form field (`<CsrfField token={chrome.csrf} />`), the `x-csrf-token`
 * header (scripts, JSON), or, for a plain multipart form, `?_csrf=` in the form's action URL. Refusal: 403, code CSRF.
 *
 * **Pages.** `newsroom.page(req, reply, { title, current: 'articles', body })`, or build the element yourself
 * (`newsroom.assetPath('editor.js')` gives a versioned path for a page's own script or stylesheet):
 * `newsroom.send(reply, <NewsroomLayout chrome={await newsroom.chrome(req, reply)} title="Articles" current="articles">…</NewsroomLayout>)`.
 * `Field`, `FormErrors` and `describedBy` give labelled controls with inline errors. Every newsroom response is
 * sent with `Cache-Control: private, no-store` and `X-Robots-Tag: noindex`; never call sendPage (the page cache) here.
 * Errors thrown as DomainError become a newsroom error page (HTML) or `{error:{code,message}}` (JSON).
 *
 * **Audit.** Record what matters with `recordAudit(db, { at: clock.now(), actor: staff, action, subject, detail })`.
 */
export { newsroomPlugin } from './newsroom.plugin.js'
export type { Newsroom, NewsroomOptions } from './newsroom.js'
export { NewsroomLayout, Field, FormErrors, describedBy, newsroomNav, type Chrome, type NavKey } from './layout.js'
export { csrfToken, csrfProtection, CsrfField, csrfField, csrfHeader } from './csrf.js'
export { createAuthorize, currentStaff, findStaff, sessionCookie } from './session.js'
