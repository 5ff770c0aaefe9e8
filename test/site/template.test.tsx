import { describe, expect, it } from 'vitest'
import { renderToString } from 'preact-render-to-string'
import { htmlTemplate } from '../../src/ui/index.js'

describe('htmlTemplate', () => {
  const card = (s: { title: string; href: string }) => (
    <article><h2><a href={s.href} title={s.title}>{s.title}</a></h2><p>{s.title}</p></article>
  )
  const fill = htmlTemplate(['title', 'href'], card)

  it('gives the markup a full render would', () => {
    const values = { title: 'Ferry service resumes', href: '/local/ferry/' }
    expect(fill(values)).toBe(renderToString(card(values)))
  })

  it('escapes what readers or editors typed, in text and in attributes', () => {
    const values = { title: '<script>alert(1)</script> "quoted" & \'single\'', href: '/x/"onmouseover="alert(1)' }
    const html = fill(values)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('"onmouseover')
    expect(html).toContain('&lt;script>alert(1)&lt;/script> &quot;quoted&quot; &amp; \'single\'')
    expect(html).toBe(renderToString(card(values)))
  })
})
