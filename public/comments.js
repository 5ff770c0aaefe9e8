// Comments without a page reload: posts the form with fetch and lets a reader reply in place. Without it, the form still works.
const form = document.querySelector('form[data-comment-form]')
const respond = document.getElementById('respond')

if (form && respond && window.fetch) {
  const home = document.createElement('div')
  home.hidden = true
  respond.before(home)
  const parentInput = form.querySelector('input[name="parent"]')
  const title = respond.querySelector('.comment-respond__title')
  const originalTitle = title ? title.firstChild.textContent : 'Leave a Reply'
  const live = document.createElement('p')
  live.className = 'visually-hidden'
  live.setAttribute('role', 'status')
  respond.append(live)

  const fieldIds = { body: 'comment-comment', name: 'comment-name', email: 'comment-email', website: 'comment-website' }

  function clearErrors() {
    form.querySelectorAll('.field__error, .comment-form__message').forEach((el) => el.remove())
    form.querySelectorAll('[aria-invalid]').forEach((el) => { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby') })
  }

  function showErrors(error) {
    clearErrors()
    const message = document.createElement('p')
    message.className = 'comment-form__message'
    message.setAttribute('role', 'alert')
    message.textContent = error.reason === 'invalid' ? 'Please correct the fields marked below.' : error.message
    form.querySelector('.comment-form__notes').after(message)
    for (const issue of error.issues || []) {
      const input = document.getElementById(fieldIds[issue.field] || '')
      if (!input) continue
      const p = document.createElement('p')
      p.className = 'field__error'
      p.id = `comment-${issue.field}-error`
      p.textContent = issue.message
      input.after(p)
      input.setAttribute('aria-invalid', 'true')
      input.setAttribute('aria-describedby', p.id)
    }
    const first = form.querySelector('[aria-invalid="true"]')
    if (first) first.focus()
  }

  function replyTo(link) {
    const li = document.getElementById(`comment-${link.dataset.replyTo}`)
    if (!li) return
    li.querySelector(':scope > .comment__body').after(respond)
    parentInput.value = link.dataset.replyTo
    if (title) title.firstChild.textContent = `Reply to ${link.dataset.replyName}`
    let cancel = respond.querySelector('#cancel-reply')
    if (!cancel) {
      const small = document.createElement('small')
      cancel = document.createElement('a')
      cancel.id = 'cancel-reply'
      cancel.href = '#comments'
      cancel.textContent = 'Cancel reply'
      small.append(' ', cancel)
      title.append(small)
    }
    cancel.hidden = false
    form.querySelector('textarea').focus()
  }

  function resetReply() {
    home.after(respond)
    parentInput.value = ''
    if (title) title.firstChild.textContent = originalTitle
    const cancel = respond.querySelector('#cancel-reply')
    if (cancel) cancel.hidden = true
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[data-reply-to]')
    if (link) {
      event.preventDefault()
      replyTo(link)
      return
    }
    if (event.target.id === 'cancel-reply') {
      event.preventDefault()
      resetReply()
    }
  })

  function insert(html, parentId) {
    const template = document.createElement('template')
    template.innerHTML = html
    const item = template.content.firstElementChild
    let list
    if (parentId) {
      const parent = document.getElementById(`comment-${parentId}`)
      list = parent && parent.querySelector(':scope > ol.comment-list')
      if (parent && !list) {
        list = document.createElement('ol')
        list.className = 'comment-list comment-list--replies'
        parent.append(list)
      }
    }
    if (!list) {
      list = document.querySelector('#comments > ol.comment-list')
      if (!list) {
        list = document.createElement('ol')
        list.className = 'comment-list'
        list.setAttribute('aria-labelledby', 'comments-title')
        home.before(list)
        const empty = document.querySelector('.comments__empty')
        if (empty) empty.remove()
      }
    }
    list.append(item)
    return item
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const button = form.querySelector('button[type="submit"]')
    button.disabled = true
    const parentId = parentInput.value
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
      })
      const data = await response.json().catch(() => ({ error: { message: 'Your comment could not be sent. Please try again.' } }))
      if (!response.ok) {
        if (data.error && data.error.token) form.querySelector('input[name="token"]').value = data.error.token
        showErrors(data.error || { message: 'Your comment could not be sent. Please try again.' })
        return
      }
      clearErrors()
      const item = insert(data.html, parentId)
      form.querySelector('textarea').value = ''
      resetReply()
      item.setAttribute('tabindex', '-1')
      item.focus()
      live.textContent = data.state === 'published' ? 'Your comment was published.' : 'Your comment is awaiting moderation.'
    } catch {
      showErrors({ message: 'Your comment could not be sent: check your connection and try again.' })
    } finally {
      button.disabled = false
    }
  })
}
