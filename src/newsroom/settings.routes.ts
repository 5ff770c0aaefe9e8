// Settings (administrators only): read and save the site settings the reader site and comments use.
import type { FastifyInstance } from 'fastify'
import { h, type VNode } from 'preact'
import { DomainError } from '../platform/errors.js'
import { wantsJson } from '../platform/http/index.js'
import { findDefaultCardImage, getSettings, parseList, saveSettings, type SiteSettings } from '../content/index.js'
import { listMedia, mediaDisplayUrl } from '../media/index.js'
import { currentStaff } from './session.js'
import type { Newsroom } from './newsroom.js'
import { SettingsPage, settingsToForm, type SettingsForm } from './settings.page.js'

const fields = ['name', 'description', 'logo', 'language', 'timeZone', 'autoCloseDays', 'maxLinks', 'blockList', 'holdList', 'threadDepth', 'ratePerMinute', 'moderatorEmails'] as const
const bodySchema = {
  type: 'object',
  properties: {
    _csrf: { type: 'string', maxLength: 200 },
    defaultImageId: { type: 'string', maxLength: 12 },
    ...Object.fromEntries(fields.map((f) => [f, { type: 'string', maxLength: 60_000 }])),
    commentsEnabled: { type: 'string', maxLength: 5 },
    holdAll: { type: 'string', maxLength: 5 },
  },
} as const

const timeZones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']

/** Whole numbers only; anything else becomes NaN so validation names the field. */
const whole = (text: string) => (/^\s*\d{1,6}\s*$/.test(text) ? Number(text) : Number.NaN)

function formFrom(body: Record<string, string | undefined>): SettingsForm {
  const get = (k: string) => body[k] ?? ''
  return {
    name: get('name'), description: get('description'), logo: get('logo'), language: get('language'), timeZone: get('timeZone'),
    commentsEnabled: body.commentsEnabled === 'on', autoCloseDays: get('autoCloseDays'), holdAll: body.holdAll === 'on',
    maxLinks: get('maxLinks'), blockList: get('blockList'), holdList: get('holdList'), threadDepth: get('threadDepth'),
    ratePerMinute: get('ratePerMinute'), moderatorEmails: get('moderatorEmails'), defaultImageId: get('defaultImageId'),
  }
}

function settingsFrom(form: SettingsForm): SiteSettings {
  return {
    name: form.name, description: form.description, logo: form.logo, language: form.language, timeZone: form.timeZone,
    moderatorEmails: parseList(form.moderatorEmails),
    // Anything but a whole number becomes NaN, which validation names.
    defaultImageId: form.defaultImageId.trim() ? whole(form.defaultImageId) : null,
    comments: {
      enabledByDefault: form.commentsEnabled, autoCloseDays: whole(form.autoCloseDays), holdAll: form.holdAll, maxLinks: whole(form.maxLinks),
      blockList: parseList(form.blockList), holdList: parseList(form.holdList), threadDepth: whole(form.threadDepth), ratePerMinute: whole(form.ratePerMinute),
    },
  }
}

/** Pictures offered as the default card: the most recent in the library (the current one is always offered too). */
const cardChoices = 100

export async function settingsRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  const admin = { access: 'administrator' } as const
  const notices: Record<string, string> = { '1': 'Settings saved.', card: 'Uploaded and set as the default card image.' }

  /** The default card's choices and the picture now in use, for the form. */
  async function cardView(settings: Pick<SiteSettings, 'defaultImageId'>) {
    const [{ items }, current] = await Promise.all([listMedia(deps.db, cardChoices), findDefaultCardImage(deps.db, settings)])
    return {
      choices: items.map((m) => ({ id: m.id, label: `${m.alt} (${m.width}×${m.height})`, url: mediaDisplayUrl(m) })),
      current,
    }
  }

  app.get('/settings', { config: admin, schema: { querystring: { type: 'object', properties: { saved: { type: 'string', maxLength: 5 } } } } }, async (req, reply) => {
    const settings = await getSettings(deps.db, deps.config)
    const notice = notices[(req.query as { saved?: string }).saved ?? '']
    const chrome = await newsroom.chrome(req, reply)
    return newsroom.send(reply, h(SettingsPage, { chrome, form: settingsToForm(settings), notice, timeZones, card: await cardView(settings) }) as VNode)
  })

  app.post('/settings', { config: admin, schema: { body: bodySchema } }, async (req, reply) => {
    const form = formFrom((req.body ?? {}) as Record<string, string | undefined>)
    try {
      await saveSettings(deps, currentStaff(req), settingsFrom(form), req.ip)
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
      const chrome = await newsroom.chrome(req, reply)
      const card = await cardView(await getSettings(deps.db, deps.config))
      return newsroom.send(reply, h(SettingsPage, { chrome, form, issues: err.issues, timeZones, card }) as VNode, 400)
    }
    return reply.redirect('/newsroom/settings?saved=1', 303)
  })
}
