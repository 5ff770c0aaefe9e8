// Turning untrusted upload bytes into server-made images: check the type and size from the header, then re-encode.
import sharp, { type Metadata, type Sharp } from 'sharp'
import { DomainError } from '../platform/errors.js'
import {
  extensionOf, mediaLimits, sniffImageFormat, variantFormats, variantWidthsFor,
  type ImageFormat, type VariantFormat,
} from './media.js'

export interface Inspected {
  format: ImageFormat
  /** As displayed, after EXIF orientation is applied. */
  width: number
  height: number
  animated: boolean
}

const sharpFormat: Record<ImageFormat, string[]> = {
  jpeg: ['jpeg'], png: ['png'], webp: ['webp'], gif: ['gif'], avif: ['heif', 'avif'],
}

const unsupported = (message: string) => new DomainError('UNSUPPORTED_MEDIA_TYPE', message)
const accepted = 'JPEG, PNG, WebP, AVIF or GIF'

/**
 * Decides what an upload is from its bytes and refuses anything else, and anything too big to decode safely,
 * reading only the header: nothing is decoded here.
 */
export async function inspectImage(bytes: Buffer): Promise<Inspected> {
  const sniffed = sniffImageFormat(bytes)
  if (sniffed === 'svg') throw unsupported(`SVG images are not accepted because they can carry scripts; export the picture as PNG and upload that. Accepted: ${accepted}.`)
  if (sniffed === 'heic') throw unsupported(`HEIC photos are not accepted; export the picture as JPEG. Accepted: ${accepted}.`)
  if (!sniffed) throw unsupported(`This file is not an image we accept. Accepted: ${accepted}.`)
  let meta: Metadata
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    throw unsupported(`This file looks like ${sniffed.toUpperCase()} but could not be read; it may be damaged.`)
  }
  // The decoder must agree with the magic bytes (an AVIF is a HEIF container with AV1 inside).
  const agrees = sharpFormat[sniffed].includes(meta.format ?? '') && (sniffed !== 'avif' || meta.compression === 'av1')
  if (!agrees) throw unsupported(`This file's contents do not match its type. Accepted: ${accepted}.`)
  const width = meta.width ?? 0
  const frameHeight = meta.pageHeight ?? meta.height ?? 0
  const frames = Math.max(1, meta.pages ?? 1)
  if (width < 1 || frameHeight < 1) throw new DomainError('VALIDATION', 'This image has no size.')
  if (frames > mediaLimits.maxFrames) throw new DomainError('VALIDATION', `This animation has ${frames} frames; at most ${mediaLimits.maxFrames} are accepted.`)
  const pixels = width * frameHeight * frames
  if (pixels > mediaLimits.maxPixels) {
    throw new DomainError('VALIDATION', `This image is ${width}×${frameHeight} pixels${frames > 1 ? ` × ${frames} frames` : ''}, too large to process (at most ${mediaLimits.maxPixels / 1_000_000} megapixels).`)
  }
  if (Math.max(width, frameHeight) / Math.min(width, frameHeight) > mediaLimits.maxAspect) {
    throw new DomainError('VALIDATION', `This image is ${width}×${frameHeight} pixels; pictures more than ${mediaLimits.maxAspect} times wider than tall (or taller than wide) are not accepted.`)
  }
  const rotated = (meta.orientation ?? 1) >= 5
  return {
    format: sniffed,
    width: rotated ? frameHeight : width,
    height: rotated ? width : frameHeight,
    animated: frames > 1,
  }
}

export interface EncodedFile {
  suffix: string
  format: ImageFormat
  width: number
  height: number
  body: Buffer
}

export interface Encoded {
  master: EncodedFile
  variants: (EncodedFile & { format: VariantFormat })[]
}

/**
 * Tuned for an editor waiting on the upload (see docs/decisions/0007): AVIF effort 1 and WebP effort 2 take about half
 * the time of effort 2 and 3 (a ninth of AVIF's default) for files a few percent larger. JPEG variants keep mozjpeg:
 * they are what feeds, link previews and Markdown point at, and come out about half the size of plain libjpeg-turbo's.
 */
const encoders: Record<VariantFormat, (s: Sharp) => Sharp> = {
  avif: (s) => s.avif({ quality: 50, effort: 1 }),
  webp: (s) => s.webp({ quality: 75, effort: 2 }),
  jpeg: (s) => s.flatten({ background: '#ffffff' }).jpeg({ quality: 78, mozjpeg: true }),
}

/** The kept original: high quality, and plain libjpeg-turbo, ten times faster than mozjpeg on a 12-megapixel photo. */
function encodeMaster(s: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case 'jpeg': return s.jpeg({ quality: 90 })
    case 'png': return s.png({ compressionLevel: 8 })
    case 'webp': return s.webp({ quality: 90, effort: 2 })
    case 'avif': return s.avif({ quality: 70, effort: 1 })
    case 'gif': return s.gif()
  }
}

/**
 * Re-encodes the upload as a master in its own format (auto-rotated; EXIF, GPS and other metadata dropped, as sharp
 * does unless asked to keep them) and cuts still variants in every variant format at each width.
 */
export async function encodeImage(bytes: Buffer, inspected: Inspected): Promise<Encoded> {
  const input = () => sharp(bytes, { limitInputPixels: mediaLimits.maxPixels, animated: inspected.animated, failOn: 'error' })
  try {
    const masterBody = await encodeMaster(input().rotate(), inspected.format).toBuffer()
    // Decode once to raw pixels no wider than the widest variant, then cut every variant from that.
    const widest = Math.max(...variantWidthsFor(inspected.width))
    const { data, info } = await sharp(bytes, { limitInputPixels: mediaLimits.maxPixels, failOn: 'error' }).rotate()
      .resize({ width: widest, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true })
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }
    const variants: Encoded['variants'] = []
    for (const width of variantWidthsFor(info.width)) {
      const made = await Promise.all(variantFormats.map(async (format) => {
        const out = await encoders[format](sharp(data, raw).resize({ width, withoutEnlargement: true })).toBuffer({ resolveWithObject: true })
        return { suffix: `-${width}.${extensionOf[format]}`, format, width: out.info.width, height: out.info.height, body: out.data }
      }))
      variants.push(...made)
    }
    return {
      master: { suffix: `.${extensionOf[inspected.format]}`, format: inspected.format, width: inspected.width, height: inspected.height, body: masterBody },
      variants,
    }
  } catch (err) {
    if (err instanceof DomainError) throw err
    throw new DomainError('VALIDATION', 'This image could not be decoded; it may be damaged or truncated.')
  }
}
