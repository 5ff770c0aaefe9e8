// Tiny test pictures made on the spot with sharp, and a crafted decompression bomb.
import sharp from 'sharp'
import { crc32 } from 'node:zlib'

export type Kind = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif'

/** A small two-colour picture in the given format (a shape, so encoders have something to do). */
export async function tinyImage(kind: Kind, width = 400, height = 300): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#2a6f97"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#f4a261"/></svg>`
  const s = sharp(Buffer.from(svg))
  switch (kind) {
    case 'jpeg': return s.jpeg().toBuffer()
    case 'png': return s.png().toBuffer()
    case 'webp': return s.webp().toBuffer()
    case 'avif': return s.avif({ effort: 0 }).toBuffer()
    case 'gif': return s.gif().toBuffer()
  }
}

/** A JPEG whose EXIF says "rotate 90°" and carries a camera make, as phones write them. */
export async function rotatedJpeg(): Promise<Buffer> {
  return sharp(await tinyImage('jpeg', 400, 200)).withMetadata({ orientation: 6 }).withExif({ IFD0: { Make: 'SecretCam', Copyright: 'x' } }).jpeg().toBuffer()
}

/**
 * A PNG of a few hundred bytes whose header declares 20000×20000 pixels (1.6 GB decoded): the header of a real 1×1
 * PNG with its size rewritten and the checksum fixed, so only a decoder would find out.
 */
export async function pngBomb(width = 20000, height = 20000): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer())
  // Signature (8) then the IHDR chunk: length (4), type (4), data (13: width, height, …), CRC (4).
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
  return png
}

export const svgImage = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')
