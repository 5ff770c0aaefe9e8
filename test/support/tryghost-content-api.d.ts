// Types for the parts of Ghost's official Content API client the compatibility tests use (the package ships none).
declare module '@tryghost/content-api' {
  type Params = Record<string, string | number | undefined>
  type Found = Record<string, any> & { meta?: { pagination: Record<string, number | null> } }
  interface Resource {
    browse(params?: Params): Promise<Found[] & { meta: { pagination: Record<string, number | null> } }>
    read(data: { id?: string; slug?: string }, params?: Params): Promise<Found>
  }
  interface Api {
    posts: Resource
    pages: Resource
    authors: Resource
    tags: Resource
    settings: { browse(params?: Params): Promise<Record<string, any>> }
  }
  export default function GhostContentAPI(options: { url: string; key: string; version: string | boolean; userAgent?: string | boolean }): Api
}
