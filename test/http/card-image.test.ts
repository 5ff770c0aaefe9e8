// The site's default card image: what link previews and NewsArticle structured data show when a page has no picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { formPost, signInAs, type StaffSession } from '../support/auth.js'
import { createArticle } from '../support/factories.js'
import { tinyImage } from '../media/images.js'
import { getSettings } from '../../src/content/index.js'
import { seedDemo } from '../../src/content/seed-demo.js'

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----dateline${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'))
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** What a link preview or a search engine reads from a page's head. */
function cardOf(html: string) {
  const meta = (attr: 'property' | 'name', key: string) => new RegExp(`<meta ${attr}="${key}" content="([^"]*)"/>`).exec(html)?.[1]
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>)
  return {
    image: meta('property', 'og:image'), width: meta('property', 'og:image:width'), height: meta('property', 'og:image:height'),
    alt: meta('property', 'og:image:alt'), twitterCard: meta('name', 'twitter:card'), twitterImage: meta('name', 'twitter:image'),
    ld: blocks.find((b) => b['@type'] === 'NewsArticle') as { image?: unknown[] } | undefined,
  }
}

describe.each(testDialects())('%s: the default card image', (dialect) => {
  let t: TestApp
  let admin: StaffSession
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    admin = await signInAs(t, 'administrator')
    await createArticle(t.services, { slug: 'no-picture', headline: 'A story without a picture', section: 'News' })
    await createArticle(t.services, {
      slug: 'own-picture', headline: 'A story with its own picture', section: 'News',
      image: { url: '/media/own-photo.jpg', alt: 'The harbour at dawn', caption: '', credit: '', width: 1600, height: 900 },
    })
  })
  afterAll(() => t.close())

  const uploadCard = async (who: StaffSession, alt: string, width = 1200, height = 630) => {
    const body = multipart({ alt }, { name: 'card.png', type: 'image/png', bytes: await tinyImage('png', width, height) })
    return t.app.inject({
      method: 'POST', url: `/newsroom/media?_csrf=${encodeURIComponent(who.csrf)}&use=default-card`, payload: body.payload,
      headers: { cookie: who.cookie, origin: t.config.siteUrl, 'content-type': body.contentType },
    })
  }

  it('shows no picture while none is set, as before', async () => {
    const card = cardOf((await t.app.inject('/news/no-picture/')).body)
    expect(card).toMatchObject({ image: undefined, twitterCard: 'summary' })
    expect(card.ld?.image).toBeUndefined()
  })

  it('falls back to the card uploaded from Settings in Open Graph, the Twitter card and NewsArticle, on every page', async () => {
    const settingsPage = await t.app.inject({ url: '/newsroom/settings', headers: { cookie: admin.cookie } })
    expect(settingsPage.body).toContain('<legend>Default card image</legend>')
    expect(settingsPage.body).toContain(`action="/newsroom/media?_csrf=${encodeURIComponent(admin.csrf)}&amp;use=default-card"`)
    const uploaded = await uploadCard(admin, 'The Courier masthead')
    expect(uploaded.statusCode).toBe(303)
    expect(uploaded.headers.location).toBe('/newsroom/settings?saved=card')
    const { defaultImageId } = await getSettings(t.services.db)
    expect(defaultImageId).toEqual(expect.any(Number))

    const card = cardOf((await t.app.inject('/news/no-picture/')).body)
    expect(card.image).toMatch(/^https:\/\/news\.example\.test\/media\/[0-9a-f]{20}-1200\.jpg$/)
    expect(card).toMatchObject({ width: '1200', height: '630', alt: 'The Courier masthead', twitterCard: 'summary_large_image', twitterImage: card.image })
    expect(card.ld?.image).toEqual([{ '@type': 'ImageObject', url: card.image, width: 1200, height: 630 }])
    expect((await t.app.inject(card.image!.replace('https://news.example.test', ''))).statusCode).toBe(200)

    for (const path of ['/', '/news/']) {
      expect(cardOf((await t.app.inject(path)).body)).toMatchObject({ image: card.image, width: '1200', height: '630', twitterCard: 'summary_large_image' })
    }
  })

  it('keeps an article\'s own picture', async () => {
    const card = cardOf((await t.app.inject('/news/own-picture/')).body)
    expect(card).toMatchObject({
      image: 'https://news.example.test/media/own-photo.jpg', width: '1600', height: '900', alt: 'The harbour at dawn', twitterCard: 'summary_large_image',
    })
    expect(card.ld?.image).toEqual([{ '@type': 'ImageObject', url: 'https://news.example.test/media/own-photo.jpg', width: 1600, height: 900 }])
  })

  it('uses another library picture once it is chosen in Settings, and refuses to delete the one in use', async () => {
    await t.app.inject('/news/no-picture/')
    const second = await uploadCard(admin, 'A second card', 1200, 600)
    expect(second.statusCode).toBe(303)
    const { defaultImageId: secondId } = await getSettings(t.services.db)
    const before = cardOf((await t.app.inject('/news/no-picture/')).body)
    expect(before.height).toBe('600')

    // Back to the first, chosen from the library with the Settings form.
    const firstId = secondId! - 1
    const page = await t.app.inject({ url: '/newsroom/settings', headers: { cookie: admin.cookie } })
    expect(page.body).toContain(`<option value="${firstId}">The Courier masthead (1200×630)</option>`)
    const s = await getSettings(t.services.db)
    const fields = {
      name: s.name, description: s.description, logo: '', language: s.language, timeZone: s.timeZone, commentsEnabled: 'on', autoCloseDays: '0',
      maxLinks: '2', blockList: '', holdList: '', threadDepth: '4', ratePerMinute: '5', moderatorEmails: '',
    }
    expect((await t.app.inject(formPost(admin, '/newsroom/settings', { ...fields, defaultImageId: '999999' }))).body)
      .toContain('The chosen default card image is no longer in the media library')
    const saved = await t.app.inject(formPost(admin, '/newsroom/settings', { ...fields, defaultImageId: String(firstId) }))
    expect(saved.statusCode).toBe(303)
    const after = cardOf((await t.app.inject('/news/no-picture/')).body)
    expect(after).toMatchObject({ height: '630', alt: 'The Courier masthead' })
    expect(after.image).not.toBe(before.image)

    const editor = await signInAs(t, 'editor')
    const refused = await t.app.inject(formPost(editor, `/newsroom/media/${firstId}/delete`, {}))
    expect(refused.statusCode).toBe(409)
    expect(refused.body).toContain('default card image; choose another in Settings before deleting it')
    // Only administrators change it.
    expect((await uploadCard(editor, 'Not mine to change')).statusCode).toBe(403)
  })
})

describe('the demo paper', () => {
  let t: TestApp
  beforeAll(async () => { t = await buildTestApp() })
  afterAll(() => t.close())

  it('ships a default card drawn with its masthead, used by stories without a picture', async () => {
    await seedDemo(t.services)
    const settings = await getSettings(t.services.db, t.config)
    expect(settings.defaultImageId).toEqual(expect.any(Number))
    // The rest of the settings still follow the configuration: the seed stored only the card.
    expect(settings.name).toBe('The Dateline Courier')
    await createArticle(t.services, { slug: 'after-the-demo', headline: 'Filed after the demo', section: 'News' })
    const card = cardOf((await t.app.inject('/news/after-the-demo/')).body)
    expect(card).toMatchObject({ width: '1200', height: '630', alt: 'The Dateline Courier: the masthead on a dark blue card', twitterCard: 'summary_large_image' })
    // Seeding again keeps the card rather than adding another.
    await seedDemo(t.services)
    expect((await getSettings(t.services.db, t.config)).defaultImageId).toBe(settings.defaultImageId)
  }, 120_000)
})
