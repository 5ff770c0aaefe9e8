// Media items as the rest of the code sees them, and the pure rules about them: accepted types, limits, names, srcset.

/** Formats an upload may be in; decided from the bytes, never from the name or the declared type. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif'
/** Formats responsive variants are made in, best first. */
export type VariantFormat = 'avif' | 'webp' | 'jpeg'

export interface MediaVariant {
  /** Server-made file name, served at `/media/<name>`. */
  name: string
  format: VariantFormat
  width: number
  height: number
  bytes: number
}

export interface Media {
  id: number
  name: string
  /** The master (re-encoded original) at `/media/<name>`. */
  url: string
  originalFilename: string
  mime: string
  format: ImageFormat
  width: number
  height: number
  bytes: number
  alt: string
  caption: string
  credit: string
  variants: MediaVariant[]
  createdBy: number | null
  createdAt: Date
}

export const imageFormats: readonly ImageFormat[] = ['jpeg', 'png', 'webp', 'avif', 'gif']
export const variantFormats: readonly VariantFormat[] = ['avif', 'webp', 'jpeg']

export const mimeOf: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif',
}
export const extensionOf: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' }

/** Widths the responsive variants are cut at; never wider than the source. */
export const variantWidths: readonly number[] = [320, 640, 960, 1280, 1920]

export const mediaLimits = {
  /** Decoded size above which an upload is refused before decoding: a 40-megapixel photo is already generous. */
  maxPixels: 40_000_000,
  /** Longest side over shortest; beyond this it is a banner bomb or a mistake, not a news picture. */
  maxAspect: 20,
  /** Animated GIF/WebP frames, counted into maxPixels too. */
  maxFrames: 500,
  alt: 500,
  caption: 1000,
  credit: 200,
  filename: 255,
} as const

/**
 * Widths to cut for a source this wide: each standard width below it, plus the source itself (capped at the widest),
 * so nothing is ever upscaled and a small picture still gets one variant.
 * @example variantWidthsFor(1000) // [320, 640, 960, 1000]
 */
export function variantWidthsFor(sourceWidth: number): number[] {
  const top = Math.min(sourceWidth, variantWidths[variantWidths.length - 1]!)
  return [...variantWidths.filter((w) => w < top), top]
}

/** What the bytes say the file is; 'svg' is named only so it can be refused with a useful message. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | 'svg' | 'heic' | undefined {
  const b = bytes
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to))
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg'
  if (b.length >= 8 && ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png'
  if (b.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif'
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp'
  if (b.length >= 12 && ascii(4, 8) === 'ftyp') {
    // ISO-BMFF: the major brand, then compatible brands up to the end of the ftyp box.
    const boxSize = Math.min(((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0, b.length, 64)
    const brands = [ascii(8, 12)]
    for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(ascii(i, i + 4))
    if (brands.some((x) => x === 'avif' || x === 'avis')) return 'avif'
    if (brands.some((x) => ['heic', 'heix', 'mif1', 'msf1', 'hevc'].includes(x))) return 'heic'
    return undefined
  }
  const head = new TextDecoder().decode(b.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || head.startsWith('<!doctype svg')) return 'svg'
  return undefined
}

/** `/media/<name>` */
export const mediaPath = (name: string) => `/media/${name}`

/** The variant a plain `<img src>` or Markdown should use: the largest JPEG not wider than `maxWidth`, else the smallest. */
export function fallbackVariant(variants: readonly MediaVariant[], maxWidth = 1280): MediaVariant | undefined {
  const jpegs = variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width)
  return [...jpegs].reverse().find((v) => v.width <= maxWidth) ?? jpegs[0]
}

/** The URL an article or Markdown should point at for this item. */
export function mediaDisplayUrl(media: Pick<Media, 'variants' | 'url'>): string {
  const v = fallbackVariant(media.variants)
  return v ? mediaPath(v.name) : media.url
}

const escapeAlt = (s: string) => s.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim()
const escapeTitle = (s: string) => s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim()

/**
 * The Markdown an editor pastes into a body to show this image.
 * @example mediaMarkdown({ alt: 'Tram at dusk', caption: 'The 7 at Oss Bridge', … }) // '![Tram at dusk](/media/ab12-1280.jpg "The 7 at Oss Bridge")'
 */
export function mediaMarkdown(media: Pick<Media, 'alt' | 'caption' | 'variants' | 'url'>): string {
  const title = media.caption.trim() ? ` "${escapeTitle(media.caption)}"` : ''
  return `![${escapeAlt(media.alt)}](${mediaDisplayUrl(media)}${title})`
}

/** Parses the stored variants column; anything malformed reads as no variants rather than breaking a page. */
export function parseVariants(json: string | null | undefined): MediaVariant[] {
  if (!json) return []
  try {
    const value: unknown = JSON.parse(json)
    if (!Array.isArray(value)) return []
    return value.filter((v): v is MediaVariant =>
      typeof v === 'object' && v !== null && typeof v.name === 'string' && variantFormats.includes(v.format) &&
      Number.isInteger(v.width) && Number.isInteger(v.height))
  } catch {
    return []
  }
}
