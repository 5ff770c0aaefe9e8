// Ghost ids are 24-hex ObjectIds; Dateline's are integers per table. An id here is the kind (8 hex) then the number
// (16 hex), so ids of different tables never collide and a Ghost id always leads back to one row (decision 0018).

export type GhostKind = 'post' | 'page' | 'author' | 'tag' | 'section' | 'topic'

const kindCodes: Record<GhostKind, number> = { post: 1, page: 2, author: 3, tag: 4, section: 5, topic: 6 }
const kindOfCode = new Map(Object.entries(kindCodes).map(([k, v]) => [v, k as GhostKind]))

/** @example ghostId('post', 12) // '00000001000000000000000c' */
export function ghostId(kind: GhostKind, id: number): string {
  return `${kindCodes[kind].toString(16).padStart(8, '0')}${id.toString(16).padStart(16, '0')}`
}

/** The kind and number behind a Ghost id, or undefined for anything that is not one of ours. */
export function parseGhostId(value: string): { kind: GhostKind; id: number } | undefined {
  if (!/^[0-9a-f]{24}$/.test(value)) return undefined
  const kind = kindOfCode.get(parseInt(value.slice(0, 8), 16))
  const id = parseInt(value.slice(8), 16)
  if (!kind || !Number.isSafeInteger(id) || id < 1) return undefined
  return { kind, id }
}

/** A stable UUID-shaped id per article (Ghost posts carry one); derived, so nothing is stored. */
export function ghostUuid(kind: GhostKind, id: number): string {
  const hex = ghostId(kind, id).padStart(32, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`
}
