// Pages in the newsroom (About, Contact, Ethics policy): the list, and one page's editor.
import type { FieldIssue } from '../platform/errors.js'
import type { EditablePage } from '../content/index.js'
import { CsrfField } from './csrf.js'
import { NewsroomLayout, Field, FormErrors, describedBy, type Chrome } from './layout.js'

export interface PageForm { title: string; slug: string; body: string; status: string; inFooter: boolean; position: string; seoDescription: string }

export const emptyPageForm: PageForm = { title: '', slug: '', body: '', status: 'draft', inFooter: false, position: '100', seoDescription: '' }

export const pageFormOf = (p: EditablePage): PageForm => ({
  title: p.title, slug: p.slug, body: p.bodyMd, status: p.status, inFooter: p.inFooter, position: String(p.position), seoDescription: p.seoDescription,
})

export function PageListPage({ chrome, pages, notice }: { chrome: Chrome; pages: EditablePage[]; notice?: string | undefined }) {
  return (
    <NewsroomLayout chrome={chrome} title="Pages" current="pages" notice={notice}>
      <p class="nr-muted">Pages are not news: About, Contact, Ethics policy. Each lives at its own address beside the sections, without dates, comments or related news.</p>
      <p><a class="nr-button" href="/newsroom/pages/new">New page</a></p>
      <section class="nr-panel" aria-labelledby="list-heading">
        <h2 id="list-heading" class="visually-hidden">All pages</h2>
        {pages.length === 0 ? <p class="nr-muted">None yet.</p> : (
          <table class="nr-table">
            <thead><tr><th scope="col">Title</th><th scope="col">Address</th><th scope="col">Status</th><th scope="col">Footer</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {pages.map((p) => (
                <tr>
                  <td>{p.title}</td>
                  <td><a class="nr-mono" href={p.path}>{p.path}</a></td>
                  <td>{p.status === 'published' ? 'Published' : 'Draft'}</td>
                  <td>{p.inFooter ? 'Yes' : 'No'}</td>
                  <td><a href={`/newsroom/pages/${p.id}`} aria-label={`Edit page ${p.title}`}>Edit</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </NewsroomLayout>
  )
}

export function PageEditorPage({ chrome, id, form, issues = [], notice, limits }: {
  chrome: Chrome; id: number | undefined; form: PageForm; issues?: readonly FieldIssue[]; notice?: string | undefined
  limits: { title: number; slug: number; body: number; seoDescription: number }
}) {
  return (
    <NewsroomLayout chrome={chrome} title={id ? `Page: ${form.title}` : 'New page'} current="pages" notice={notice}>
      <p><a href="/newsroom/pages">← Pages</a>{id && form.status === 'published' ? <> · <a href={`/${form.slug}/`}>View /{form.slug}/ on the site</a></> : null}</p>
      <FormErrors issues={issues} />
      <form method="post" action={id ? `/newsroom/pages/${id}` : '/newsroom/pages'} class="nr-form">
        <CsrfField token={chrome.csrf} />
        <Field id="title" label="Title" issues={issues}>
          <input id="title" name="title" type="text" required maxlength={limits.title} value={form.title} {...describedBy('title', issues)} />
        </Field>
        <Field id="slug" label="Slug" hint="The address: lowercase letters, digits and hyphens. Leave empty to make one from the title. A changed slug redirects the old address." issues={issues}>
          <input id="slug" name="slug" type="text" maxlength={limits.slug} value={form.slug} {...describedBy('slug', issues, true)} />
        </Field>
        <Field id="body" label="Body" hint="Markdown, as in articles." issues={issues}>
          <textarea id="body" name="body" rows={18} maxlength={limits.body} {...describedBy('body', issues, true)}>{form.body}</textarea>
        </Field>
        <Field id="seoDescription" label="Search description" issues={issues}>
          <input id="seoDescription" name="seoDescription" type="text" maxlength={limits.seoDescription} value={form.seoDescription} {...describedBy('seoDescription', issues)} />
        </Field>
        <Field id="status" label="Status" issues={issues}>
          <select id="status" name="status" {...describedBy('status', issues)}>
            <option value="draft" selected={form.status !== 'published'}>Draft (not on the site)</option>
            <option value="published" selected={form.status === 'published'}>Published</option>
          </select>
        </Field>
        <p><label><input type="checkbox" name="inFooter" value="1" checked={form.inFooter} /> List in the site footer</label></p>
        <Field id="position" label="Footer position" hint="Order in the footer, lowest first." issues={issues}>
          <input id="position" name="position" type="number" min={0} max={10000} step={1} value={form.position} {...describedBy('position', issues, true)} />
        </Field>
        <button type="submit" class="nr-button">{id ? 'Save page' : 'Create page'}</button>
      </form>
    </NewsroomLayout>
  )
}
