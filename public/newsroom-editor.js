// The article editor, enhanced: live preview, a Markdown toolbar, slug from headline, autosave, and text that is never lost.
// Everything here is optional: without JavaScript the form posts, previews and saves by full page loads.

const form = document.getElementById('editor')
if (form instanceof HTMLFormElement) enhance(form)

function enhance(form) {
  const field = (name) => form.elements.namedItem(name)
  const body = field('body')
  const headline = field('headline')
  const slug = field('slug')
  const csrf = field('_csrf').value
  const status = document.getElementById('save-status')
  const preview = document.getElementById('preview')
  let storageKey = form.dataset.storageKey
  let autosaveUrl = form.dataset.autosaveUrl
  let autoSlug = form.dataset.slugAuto === 'on'
  let dirty = false
  let saving = false
  let changedSinceSend = false
  let submitting = false

  for (const el of form.querySelectorAll('[data-no-js-only]')) el.hidden = true

  // ── The form's values as the server reads them
  const values = () => {
    const data = {}
    for (const [key, value] of new FormData(form)) {
      if (key !== '_csrf' && key !== 'action' && typeof value === 'string') data[key] = value
    }
    data.comments_open = field('comments_open').checked ? 'on' : ''
    return data
  }
  const apply = (data) => {
    for (const [key, value] of Object.entries(data)) {
      const el = field(key)
      if (!el || key === '_csrf') continue
      if (el.type === 'checkbox') el.checked = value === 'on'
      else if ('value' in el) el.value = value
    }
  }
  // Compared as the server stores them (trimmed, lists re-joined), so a saved page never looks "unsaved".
  const lists = new Set(['topic', 'tags', 'authors'])
  const norm = (key, value) => {
    const text = String(value ?? '').replace(/\r\n?/g, '\n').trim()
    return lists.has(key) ? text.split(',').map((s) => s.trim()).filter(Boolean).join(',') : key === 'slug' ? text.toLowerCase() : text
  }
  const same = (a, b) => Object.keys({ ...a, ...b })
    .filter((k) => k !== 'publish_at' && !(k === 'slug' && !a.slug))
    .every((k) => norm(k, a[k]) === norm(k, b[k]))

  const say = (text, problem = false) => {
    status.textContent = text
    status.classList.toggle('nr-editor__save--problem', problem)
    status.setAttribute('role', problem ? 'alert' : 'status')
  }
  const clock = () => new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

  // ── A copy in this browser, so a closed tab, a crash or a failed save loses nothing
  const readCopy = () => {
    try { return JSON.parse(localStorage.getItem(storageKey) ?? 'null') } catch { return null }
  }
  const writeCopy = () => {
    try { localStorage.setItem(storageKey, JSON.stringify({ at: new Date().toISOString(), fields: values() })) } catch { /* storage full or off */ }
  }
  const dropCopy = () => { try { localStorage.removeItem(storageKey) } catch { /* storage off */ } }

  const copy = readCopy()
  if (copy && copy.fields && !same(copy.fields, values())) {
    const serverVersion = values()
    apply(copy.fields)
    dirty = true
    const notice = document.createElement('div')
    notice.className = 'nr-notice nr-editor__restored'
    notice.setAttribute('role', 'status')
    const when = new Date(copy.at)
    notice.append(`Restored your unsaved changes from ${Number.isNaN(when.getTime()) ? 'earlier' : when.toLocaleString()}. `)
    const discard = document.createElement('button')
    discard.type = 'button'
    discard.className = 'nr-button nr-button--quiet'
    discard.textContent = 'Discard them'
    discard.addEventListener('click', () => {
      apply(serverVersion)
      dropCopy()
      dirty = false
      notice.remove()
      refreshPreview()
    })
    notice.append(discard)
    form.before(notice)
    setTimeout(refreshPreview, 0)
  } else if (copy) {
    dropCopy()
  }

  // ── Slug follows the headline until someone types a slug of their own
  const slugify = (text) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '')
  headline.addEventListener('input', () => { if (autoSlug) slug.value = slugify(headline.value) })
  slug.addEventListener('input', () => { autoSlug = false })

  // ── Live preview, rendered and sanitised by the server exactly as readers will get it
  let previewTimer
  let previewSeq = 0
  async function refreshPreview() {
    const seq = ++previewSeq
    try {
      const res = await fetch(form.dataset.previewUrl, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ body: body.value }),
      })
      if (!res.ok) return
      const data = await res.json()
      if (seq === previewSeq) preview.innerHTML = data.html
    } catch { /* the preview catches up on the next keystroke */ }
  }
  body.addEventListener('input', () => {
    clearTimeout(previewTimer)
    previewTimer = setTimeout(refreshPreview, 300)
  })

  // ── Toolbar
  const toolbar = document.createElement('div')
  toolbar.className = 'nr-toolbar'
  toolbar.setAttribute('role', 'toolbar')
  toolbar.setAttribute('aria-label', 'Formatting')
  toolbar.setAttribute('aria-controls', 'body')
  const edit = (fn) => {
    const { selectionStart: start, selectionEnd: end, value } = body
    const [text, selectFrom, selectTo] = fn(value.slice(start, end))
    body.focus()
    body.setRangeText(text, start, end, 'end')
    if (selectFrom !== undefined) body.setSelectionRange(start + selectFrom, start + selectTo)
    body.dispatchEvent(new Event('input', { bubbles: true }))
  }
  const wrap = (mark, placeholder) => (s) => {
    const inner = s || placeholder
    return [`${mark}${inner}${mark}`, mark.length, mark.length + inner.length]
  }
  const linePrefix = (prefix, placeholder) => (s) => {
    const text = (s || placeholder).split('\n').map((line) => `${prefix}${line}`).join('\n')
    return [text, prefix.length, text.length]
  }
  const tools = [
    ['Bold', wrap('**', 'bold text')],
    ['Italic', wrap('_', 'italic text')],
    ['Link', (s) => { const t = s || 'link text'; return [`[${t}](https://)`, t.length + 3, t.length + 11] }],
    ['Quote', linePrefix('> ', 'Quoted words')],
    ['Heading', linePrefix('## ', 'Subhead')],
    ['Image', (s) => { const t = s || 'Describe the picture'; return [`![${t}](https://)`, t.length + 4, t.length + 12] }],
  ]
  for (const [label, fn] of tools) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'nr-button nr-button--quiet'
    button.textContent = label
    button.addEventListener('click', () => edit(fn))
    toolbar.append(button)
  }
  body.before(toolbar)
  body.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey)) return
    if (e.key === 'b') { e.preventDefault(); edit(tools[0][1]) }
    if (e.key === 'i') { e.preventDefault(); edit(tools[1][1]) }
  })

  // ── Autosave every 10 seconds while there are changes; Ctrl+S saves now
  form.addEventListener('input', () => {
    dirty = true
    changedSinceSend = true
    writeCopy()
  })
  form.addEventListener('change', () => writeCopy())

  async function autosave() {
    if (saving || !dirty) return
    if (!headline.value.trim()) {
      say('Not saved yet: give the article a headline first. Your text is kept in this browser.')
      return
    }
    saving = true
    changedSinceSend = false
    say('Saving…')
    try {
      const res = await fetch(autosaveUrl, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify(values()),
      })
      const data = await res.json().catch(() => null)
      if (!res.ok || !data) throw new Error(data?.error?.message ?? `the server answered ${res.status}`)
      if (storageKey.endsWith(':new')) {
        // The draft exists now: later saves go to it, and a reload opens it.
        dropCopy()
        storageKey = storageKey.replace(/:new$/, `:${data.id}`)
        autosaveUrl = data.autosaveUrl
        form.action = data.editUrl
        history.replaceState(null, '', data.editUrl)
      }
      if (!changedSinceSend) {
        dirty = false
        dropCopy()
      } else {
        writeCopy()
      }
      say(data.applied ? `Draft saved at ${clock()}.` : `Changes kept safe at ${clock()}; readers see them when you press Save changes.`)
    } catch (err) {
      dirty = true
      writeCopy()
      say(`Not saved: ${err instanceof Error ? err.message : 'the connection failed'}. Your text is still here and kept in this browser; saving will be tried again.`, true)
    } finally {
      saving = false
    }
  }
  setInterval(autosave, 10_000)
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') {
      e.preventDefault()
      dirty = true
      void autosave()
    }
  })

  // ── Leaving with unsaved changes asks first; pressing a button of the form is not leaving
  form.addEventListener('submit', () => { submitting = true })
  window.addEventListener('beforeunload', (e) => {
    if (dirty && !submitting) {
      e.preventDefault()
      e.returnValue = ''
    }
  })

  for (const other of document.querySelectorAll('form[data-confirm]')) {
    other.addEventListener('submit', (e) => { if (!confirm(other.dataset.confirm)) e.preventDefault() })
  }
}
