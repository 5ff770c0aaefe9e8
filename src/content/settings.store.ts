// Site settings stored as one JSON row in `setting`; unknown or missing values fall back to the defaults.
import type { Config } from '../config/index.js'
import type { Deps } from '../platform/deps.js'
import type { Db } from '../platform/db/index.js'
import { validationError } from '../platform/errors.js'
import { recordAudit, type AuditActor } from '../identity/index.js'
import { fallbackVariant, findMediaById, mediaPath } from '../media/index.js'
import { checkSettings, defaultSettings, type CardImage, type SiteSettings } from './settings.js'

const key = 'site.settings'

type Fallback = Pick<Config, 'siteName' | 'siteDescription' | 'siteLanguage' | 'siteTimezone'>

const builtIn: Fallback = { siteName: 'Dateline', siteDescription: '', siteLanguage: 'en', siteTimezone: 'UTC' }

/**
 * The site's settings: what an administrator saved, over the configuration (or built-in defaults).
 * @example const { comments } = await getSettings(db); if (comments.holdAll) …
 */
export async function getSettings(db: Db, fallback: Fallback = builtIn): Promise<SiteSettings> {
  const defaults = defaultSettings(fallback)
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst()
  if (!row) return defaults
  let stored: Partial<SiteSettings>
  try {
    stored = JSON.parse(row.value) as Partial<SiteSettings>
  } catch {
    return defaults
  }
  return { ...defaults, ...stored, comments: { ...defaults.comments, ...(stored.comments ?? {}) } }
}

/** Names of the settings that differ, for the audit log ("name, comments.holdAll"). */
function changedFields(before: SiteSettings, after: SiteSettings): string[] {
  const top = (Object.keys(after) as (keyof SiteSettings)[]).filter((k) => k !== 'comments' && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
  const comments = (Object.keys(after.comments) as (keyof SiteSettings['comments'])[])
    .filter((k) => JSON.stringify(before.comments[k]) !== JSON.stringify(after.comments[k])).map((k) => `comments.${k}`)
  return [...top, ...comments]
}

/** Validates, stores, audits, and announces the change so every cached page picks up the new name or policy. */
export async function saveSettings(
  { db, events, clock, config }: Pick<Deps, 'db' | 'events' | 'clock' | 'config'>, actor: AuditActor | null, input: SiteSettings, ip = '',
): Promise<SiteSettings> {
  const settings = checkSettings(input)
  if (settings.defaultImageId !== null && !(await findMediaById(db, settings.defaultImageId))) {
    throw validationError([{ field: 'defaultImageId', message: 'The chosen default card image is no longer in the media library' }])
  }
  const before = await getSettings(db, config)
  const value = JSON.stringify(settings)
  await db.insertInto('setting').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
  const changed = changedFields(before, settings)
  await recordAudit(db, { at: clock.now(), actor, action: 'settings.changed', subject: 'settings', detail: changed.join(', ') || 'no change', ip })
  await events.emit({ type: 'settings.changed', tags: ['site'] })
  return settings
}

/**
 * The default card image the settings name, as pages show it: the largest JPEG version up to 1280 pixels wide (a
 * 1200×630 card is used whole), or undefined when none is set or the item has gone.
 * @example const card = await findDefaultCardImage(db, await getSettings(db, config))
 */
export async function findDefaultCardImage(db: Db, settings: Pick<SiteSettings, 'defaultImageId'>): Promise<CardImage | undefined> {
  if (settings.defaultImageId === null) return undefined
  const media = await findMediaById(db, settings.defaultImageId)
  if (!media) return undefined
  const v = fallbackVariant(media.variants)
  return v ? { url: mediaPath(v.name), width: v.width, height: v.height, alt: media.alt } : { url: media.url, width: media.width, height: media.height, alt: media.alt }
}

/** Makes a media item the default card image, as a Settings save would: validated, audited, announced. */
export async function useDefaultCardImage(
  deps: Pick<Deps, 'db' | 'events' | 'clock' | 'config'>, actor: AuditActor | null, mediaId: number, ip = '',
): Promise<SiteSettings> {
  return saveSettings(deps, actor, { ...(await getSettings(deps.db, deps.config)), defaultImageId: mediaId }, ip)
}

/**
 * Stores some settings without touching the others: the ones never saved keep following the configuration.
 * For the demo seed, which writes what no person chose, so it is not audited.
 */
export async function patchStoredSettings(db: Db, patch: Partial<SiteSettings>): Promise<void> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst()
  let stored: Partial<SiteSettings> = {}
  try {
    stored = row ? (JSON.parse(row.value) as Partial<SiteSettings>) : {}
  } catch { /* a malformed row reads as defaults (getSettings); replace it */ }
  const value = JSON.stringify({ ...stored, ...patch })
  await db.insertInto('setting').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
}
