import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import {
  createMediaStore, deleteMedia, mediaMarkdown, sniffImageFormat, updateMediaDetails, uploadMedia, variantWidthsFor, type MediaStore,
} from '../../src/media/index.js'
import { loadConfig } from '../../src/config/index.js'
import { pngBomb, rotatedJpeg, svgImage, tinyImage, type Kind } from './images.js'

describe('media rules', () => {
  it('cuts variants at the standard widths below the source, never upscaling', () => {
    expect(variantWidthsFor(2400)).toEqual([320, 640, 960, 1280, 1920])
    expect(variantWidthsFor(1000)).toEqual([320, 640, 960, 1000])
    expect(variantWidthsFor(200)).toEqual([200])
  })

  it('tells file types apart by their bytes', async () => {
    expect(sniffImageFormat(await tinyImage('png', 10, 10))).toBe('png')
    expect(sniffImageFormat(await tinyImage('avif', 10, 10))).toBe('avif')
    expect(sniffImageFormat(svgImage)).toBe('svg')
    expect(sniffImageFormat(Buffer.from('hello, this is text'))).toBeUndefined()
  })

  it('writes Markdown that survives brackets and quotes in the words', () => {
    const md = mediaMarkdown({ alt: 'A [big] tram', caption: 'The "7" at dusk', url: '/media/a.png', variants: [
      { name: 'a-320.jpg', format: 'jpeg', width: 320, height: 180, bytes: 1 }, { name: 'a-320.webp', format: 'webp', width: 320, height: 180, bytes: 1 },
    ] })
    expect(md).toBe('![A \\[big\\] tram](/media/a-320.jpg "The \\"7\\" at dusk")')
  })
})

describe.each(testDialects())('%s: media library', (dialect) => {
  let t: TestApp
  let store: MediaStore
  let deps: TestApp['services'] & { store: MediaStore }
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    store = createMediaStore(t.config)
    deps = { ...t.services, store }
  })
  afterAll(() => t.close())

  const upload = (bytes: Buffer, filename = 'picture.jpg', alt = 'A picture') => uploadMedia(deps, { bytes, filename, alt, createdBy: null })

  it.each<Kind>(['jpeg', 'png', 'webp', 'avif', 'gif'])('accepts %s and makes AVIF, WebP and JPEG variants', async (kind) => {
    const media = await upload(await tinyImage(kind), `photo.${kind}`)
    expect(media.mime).toBe(`image/${kind}`)
    expect(media.name).toMatch(new RegExp(`^[0-9a-f]{20}\\.${kind === 'jpeg' ? 'jpg' : kind}$`))
    expect(media.variants.map((v) => `${v.width}.${v.format}`).sort()).toEqual(['320.avif', '320.jpeg', '320.webp', '400.avif', '400.jpeg', '400.webp'])
    for (const v of media.variants) {
      const meta = await sharp((await store.get(v.name))!).metadata()
      expect(meta.width).toBe(v.width)
      expect(v.format === 'avif' ? meta.format === 'heif' : meta.format === v.format).toBe(true)
    }
  })

  it('keeps a PNG named .jpg as a PNG', async () => {
    const media = await upload(await tinyImage('png'), 'holiday.jpg')
    expect(media.mime).toBe('image/png')
    expect(media.name.endsWith('.png')).toBe(true)
    expect(media.originalFilename).toBe('holiday.jpg')
  })

  it('refuses SVG, text named .jpg, and a header promising 400 megapixels', async () => {
    await expect(upload(svgImage, 'logo.svg')).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('SVG') })
    await expect(upload(Buffer.from('not an image at all'), 'fake.jpg')).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' })
    await expect(upload(await pngBomb(), 'bomb.png')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('20000×20000') })
    await expect(upload(await pngBomb(30000, 100), 'strip.png')).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('refuses a truncated picture as damaged rather than failing', async () => {
    const jpeg = await tinyImage('jpeg', 400, 300)
    await expect(upload(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'half.jpg')).rejects.toMatchObject({ code: expect.stringMatching(/^(VALIDATION|UNSUPPORTED_MEDIA_TYPE)$/) })
    const png = await tinyImage('png', 400, 300)
    await expect(upload(png.subarray(0, 40), 'stub.png')).rejects.toMatchObject({ code: expect.stringMatching(/^(VALIDATION|UNSUPPORTED_MEDIA_TYPE)$/) })
  })

  it('refuses an upload without alt text, and one over the size limit', async () => {
    await expect(upload(await tinyImage('png'), 'a.png', '  ')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Alt text is required') })
    const small = { ...deps, config: loadConfig({ ...process.env, MEDIA_MAX_BYTES: '1024', DATABASE_URL: t.config.databaseUrl }) }
    await expect(uploadMedia(small, { bytes: await tinyImage('png', 600, 600), filename: 'a.png', alt: 'x', createdBy: null }))
      .rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' })
  })

  it('applies the camera\'s rotation and drops EXIF', async () => {
    const media = await upload(await rotatedJpeg(), 'phone.jpg')
    expect([media.width, media.height]).toEqual([200, 400])
    const meta = await sharp((await store.get(media.name))!).metadata()
    expect(meta.width).toBe(200)
    expect(meta.exif).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
  })

  it('edits the words but keeps alt text required', async () => {
    const media = await upload(await tinyImage('jpeg'))
    const edited = await updateMediaDetails(t.services, media.id, { alt: 'Tram at dusk', caption: 'The 7', credit: 'Ana Lee' })
    expect(edited).toMatchObject({ alt: 'Tram at dusk', caption: 'The 7', credit: 'Ana Lee' })
    await expect(updateMediaDetails(t.services, media.id, { alt: '' })).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('deletes an unused image with its files', async () => {
    const media = await upload(await tinyImage('jpeg'))
    await deleteMedia(deps, media.id)
    expect(await store.exists(media.name)).toBe(false)
    expect(await store.exists(media.variants[0]!.name)).toBe(false)
    await expect(deleteMedia(deps, media.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
