// Editors' word on related news: pin an article to show it whatever the words say, or exclude one never to show it.
import type { Db, DialectName, RelatedOverrideMode } from '../platform/db/index.js'
import type { Clock } from '../platform/clock.js'
import type { Events } from '../platform/events.js'
import { validationError } from '../platform/errors.js'
import { getEditableArticle, requireRight, type Actor } from '../content/index.js'
import { readOverrides, readPicks, setOverride } from './related.store.js'
import { repickArticles } from './related-refresh.js'

export const relatedOverrideLimits = { related: 300, pins: 6, exclusions: 50 } as const

export interface RelatedOverrideView {
  id: number
  headline: string
  path: string
  status: string
  /** How it stands on the page: pinned or excluded by an editor, or picked from the words. */
  mode: RelatedOverrideMode | 'picked'
}

async function articlesByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, { headline: string; slug: string; status: string; section: string }>()
  const rows = await db.selectFrom('article').innerJoin('section', 'section.id', 'article.section_id')
    .select(['article.id', 'article.headline', 'article.slug', 'article.status', 'section.slug as section']).where('article.id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r]))
}

/**
 * What the editor shows under "Related news": the articles shown now (pinned first), then the excluded ones.
 * @example const items = await listRelatedOverrides(deps, 12)
 */
export async function listRelatedOverrides({ db }: { db: Db }, articleId: number): Promise<RelatedOverrideView[]> {
  const [overrides, picks] = await Promise.all([readOverrides(db, articleId), readPicks(db, articleId)])
  const pinned = new Set(overrides.pinned)
  const shown = [...new Set([...overrides.pinned, ...(picks.alsoRead === undefined ? [] : [picks.alsoRead]), ...picks.related])]
  const byId = await articlesByIds(db, [...shown, ...overrides.excluded])
  const view = (id: number, mode: RelatedOverrideView['mode']): RelatedOverrideView[] => {
    const a = byId.get(id)
    return a ? [{ id, headline: a.headline, path: `/${a.section}/${a.slug}/`, status: a.status, mode }] : []
  }
  return [...shown.flatMap((id) => view(id, pinned.has(id) ? 'pin' : 'picked')), ...overrides.excluded.flatMap((id) => view(id, 'exclude'))]
}

/** The slug an editor means: a bare slug, or an article's address on the site (with or without the host). */
function slugFrom(text: string): string | undefined {
  const trimmed = text.trim()
  let path = trimmed
  try {
    if (/^https?:\/\//i.test(trimmed)) path = new URL(trimmed).pathname
  } catch {
    return undefined
  }
  const last = path.split('/').filter(Boolean).at(-1)
  return last && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(last) ? last : undefined
}

/**
 * Pins, excludes or releases (`mode` undefined) one article among another's related news, then works out its
 * picks again at once so the editor sees the result. Needs the right to edit the article.
 * @example await setRelatedOverride(deps, staff, 12, { related: '/news/ferry-refloated/', mode: 'pin' })
 */
export async function setRelatedOverride(
  deps: { db: Db; dialect: DialectName; clock: Clock; events: Events }, actor: Actor, articleId: number,
  input: { related: string | number; mode: RelatedOverrideMode | undefined },
): Promise<void> {
  const { state } = await getEditableArticle(deps.db, articleId)
  requireRight(actor, 'edit', state)
  const field = 'related'
  let relatedId: number | undefined
  if (typeof input.related === 'number') relatedId = input.related
  else {
    if (input.related.length > relatedOverrideLimits.related) throw validationError([{ field, message: `The address must be at most ${relatedOverrideLimits.related} characters` }])
    const slug = slugFrom(input.related)
    if (!slug) throw validationError([{ field, message: 'Give the address or slug of an article on this site' }])
    relatedId = (await deps.db.selectFrom('article').select('id').where('slug', '=', slug).executeTakeFirst())?.id
  }
  const exists = relatedId !== undefined && (await deps.db.selectFrom('article').select('id').where('id', '=', relatedId).executeTakeFirst())
  if (!exists || relatedId === undefined) throw validationError([{ field, message: 'No article has that address' }])
  if (relatedId === articleId) throw validationError([{ field, message: 'An article cannot be related to itself' }])
  if (input.mode) {
    const current = await readOverrides(deps.db, articleId)
    const list = input.mode === 'pin' ? current.pinned : current.excluded
    const max = input.mode === 'pin' ? relatedOverrideLimits.pins : relatedOverrideLimits.exclusions
    if (!list.includes(relatedId) && list.length >= max) {
      throw validationError([{ field, message: input.mode === 'pin' ? `At most ${max} articles can be pinned` : `At most ${max} articles can be excluded` }])
    }
  }
  await setOverride(deps.db, articleId, relatedId, input.mode, actor.id, deps.clock.now().toISOString())
  await repickArticles(deps, [articleId])
}
