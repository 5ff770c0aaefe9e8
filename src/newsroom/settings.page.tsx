// The Settings page: the site's name and locale, its comment policy, and who moderates.
import type { FieldIssue } from '../platform/errors.js'
import { settingsLimits as L, type SiteSettings } from '../content/index.js'
import { CsrfField } from './csrf.js'
import { NewsroomLayout, Field, FormErrors, describedBy, type Chrome } from './layout.js'

/** The form's values as typed, so a rejected save shows exactly what was entered. */
export interface SettingsForm {
  name: string
  description: string
  logo: string
  language: string
  timeZone: string
  commentsEnabled: boolean
  autoCloseDays: string
  holdAll: boolean
  maxLinks: string
  blockList: string
  holdList: string
  threadDepth: string
  ratePerMinute: string
  moderatorEmails: string
  defaultImageId: string
}

export interface CardChoices {
  choices: { id: number; label: string; url: string }[]
  current: { url: string; width: number; height: number; alt: string } | undefined
}

export function settingsToForm(s: SiteSettings): SettingsForm {
  return {
    name: s.name, description: s.description, logo: s.logo, language: s.language, timeZone: s.timeZone,
    commentsEnabled: s.comments.enabledByDefault, autoCloseDays: String(s.comments.autoCloseDays), holdAll: s.comments.holdAll,
    maxLinks: String(s.comments.maxLinks), blockList: s.comments.blockList.join('\n'), holdList: s.comments.holdList.join('\n'),
    threadDepth: String(s.comments.threadDepth), ratePerMinute: String(s.comments.ratePerMinute), moderatorEmails: s.moderatorEmails.join('\n'),
    defaultImageId: s.defaultImageId === null ? '' : String(s.defaultImageId),
  }
}

export function SettingsPage({ chrome, form, issues = [], notice, timeZones, card }: {
  chrome: Chrome; form: SettingsForm; issues?: readonly FieldIssue[]; notice?: string | undefined; timeZones: readonly string[]; card: CardChoices
}) {
  const text = (id: keyof SettingsForm, label: string, max: number, hint?: string) => (
    <Field id={id} label={label} issues={issues} hint={hint}>
      <input id={id} name={id} type="text" maxlength={max} value={form[id] as string} {...describedBy(id, issues, Boolean(hint))} />
    </Field>
  )
  const number = (id: keyof SettingsForm, label: string, max: number, hint?: string) => (
    <Field id={id} label={label} issues={issues} hint={hint}>
      <input id={id} name={id} type="number" inputmode="numeric" min={0} max={max} step={1} value={form[id] as string} {...describedBy(id, issues, Boolean(hint))} />
    </Field>
  )
  const list = (id: keyof SettingsForm, label: string, hint: string) => (
    <Field id={id} label={label} issues={issues} hint={hint}>
      <textarea id={id} name={id} rows={4} maxlength={L.listEntries * (L.listEntry + 1)} {...describedBy(id, issues, true)}>{form[id] as string}</textarea>
    </Field>
  )
  const check = (id: keyof SettingsForm, label: string) => (
    <div class="nr-check">
      <input id={id} name={id} type="checkbox" value="on" checked={form[id] as boolean} />
      <label for={id}>{label}</label>
    </div>
  )
  return (
    <NewsroomLayout chrome={chrome} title="Settings" current="settings" notice={notice}>
      <FormErrors issues={issues} />
      <form method="post" action="/newsroom/settings" class="nr-form">
        <CsrfField token={chrome.csrf} />
        <fieldset>
          <legend>Site</legend>
          {text('name', 'Site name', L.name)}
          {text('description', 'Description', L.description, 'One line under the masthead and in search results.')}
          {text('logo', 'Logo', L.logo, 'An image URL (https://…) or a path on this site (/media/…); empty for the built-in logo.')}
          {text('language', 'Language', L.language, 'A language tag such as en, pt-PT or fr.')}
          <Field id="timeZone" label="Time zone" issues={issues} hint="Dates on the site are shown in this zone.">
            <input id="timeZone" name="timeZone" type="text" list="time-zones" maxlength={L.timeZone} value={form.timeZone} {...describedBy('timeZone', issues, true)} />
            <datalist id="time-zones">{timeZones.map((z) => <option value={z} />)}</datalist>
          </Field>
        </fieldset>
        <fieldset>
          <legend>Default card image</legend>
          <p>Shown in link previews and search results for the home page, section pages and every article without a picture of its own. Best at 1200×630.</p>
          {card.current && (
            <figure class="nr-card-preview">
              <img src={card.current.url} alt={card.current.alt} width={card.current.width} height={card.current.height} />
              <figcaption>Now: {card.current.alt} ({card.current.width}×{card.current.height})</figcaption>
            </figure>
          )}
          <Field id="defaultImageId" label="Picture" issues={issues} hint="From the media library; upload a new one below.">
            <select id="defaultImageId" name="defaultImageId" {...describedBy('defaultImageId', issues, true)}>
              <option value="" selected={form.defaultImageId === ''}>None</option>
              {card.choices.map((c) => <option value={String(c.id)} selected={form.defaultImageId === String(c.id)}>{c.label}</option>)}
            </select>
          </Field>
        </fieldset>
        <fieldset>
          <legend>Comments</legend>
          {check('commentsEnabled', 'Comments open on new articles')}
          {number('autoCloseDays', 'Close comments after days', L.autoCloseDays, '0 keeps them open.')}
          {check('holdAll', 'Hold every comment for moderation')}
          {number('maxLinks', 'Links before hold', L.maxLinks, 'A comment with more links than this waits for a moderator.')}
          {list('blockList', 'Block list', 'Words or phrases, one a line: a comment containing one is marked as spam.')}
          {list('holdList', 'Hold list', 'Words or phrases, one a line: a comment containing one waits for a moderator.')}
          {number('threadDepth', 'Reply depth', L.threadDepth, 'How deep replies to replies may nest.')}
          {number('ratePerMinute', 'Comments a minute', L.ratePerMinute, 'How many comments one address or email may post in a minute.')}
          {list('moderatorEmails', 'Moderator emails', 'One a line: these addresses are told when a comment is held.')}
        </fieldset>
        <button type="submit" class="nr-button">Save settings</button>
      </form>
      <section aria-labelledby="card-upload-heading" class="nr-panel">
        <h2 id="card-upload-heading">Upload a default card image</h2>
        <p>It goes into the media library like any upload and becomes the default card at once.</p>
        <form method="post" action={`/newsroom/media?_csrf=${encodeURIComponent(chrome.csrf)}&use=default-card`} enctype="multipart/form-data" class="nr-form nr-form--narrow">
          <Field id="card-file" label="Image file">
            <input id="card-file" name="file" type="file" required accept="image/jpeg,image/png,image/webp,image/avif" />
          </Field>
          <Field id="card-alt" label="Alt text" hint="What the picture shows, for readers who cannot see it.">
            <input id="card-alt" name="alt" type="text" required maxlength={500} value="" aria-describedby="card-alt-hint" />
          </Field>
          <button type="submit" class="nr-button">Upload and use</button>
        </form>
      </section>
    </NewsroomLayout>
  )
}
