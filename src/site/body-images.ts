// Pictures from the media library inside an article body, upgraded to <picture> with AVIF/WebP sources and a JPEG srcset.
import type { Media } from '../media/index.js'

/** How the sanitiser writes a body image whose address is a media library file (see content/markdown.ts). */
const libraryImage = /<img src="\/media\/([0-9a-f]{20})(?:-\d{1,5})?\.(?:jpg|png|webp|avif|gif)"([^>]*?)\s*\/?>/g

/** The media names (their random part) a body's images point at. */
export function libraryImageStems(html: string): string[] {
  // Most bodies have no library picture: a plain search answers sooner than the pattern's scan.
  if (!html.includes('<img src="/media/')) return []
  return [...new Set([...html.matchAll(libraryImage)].map((m) => m[1]!))]
}

/**
 * The body with every media library image offered in the best format at the width the column needs; images from
 * elsewhere, or whose item is gone, stay as they are.
 * @example withResponsiveImages(article.bodyHtml, await findMediaByStems(db, libraryImageStems(article.bodyHtml)), '40rem')
 */
export function withResponsiveImages(html: string, media: readonly Media[], sizes: string): string {
  if (media.length === 0) return html
  const byStem = new Map(media.map((m) => [m.name.slice(0, m.name.indexOf('.')), m]))
  return html.replace(libraryImage, (whole, stem: string, rest: string) => {
    const item = byStem.get(stem)
    if (!item || item.variants.length === 0) return whole
    const set = (format: string) => item.variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width)
      .map((v) => `/media/${v.name} ${v.width}w`).join(', ')
    const jpeg = set('jpeg')
    if (!jpeg) return whole
    const src = whole.slice('<img src="'.length, whole.indexOf('"', '<img src="'.length))
    const sources = (['avif', 'webp'] as const).map((f) => (set(f) ? `<source type="image/${f}" srcset="${set(f)}" sizes="${sizes}" />` : '')).join('')
    const size = /\swidth=/.test(rest) ? '' : ` width="${item.width}" height="${item.height}"`
    return `<picture>${sources}<img src="${src}" srcset="${jpeg}" sizes="${sizes}"${size}${rest} /></picture>`
  })
}
