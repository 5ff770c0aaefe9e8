import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { signInAs, type StaffSession } from '../support/auth.js'
import { createArticle } from '../support/factories.js'
import { pngBomb, svgImage, tinyImage } from '../media/images.js'

/** A multipart/form-data body as a browser sends it: text fields first, then the file. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----dateline${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

describe.each(testDialects())('%s: newsroom media library', (dialect) => {
  let t: TestApp
  let editor: StaffSession
  let contributor: StaffSession
  beforeAll(async () => {
    t = await buildTestApp({ dialect, env: { MEDIA_MAX_BYTES: String(200 * 1024) } })
    ;[editor, contributor] = await Promise.all([signInAs(t, 'editor'), signInAs(t, 'contributor')])
  })
  afterAll(() => t.close())

  /** Uploads as a script would (token in the header); `json` asks for the resource instead of the redirect. */
  const upload = (who: StaffSession, file: { name: string; type: string; bytes: Buffer } | undefined, fields: Record<string, string> = { alt: 'A tram at dusk' }, json = true) => {
    const body = multipart(fields, file)
    return t.app.inject({
      method: 'POST', url: '/newsroom/media', payload: body.payload,
      headers: { ...who.headers, 'content-type': body.contentType, ...(json ? { accept: 'application/json' } : {}) },
    })
  }

  it('takes an upload from the form, token in the action URL, and sends the editor to the new image', async () => {
    const page = await t.app.inject({ url: '/newsroom/media', headers: { cookie: contributor.cookie } })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<label for="alt">Alt text</label>')
    expect(page.body).toContain(`action="/newsroom/media?_csrf=${encodeURIComponent(contributor.csrf)}"`)
    const body = multipart({ alt: 'Council chamber', caption: 'The vote', credit: 'Ana Lee' }, { name: 'chamber.jpg', type: 'image/jpeg', bytes: await tinyImage('jpeg') })
    const res = await t.app.inject({
      method: 'POST', url: `/newsroom/media?_csrf=${encodeURIComponent(contributor.csrf)}`, payload: body.payload,
      headers: { cookie: contributor.cookie, origin: t.config.siteUrl, 'content-type': body.contentType },
    })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toMatch(/^\/newsroom\/media\/\d+\?done=uploaded$/)
    const item = await t.app.inject({ url: res.headers.location as string, headers: { cookie: contributor.cookie } })
    expect(item.body).toContain('Uploaded: the responsive versions are ready.')
    expect(item.body).toMatch(/!\[Council chamber\]\(\/media\/[0-9a-f]{20}-400\.jpg &quot;The vote&quot;\)/)
    expect(item.body).toContain('type="image/avif"')
  })

  it('refuses an upload without the CSRF token', async () => {
    const body = multipart({ alt: 'x' }, { name: 'a.png', type: 'image/png', bytes: await tinyImage('png') })
    const res = await t.app.inject({ method: 'POST', url: '/newsroom/media', payload: body.payload, headers: { cookie: editor.cookie, origin: t.config.siteUrl, 'content-type': body.contentType } })
    expect(res.statusCode).toBe(403)
  })

  it.each(['jpeg', 'png', 'webp', 'avif', 'gif'] as const)('accepts %s and serves its variants with long-lived, nosniff headers', async (kind) => {
    const res = await upload(editor, { name: `x.${kind}`, type: `image/${kind}`, bytes: await tinyImage(kind, 360, 240) })
    expect(res.statusCode).toBe(201)
    const media = res.json()
    expect(media.mime).toBe(`image/${kind}`)
    expect(media.variants).toHaveLength(6)
    const types = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' } as Record<string, string>
    for (const v of [media.variants[0], media.variants.at(-1)]) {
      const file = await t.app.inject(v.url)
      expect(file.statusCode).toBe(200)
      expect(file.headers['content-type']).toBe(types[v.format])
      expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(file.headers['x-content-type-options']).toBe('nosniff')
      expect(Number(file.headers['content-length'])).toBe(v.bytes)
      const again = await t.app.inject({ url: v.url, headers: { 'if-none-match': file.headers.etag as string } })
      expect(again.statusCode).toBe(304)
    }
  })

  it('stores a PNG named .jpg as a PNG, and refuses text named .jpg, SVG and a decompression bomb', async () => {
    const png = await upload(editor, { name: 'holiday.jpg', type: 'image/jpeg', bytes: await tinyImage('png') })
    expect(png.json().original).toMatch(/\.png$/)
    const text = await upload(editor, { name: 'notes.jpg', type: 'image/jpeg', bytes: Buffer.from('Dear editor, this is not a picture.') })
    expect(text.statusCode).toBe(415)
    const svg = await upload(editor, { name: 'logo.svg', type: 'image/svg+xml', bytes: svgImage }, { alt: 'Logo' }, false)
    expect(svg.statusCode).toBe(415)
    expect(svg.body).toContain('SVG images are not accepted')
    const bomb = await upload(editor, { name: 'bomb.png', type: 'image/png', bytes: await pngBomb() })
    expect(bomb.statusCode).toBe(400)
    expect(bomb.json().error.message).toContain('20000×20000')
  })

  it('refuses a file over MEDIA_MAX_BYTES with 413, and an image without alt text', async () => {
    const big = await upload(editor, { name: 'big.png', type: 'image/png', bytes: Buffer.concat([await tinyImage('png'), Buffer.alloc(300 * 1024)]) }, { alt: 'Big' }, false)
    expect(big.statusCode).toBe(413)
    expect(big.body).toContain('larger than the 0.2 MB limit')
    const cut = multipart({ alt: 'Cut' }, { name: 'a.png', type: 'image/png', bytes: await tinyImage('png') })
    const garbled = await t.app.inject({ method: 'POST', url: '/newsroom/media', payload: cut.payload.subarray(0, cut.payload.length - 60), headers: { ...editor.headers, 'content-type': cut.contentType } })
    expect(garbled.statusCode).toBe(400)
    expect(garbled.body).toContain('incomplete or garbled')
    const noAlt = await upload(editor, { name: 'a.png', type: 'image/png', bytes: await tinyImage('png') }, { alt: ' ', caption: 'Kept' }, false)
    expect(noAlt.statusCode).toBe(400)
    expect(noAlt.body).toContain('Alt text is required')
    expect(noAlt.body).toContain('value="Kept"')
  })

  it('answers 404 for unknown or unsafe media names', async () => {
    expect((await t.app.inject('/media/0123456789abcdef0123-320.webp')).statusCode).toBe(404)
    expect((await t.app.inject('/media/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(404)
    expect((await t.app.inject('/media/x.svg')).statusCode).toBe(404)
  })

  it('renders a featured image from the library as <picture> with AVIF and WebP sources and a JPEG srcset', async () => {
    const media = (await upload(editor, { name: 'p.jpg', type: 'image/jpeg', bytes: await tinyImage('jpeg', 1000, 500) })).json()
    await createArticle(t.services, {
      slug: 'tram-line-opens', headline: 'Tram line opens', section: 'City',
      image: { url: '', alt: '', caption: 'Opening day', credit: 'Ana Lee', width: null, height: null, mediaId: media.id },
    })
    const page = await t.app.inject('/city/tram-line-opens/')
    expect(page.statusCode).toBe(200)
    const picture = page.body.match(/<figure class="article__figure"><picture>.*?<\/picture>/s)?.[0] ?? ''
    expect(picture).toMatch(/<source type="image\/avif" srcset="\/media\/[0-9a-f]{20}-320\.avif 320w, [^"]*-1000\.avif 1000w" sizes="[^"]+"/)
    expect(picture).toContain('type="image/webp"')
    expect(picture).toMatch(/<img src="\/media\/[0-9a-f]{20}-1000\.jpg" srcset="[^"]*-320\.jpg 320w, [^"]*-640\.jpg 640w, [^"]*-960\.jpg 960w, [^"]*-1000\.jpg 1000w"/)
    expect(picture).toContain('alt="A tram at dusk"')
    expect(picture).toContain('width="1000" height="500"')
    const home = await t.app.inject('/')
    expect(home.body).toMatch(/class="teaser__image" src="\/media\/[0-9a-f]{20}-1000\.jpg" srcset=/)
  })

  it('offers a body picture pasted as the library\'s Markdown in every format too', async () => {
    const media = (await upload(editor, { name: 'b.png', type: 'image/png', bytes: await tinyImage('png', 700, 400) }, { alt: 'Quay at noon', caption: 'The quay' })).json()
    await createArticle(t.services, { slug: 'quay-reopens', headline: 'Quay reopens', section: 'City', body: `First paragraph.\n\n${media.markdown}\n\nLast paragraph.` })
    const page = await t.app.inject('/city/quay-reopens/')
    const figure = page.body.match(/<figure><picture>.*?<\/figure>/s)?.[0] ?? ''
    expect(figure).toMatch(/<source type="image\/avif" srcset="\/media\/[0-9a-f]{20}-320\.avif 320w, [^"]*-640\.avif 640w, [^"]*-700\.avif 700w"/)
    expect(figure).toMatch(/<img src="\/media\/[0-9a-f]{20}-700\.jpg" srcset="[^"]+" sizes="[^"]+" width="700" height="400" alt="Quay at noon"/)
    expect(figure).toContain('<figcaption>The quay</figcaption>')
  })

  it('starts a draft with the picture, or makes it an existing article\'s featured image', async () => {
    const media = (await upload(editor, { name: 'f.jpg', type: 'image/jpeg', bytes: await tinyImage('jpeg') }, { alt: 'Ferry at the pier', credit: 'Staff' })).json()
    const item = await t.app.inject({ url: `/newsroom/media/${media.id}`, headers: { cookie: editor.cookie } })
    expect(item.body).toContain('Start a draft with this image')
    const post = (path: string, fields: Record<string, string>) => t.app.inject({
      method: 'POST', url: `/newsroom/media/${media.id}/${path}`, headers: { ...editor.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    })
    const draft = await post('draft', { headline: 'Ferry timetable changes' })
    expect(draft.statusCode).toBe(303)
    const draftId = Number((draft.headers.location as string).match(/\/newsroom\/articles\/(\d+)/)![1])
    const stored = await t.services.db.selectFrom('article').select(['image_media_id', 'image_alt', 'image_url']).where('id', '=', draftId).executeTakeFirstOrThrow()
    expect(stored).toEqual({ image_media_id: media.id, image_alt: 'Ferry at the pier', image_url: media.url })

    const { id } = await createArticle(t.services, { slug: 'pier-repairs', headline: 'Pier repairs begin', section: 'City' })
    const featured = await post('feature', { article: String(id) })
    expect(featured.statusCode).toBe(303)
    const page = await t.app.inject('/city/pier-repairs/')
    expect(page.body).toMatch(/<figure class="article__figure"><picture><source type="image\/avif"/)
    expect(page.body).toContain('alt="Ferry at the pier"')
  })

  it('lets contributors upload and edit words but only editors delete, and never an image in use', async () => {
    const media = (await upload(contributor, { name: 'c.png', type: 'image/png', bytes: await tinyImage('png') })).json()
    const edit = await t.app.inject({
      method: 'POST', url: `/newsroom/media/${media.id}`, headers: { ...contributor.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ alt: 'Harbour at noon', caption: 'Calm', credit: 'Staff' }).toString(),
    })
    expect(edit.statusCode).toBe(303)
    const asContributor = await t.app.inject({ method: 'POST', url: `/newsroom/media/${media.id}/delete`, headers: contributor.headers })
    expect(asContributor.statusCode).toBe(403)
    await createArticle(t.services, { slug: 'harbour', headline: 'Harbour', body: `Look:\n\n![Harbour](${media.url})`, section: 'City' })
    const inUse = await t.app.inject({ method: 'POST', url: `/newsroom/media/${media.id}/delete`, headers: editor.headers })
    expect(inUse.statusCode).toBe(409)
    expect(inUse.body).toContain('This image is used by 1 article')
    const unused = (await upload(contributor, { name: 'd.png', type: 'image/png', bytes: await tinyImage('png') })).json()
    const deleted = await t.app.inject({ method: 'POST', url: `/newsroom/media/${unused.id}/delete`, headers: editor.headers })
    expect(deleted.statusCode).toBe(303)
    expect((await t.app.inject(unused.variants[0].url)).statusCode).toBe(404)
    expect((await t.app.inject({ url: '/newsroom/media', headers: { accept: 'application/json' } })).statusCode).toBe(401)
  })
})
