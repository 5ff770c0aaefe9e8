// The newsroom's home at /newsroom/: the dashboard's loader and route.
import type { FastifyInstance } from 'fastify'
import { h, type VNode } from 'preact'
import { can, type Staff } from '../identity/index.js'
import { countDeskArticles, listDeskArticles, type DeskQueue } from '../content/index.js'
import { countWithStatus, listAwaitingModeration } from '../comments/index.js'
import type { Deps } from '../platform/deps.js'
import type { Newsroom } from './newsroom.js'
import { currentStaff } from './session.js'
import { DashboardPage, type DashboardView } from './dashboard.page.js'

/** How many items each block shows; the rest is one "see all" link away. */
export const dashboardLimits = { articles: 10, comments: 5 } as const

const listHref = (status: string, mine: boolean) => `/newsroom/articles?status=${status}${mine ? '&mine=1' : ''}`

/**
 * Everything the dashboard shows, for this person. Least privilege: the whole desk (everyone's scheduled and
 * published) only for those who may publish anyone's article; the moderation queue only for those who may moderate.
 */
export async function loadDashboard({ db }: Pick<Deps, 'db'>, staff: Pick<Staff, 'id' | 'role'>): Promise<Omit<DashboardView, 'chrome'>> {
  const everyone = can(staff, 'publish', { ownerId: null })
  const owner = (queue: DeskQueue) => ({ queue, ownerId: queue === 'drafts' || !everyone ? staff.id : undefined })
  const moderates = can(staff, 'moderate')
  const [drafts, draftCount, scheduled, scheduledCount, published, pending, newest] = await Promise.all([
    listDeskArticles(db, owner('drafts'), dashboardLimits.articles),
    countDeskArticles(db, owner('drafts')),
    listDeskArticles(db, owner('scheduled'), dashboardLimits.articles),
    countDeskArticles(db, owner('scheduled')),
    listDeskArticles(db, owner('published'), dashboardLimits.articles),
    moderates ? countWithStatus(db, 'pending') : 0,
    moderates ? listAwaitingModeration(db, dashboardLimits.comments) : [],
  ])
  return {
    everyone,
    drafts: { items: drafts, total: draftCount, allHref: listHref('draft', true) },
    scheduled: { items: scheduled, total: scheduledCount, allHref: listHref('scheduled', !everyone) },
    published: { items: published, allHref: listHref('published', !everyone) },
    moderation: moderates ? { pending, newest, queueHref: '/newsroom/comments' } : undefined,
  }
}

export async function dashboardRoutes(app: FastifyInstance, newsroom: Newsroom) {
  app.get('/', { config: { access: 'signed-in' } }, async (req, reply) => {
    const view = await loadDashboard(newsroom.deps, currentStaff(req))
    return newsroom.send(reply, h(DashboardPage, { chrome: await newsroom.chrome(req, reply), ...view }) as VNode)
  })
}
