// Table types for reader comments, their history, commenter subscriptions; filled in by migration 0005-comments.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CommentTables {}
