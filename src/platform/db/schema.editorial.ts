// Table types for revisions, the durable job queue; filled in by migration 0003-editorial.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EditorialTables {}
