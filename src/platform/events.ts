// The in-process event bus: domains announce what changed; cache, search and webhooks listen.

export type DomainEvent =
  | { type: 'article.published' | 'article.updated' | 'article.unpublished' | 'article.deleted'; articleId: number; tags: string[] }
  | { type: 'taxonomy.changed'; tags: string[] }
  | { type: 'comment.changed'; articleId: number; commentId: number; tags: string[] }
  /** A comment became visible, or was held for a moderator (webhooks); the purge travels as comment.changed, so no tags. */
  | { type: 'comment.approved' | 'comment.held'; articleId: number; commentId: number; tags: string[] }
  | { type: 'settings.changed'; tags: string[] }
  | { type: 'api-key.revoked'; apiKeyId: number; tags: string[] }
  /** Many articles written at once (an import batch, the demo seed), after their own events or instead of them. */
  | { type: 'articles.imported'; articleIds: number[]; tags: string[] }
  /** Related-news picks were worked out again for these articles; their pages show them. */
  | { type: 'related.changed'; articleIds: number[]; tags: string[] }

export type EventHandler = (event: DomainEvent) => void | Promise<void>

export interface Events {
  emit(event: DomainEvent): Promise<void>
  on(handler: EventHandler): () => void
}

/** Handlers run in order; one failing handler is reported but never stops the others or the caller. */
export function createEvents(onError: (err: unknown, event: DomainEvent) => void = () => {}): Events {
  const handlers: EventHandler[] = []
  return {
    async emit(event) {
      for (const handler of handlers) {
        try {
          await handler(event)
        } catch (err) {
          onError(err, event)
        }
      }
    },
    on(handler) {
      handlers.push(handler)
      return () => {
        const i = handlers.indexOf(handler)
        if (i >= 0) handlers.splice(i, 1)
      }
    },
  }
}
