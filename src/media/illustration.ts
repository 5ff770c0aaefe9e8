// Demo pictures drawn locally (no downloads): a coloured field with shapes and a word, rendered by sharp.
import sharp from 'sharp'

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A 1200×675 JPEG; the same inputs always give the same picture. */
export async function drawIllustration({ hue, label, seed }: { hue: number; label: string; seed: number }): Promise<Buffer> {
  const w = 1200
  const h = 675
  let state = seed * 9301 + 49297
  const rand = () => ((state = (state * 9301 + 49297) % 233280) / 233280)
  const shapes = Array.from({ length: 9 }, (_, i) => {
    const x = Math.round(rand() * w)
    const y = Math.round(rand() * h)
    const r = Math.round(60 + rand() * 220)
    const light = 30 + Math.round(rand() * 45)
    return i % 3 === 0
      ? `<rect x="${x - r}" y="${y - r / 2}" width="${r * 2}" height="${r}" fill="hsl(${(hue + 30 * i) % 360},45%,${light}%)" opacity="0.55" transform="rotate(${Math.round(rand() * 40 - 20)} ${x} ${y})"/>`
      : `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${(hue + 20 * i) % 360},50%,${light}%)" opacity="0.5"/>`
  }).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},45%,28%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},55%,16%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}
    <text x="60" y="${h - 70}" font-family="DejaVu Sans, Arial, sans-serif" font-size="88" font-weight="700" fill="white" opacity="0.92">${escapeXml(label.toUpperCase().slice(0, 18))}</text>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer()
}

/**
 * The site's default card: what link previews and search results show for a page without a picture of its own.
 * 1200×630 (the shape Open Graph and large Twitter cards crop to), drawn like the demo pictures: a gradient, soft
 * shapes, and the masthead name set large, with a rule and the tagline under it.
 */
export async function drawCardImage({ name, tagline, hue = 215 }: { name: string; tagline: string; hue?: number }): Promise<Buffer> {
  const w = 1200
  const h = 630
  let state = 7919
  const rand = () => ((state = (state * 9301 + 49297) % 233280) / 233280)
  const shapes = Array.from({ length: 7 }, (_, i) => {
    const x = Math.round(rand() * w)
    const y = Math.round(rand() * h)
    const r = Math.round(80 + rand() * 200)
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${(hue + 18 * i) % 360},45%,${32 + Math.round(rand() * 30)}%)" opacity="0.35"/>`
  }).join('')
  // Long names get a smaller size so they stay on one line inside the margins.
  const title = name.slice(0, 48)
  // DejaVu Serif Bold runs about 0.66 em a character; keep the name within the 1000 pixels inside the frame.
  const size = Math.max(36, Math.min(96, Math.floor(1000 / (0.66 * Math.max(title.length, 1)))))
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},40%,24%)"/><stop offset="1" stop-color="hsl(${(hue + 35) % 360},50%,12%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}
    <rect x="60" y="60" width="${w - 120}" height="${h - 120}" fill="none" stroke="white" stroke-opacity="0.5" stroke-width="2"/>
    <text x="${w / 2}" y="${h / 2 - 10}" text-anchor="middle" font-family="DejaVu Serif, Georgia, serif" font-size="${size}" font-weight="700" fill="white">${escapeXml(title)}</text>
    <rect x="${w / 2 - 160}" y="${h / 2 + 22}" width="320" height="4" fill="white" opacity="0.8"/>
    <text x="${w / 2}" y="${h / 2 + 84}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="30" fill="white" opacity="0.88">${escapeXml(tagline.slice(0, 70))}</text>
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}
