// The newsroom's first screen: start writing, and see what needs doing, each item linked to where it is done.
import type { ComponentChildren } from 'preact'
import type { AwaitingComment } from '../comments/index.js'
import type { DeskItem } from '../content/index.js'
import { roleLabels } from '../identity/index.js'
import { formatDateTime } from '../ui/index.js'
import { NewsroomLayout, type Chrome } from './layout.js'

/** A bounded queue and the filtered list that holds all of it. */
export interface DeskList {
  items: DeskItem[]
  /** How many the queue holds in all, when counted (drafts and scheduled; not the whole archive). */
  total?: number | undefined
  allHref: string
}

export interface DashboardView {
  chrome: Chrome
  /** The signed-in person's own drafts, whatever their role. */
  drafts: DeskList
  scheduled: DeskList
  published: DeskList
  /** Scheduled and published show everyone's articles (editors and up) rather than the person's own. */
  everyone: boolean
  /** Only for those who may moderate. */
  moderation?: { pending: number; newest: AwaitingComment[]; queueHref: string } | undefined
}

const editHref = (id: number) => `/newsroom/articles/${id}`

function When({ at, timeZone }: { at: Date; timeZone: string }) {
  return <time datetime={at.toISOString()}>{formatDateTime(at, timeZone)}</time>
}

function Block({ id, title, count, all, allLabel, note, children }: {
  id: string; title: string; count?: number | undefined; all: string; allLabel: string; note?: string | undefined; children: ComponentChildren
}) {
  return (
    <section class="nr-panel nr-dash__block" aria-labelledby={id}>
      <div class="nr-dash__head">
        <h2 id={id}>{title}{count !== undefined && <> <span class="nr-count">{count}</span></>}</h2>
        <a href={all}>{allLabel}</a>
      </div>
      {note && <p class="nr-dash__note">{note}</p>}
      {children}
    </section>
  )
}

function Empty({ children }: { children: ComponentChildren }) {
  return <p class="nr-dash__empty">{children}</p>
}

export function DashboardPage({ chrome, drafts, scheduled, published, everyone, moderation }: DashboardView) {
  const staff = chrome.staff!
  const tz = chrome.timeZone
  const by = (item: DeskItem) => (everyone && item.ownerName ? ` · by ${item.ownerName}` : '')
  return (
    <NewsroomLayout chrome={chrome} title="Newsroom" current="dashboard">
      <div class="nr-dash__intro">
        <p>Signed in as {staff.name} ({roleLabels[staff.role]}).</p>
        <a class="nr-button" href="/newsroom/articles/new">New article</a>
      </div>
      <div class="nr-dash">
        {/* Two columns rather than one flowing grid, so no block leaves a hole: work in hand left, what readers see right. */}
        <div class="nr-dash__col">
          <Block id="dash-drafts" title="My drafts" count={drafts.total} all={drafts.allHref} allLabel="All my drafts">
            {drafts.items.length ? (
              <ul class="nr-dash__list">
                {drafts.items.map((a) => (
                  <li>
                    <a class="nr-dash__title" href={editHref(a.id)}>{a.headline || 'Untitled'}</a>
                    <span class="nr-dash__meta">{a.section} · last changed <When at={a.modifiedAt} timeZone={tz} /></span>
                  </li>
                ))}
              </ul>
            ) : <Empty>No drafts. Start one with <a href="/newsroom/articles/new">New article</a>.</Empty>}
          </Block>

          <Block id="dash-scheduled" title={everyone ? 'Scheduled' : 'My scheduled articles'} count={scheduled.total} all={scheduled.allHref}
            allLabel={everyone ? 'All scheduled' : 'All my scheduled'} note={`Soonest first; times in ${tz}.`}>
            {scheduled.items.length ? (
              <ul class="nr-dash__list">
                {scheduled.items.map((a) => (
                  <li>
                    <a class="nr-dash__title" href={editHref(a.id)}>{a.headline || 'Untitled'}</a>
                    <span class="nr-dash__meta">
                      {a.publishedAt && <strong>Goes out <When at={a.publishedAt} timeZone={tz} /></strong>} · {a.section}{by(a)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : <Empty>Nothing is scheduled.</Empty>}
          </Block>
        </div>

        <div class="nr-dash__col">
          {moderation && (
            <Block id="dash-comments" title="Comments awaiting moderation" count={moderation.pending} all={moderation.queueHref} allLabel="Moderation queue">
              {moderation.newest.length ? (
                <ul class="nr-dash__list">
                  {moderation.newest.map((c) => (
                    <li>
                      <a class="nr-dash__title" href={`/newsroom/comments/${c.id}`}>{c.authorName} on “{c.article.headline}”</a>
                      <span class="nr-dash__excerpt">{c.excerpt}</span>
                      <span class="nr-dash__meta">Sent <When at={c.createdAt} timeZone={tz} /></span>
                    </li>
                  ))}
                </ul>
              ) : <Empty>No comments are waiting.</Empty>}
            </Block>
          )}

          <Block id="dash-published" title={everyone ? 'Recently published' : 'My published articles'} all={published.allHref}
            allLabel={everyone ? 'All published' : 'All my published'}>
            {published.items.length ? (
              <ul class="nr-dash__list">
                {published.items.map((a) => (
                  <li>
                    <a class="nr-dash__title" href={editHref(a.id)}>{a.headline}</a>
                    <span class="nr-dash__meta">
                      {a.publishedAt && <When at={a.publishedAt} timeZone={tz} />} · {a.section}{by(a)} · <a href={a.path}>view<span class="visually-hidden"> “{a.headline}”</span> on the site</a>
                    </span>
                  </li>
                ))}
              </ul>
            ) : <Empty>Nothing published yet.</Empty>}
          </Block>
        </div>
      </div>
    </NewsroomLayout>
  )
}
