// Table types for uploaded media and their variants; filled in by migration 0004-media.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MediaTables {}
