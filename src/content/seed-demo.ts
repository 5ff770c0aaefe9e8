// Demo content for a new install: the Courier's sections, running stories, reporters and articles, with drawn pictures.
import type { Deps } from '../platform/deps.js'
import { createMediaStore, drawCardImage, drawIllustration, findMediaById, uploadMedia } from '../media/index.js'
import { getSettings, patchStoredSettings } from './settings.store.js'
import { writeArticle } from './save-article.js'
import { ensureAuthor, ensureSection, ensureTopic } from './taxonomy.store.js'
import { demoArticles, demoAuthors, demoSections, demoTopics } from './demo/demo-content.js'

const hour = 3_600_000

/** Writes the demo newspaper; times are relative to the clock so the front page always looks current. */
export async function seedDemo({ db, clock, events, config }: Pick<Deps, 'db' | 'clock' | 'events' | 'config'>): Promise<number> {
  const now = clock.now()
  const at = now.toISOString()
  const media = createMediaStore(config)
  const pictures = new Map<string, { url: string; width: number; height: number }>()
  for (const [i, a] of demoArticles.entries()) {
    if (!a.image) continue
    const name = `demo-${a.slug.slice(0, 60)}.jpg`
    if (!(await media.exists(name))) await media.put(name, await drawIllustration({ hue: a.image.hue, label: a.image.label, seed: i + 1 }))
    pictures.set(a.slug, { url: `/media/${name}`, width: 1200, height: 675 })
  }
  const names = {
    section: new Map(demoSections.map((s) => [s.slug, s.name])),
    topic: new Map(demoTopics.map((t) => [t.slug, t.name])),
    author: new Map(demoAuthors.map((a) => [a.slug, a.name])),
  }
  const written = await db.transaction().execute(async (trx) => {
    const ids: number[] = []
    for (const [position, s] of demoSections.entries()) await ensureSection(trx, { ...s, position }, at)
    for (const t of demoTopics) await ensureTopic(trx, t, at)
    for (const a of demoAuthors) await ensureAuthor(trx, a, at)
    for (const a of demoArticles) {
      const publishedAt = new Date(now.getTime() - a.hoursAgo * hour)
      const picture = pictures.get(a.slug)
      const { id } = await writeArticle(trx, {
        slug: a.slug,
        headline: a.headline,
        standfirst: a.standfirst,
        body: a.body,
        section: names.section.get(a.section) ?? a.section,
        topics: a.topics.map((t) => names.topic.get(t) ?? t),
        tags: a.tags,
        authors: a.authors.map((s) => names.author.get(s) ?? s),
        dateline: a.dateline,
        agency: a.agency,
        status: 'published',
        publishedAt,
        updatedAt: a.updatedHoursAfterPublish ? new Date(publishedAt.getTime() + a.updatedHoursAfterPublish * hour) : undefined,
        image: a.image && picture ? { ...picture, alt: a.image.alt, caption: a.image.caption, credit: a.image.credit } : undefined,
        commentsOpen: a.commentsOpen ?? true,
        corrections: a.corrections?.map((c) => ({ kind: c.kind, text: c.text, createdAt: new Date(publishedAt.getTime() + c.hoursAfterPublish * hour) })),
      }, now)
      ids.push(id)
    }
    return ids
  })
  await seedDefaultCard({ db, clock, config })
  await events.emit({ type: 'taxonomy.changed', tags: ['site'] })
  await events.emit({ type: 'articles.imported', articleIds: written, tags: [] })
  return demoArticles.length
}

/**
 * The demo paper's default card image, through the media pipeline like any upload, so an article without a picture
 * still shows one in link previews. Left alone when a card is already set (seeding twice, or a card someone chose).
 */
async function seedDefaultCard({ db, clock, config }: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<void> {
  const settings = await getSettings(db, config)
  if (settings.defaultImageId !== null && (await findMediaById(db, settings.defaultImageId))) return
  const bytes = await drawCardImage({ name: settings.name, tagline: settings.description })
  const media = await uploadMedia({ db, clock, config, store: createMediaStore(config) }, {
    bytes, filename: 'default-card.png', alt: `${settings.name}: the masthead on a dark blue card`, createdBy: null,
  })
  await patchStoredSettings(db, { defaultImageId: media.id })
}

/** Seeds only a database with no articles at all, so `npm start` never touches real content. */
export async function seedDemoIfEmpty(deps: Pick<Deps, 'db' | 'clock' | 'events' | 'config'>): Promise<number> {
  const row = await deps.db.selectFrom('article').select('id').limit(1).executeTakeFirst()
  if (row) return 0
  return seedDemo(deps)
}
