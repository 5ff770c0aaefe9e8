// EditablePage queries; rows become EditablePage or PublicPage here.
import type { Db, PageRow } from '../platform/db/index.js'
import { pagePath, type FooterLink, type EditablePage, type PublicPage } from './page.js'

const toPage = (r: PageRow): EditablePage => ({
  id: r.id, slug: r.slug, path: pagePath(r.slug), title: r.title, bodyHtml: r.body_html, bodyMd: r.body_md, seoDescription: r.seo_description,
  status: r.status, inFooter: r.in_footer === 1, position: r.position, bodyText: r.body_text, createdAt: new Date(r.created_at),
  modifiedAt: new Date(r.modified_at),
})

const toPublicPage = (r: PageRow): PublicPage => {
  const { id, slug, path, title, bodyHtml, seoDescription, bodyText, createdAt, modifiedAt } = toPage(r)
  return { id, slug, path, title, bodyHtml, seoDescription, bodyText, createdAt, modifiedAt }
}

export async function findPageIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('page').select('id').where('slug', '=', slug).executeTakeFirst())?.id
}

export async function findPageById(db: Db, id: number): Promise<EditablePage | undefined> {
  const row = await db.selectFrom('page').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toPage(row)
}

/** A published page by its slug, as readers see it. */
export async function findPublicPage(db: Db, slug: string): Promise<PublicPage | undefined> {
  const row = await db.selectFrom('page').selectAll().where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst()
  return row && toPublicPage(row)
}

/** Published pages by title, as the read API lists them. */
export async function listPublicPages(db: Db): Promise<PublicPage[]> {
  const rows = await db.selectFrom('page').selectAll().where('status', '=', 'published').orderBy('title').execute()
  return rows.map(toPublicPage)
}

/** Every page for the newsroom, footer pages first in their order. */
export async function listPages(db: Db): Promise<EditablePage[]> {
  const rows = await db.selectFrom('page').selectAll().orderBy('in_footer', 'desc').orderBy('position').orderBy('title').execute()
  return rows.map(toPage)
}

/** Published pages marked for the footer, in their order. */
export async function listFooterPages(db: Db): Promise<FooterLink[]> {
  const rows = await db.selectFrom('page').select(['slug', 'title']).where('status', '=', 'published').where('in_footer', '=', 1)
    .orderBy('position').orderBy('title').execute()
  return rows.map((r) => ({ path: pagePath(r.slug), title: r.title }))
}

/** Published pages for the sitemap. */
export async function listPublishedPages(db: Db): Promise<{ path: string; modifiedAt: Date }[]> {
  const rows = await db.selectFrom('page').select(['slug', 'modified_at']).where('status', '=', 'published').orderBy('slug').execute()
  return rows.map((r) => ({ path: pagePath(r.slug), modifiedAt: new Date(r.modified_at) }))
}
