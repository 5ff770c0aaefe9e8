// RSS, Atom and JSON Feed for the site, sections and topics; sitemaps; robots.txt.
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../platform/deps.js'
import type { SiteInfo } from '../ui/index.js'

export interface FeedOptions {
  deps: Deps
  siteInfo: () => Promise<SiteInfo>
}

export async function feedRoutes(app: FastifyInstance, _opts: FeedOptions) {
  void app
}
