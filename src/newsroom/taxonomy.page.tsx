// Sections, topics, tags and authors in the newsroom: the list with a create form, and one name's edit and remove page.
import type { FieldIssue } from '../platform/errors.js'
import type { TaxonomyKind, Term } from '../content/index.js'
import { CsrfField } from './csrf.js'
import { NewsroomLayout, Field, FormErrors, describedBy, type Chrome } from './layout.js'

export interface TermForm { name: string; slug: string; description: string; position: string }

export interface TaxonomyCopy {
  /** "Sections" */
  title: string
  /** "section" */
  one: string
  /** Label of the long text field, or undefined when the kind has none (tags). */
  descriptionLabel: string | undefined
  hasPosition: boolean
  intro: string
}

export interface TaxonomyListView {
  chrome: Chrome
  kind: TaxonomyKind
  copy: TaxonomyCopy
  terms: Term[]
  path: (slug: string) => string
  limits: { name: number; slug: number; description: number }
  notice?: string | undefined
  create?: { form: TermForm; issues: readonly FieldIssue[] } | undefined
}

export interface TermPageView {
  chrome: Chrome
  kind: TaxonomyKind
  copy: TaxonomyCopy
  term: Term
  path: (slug: string) => string
  limits: { name: number; slug: number; description: number }
  notice?: string | undefined
  edit?: { form: TermForm; issues: readonly FieldIssue[] } | undefined
  removeError?: string | undefined
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1)

function TermFields({ copy, form, issues, limits, idPrefix }: {
  copy: TaxonomyCopy; form: TermForm; issues: readonly FieldIssue[]; limits: TaxonomyListView['limits']; idPrefix: string
}) {
  // Errors name fields plainly (name, slug…); ids are prefixed only so two forms could share a page.
  const id = (field: string) => `${idPrefix}${field}`
  const scoped = issues.map((i) => ({ ...i, field: id(i.field) }))
  return (
    <>
      <Field id={id('name')} label="Name" issues={scoped}>
        <input id={id('name')} name="name" type="text" required maxlength={limits.name} value={form.name} {...describedBy(id('name'), scoped)} />
      </Field>
      <Field id={id('slug')} label="Slug" hint="The address: lowercase letters, digits and hyphens. Leave empty to make one from the name." issues={scoped}>
        <input id={id('slug')} name="slug" type="text" maxlength={limits.slug} pattern="[a-z0-9]+(-[a-z0-9]+)*" value={form.slug} {...describedBy(id('slug'), scoped, true)} />
      </Field>
      {copy.descriptionLabel && (
        <Field id={id('description')} label={copy.descriptionLabel} issues={scoped}>
          <textarea id={id('description')} name="description" rows={3} maxlength={limits.description} {...describedBy(id('description'), scoped)}>{form.description}</textarea>
        </Field>
      )}
      {copy.hasPosition && (
        <Field id={id('position')} label="Position" hint="Order in the site's navigation, lowest first." issues={scoped}>
          <input id={id('position')} name="position" type="number" min={0} max={10000} step={1} value={form.position} {...describedBy(id('position'), scoped, true)} />
        </Field>
      )}
    </>
  )
}

const scopedIssues = (issues: readonly FieldIssue[], prefix: string) => issues.map((i) => ({ ...i, field: `${prefix}${i.field}` }))

export function TaxonomyListPage({ chrome, kind, copy, terms, path, limits, notice, create }: TaxonomyListView) {
  const issues = create?.issues ?? []
  const form = create?.form ?? { name: '', slug: '', description: '', position: '' }
  return (
    <NewsroomLayout chrome={chrome} title={copy.title} current={`${kind}s` as 'sections'} notice={notice}>
      <p class="nr-muted">{copy.intro}</p>
      <section class="nr-panel" aria-labelledby="list-heading">
        <h2 id="list-heading" class="visually-hidden">All {copy.title.toLowerCase()}</h2>
        {terms.length === 0 ? <p class="nr-muted">None yet.</p> : (
          <table class="nr-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Address</th><th scope="col">Articles</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {terms.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td><a class="nr-mono" href={path(t.slug)}>{path(t.slug)}</a></td>
                  <td>{t.articleCount}</td>
                  <td><a href={`/newsroom/${kind}s/${t.id}`} aria-label={`Edit ${copy.one} ${t.name}`}>Edit</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="nr-panel" aria-labelledby="create-heading">
        <h2 id="create-heading">New {copy.one}</h2>
        <FormErrors issues={scopedIssues(issues, 'new-')} />
        <form method="post" action={`/newsroom/${kind}s`} class="nr-form nr-form--narrow">
          <CsrfField token={chrome.csrf} />
          <TermFields copy={copy} form={form} issues={issues} limits={limits} idPrefix="new-" />
          <button type="submit" class="nr-button">Create {copy.one}</button>
        </form>
      </section>
    </NewsroomLayout>
  )
}

export function TermPage({ chrome, kind, copy, term, path, limits, notice, edit, removeError }: TermPageView) {
  const issues = edit?.issues ?? []
  const form = edit?.form ?? { name: term.name, slug: term.slug, description: term.description, position: String(term.position) }
  const blocked = kind === 'section' && term.articleCount > 0
  return (
    <NewsroomLayout chrome={chrome} title={`${capital(copy.one)}: ${term.name}`} current={`${kind}s` as 'sections'} notice={notice}>
      <p><a href={`/newsroom/${kind}s`}>← {copy.title}</a> · <a href={path(term.slug)}>View {path(term.slug)} on the site</a></p>
      <section class="nr-panel" aria-labelledby="edit-heading">
        <h2 id="edit-heading">Rename or describe</h2>
        <p class="nr-muted">Changing the slug moves the page; the old address keeps working and redirects readers to the new one{kind === 'section' ? ', for the section and every article in it' : ''}.</p>
        <FormErrors issues={scopedIssues(issues, 'edit-')} />
        <form method="post" action={`/newsroom/${kind}s/${term.id}`} class="nr-form nr-form--narrow">
          <CsrfField token={chrome.csrf} />
          <TermFields copy={copy} form={form} issues={issues} limits={limits} idPrefix="edit-" />
          <button type="submit" class="nr-button">Save changes</button>
        </form>
      </section>
      <section class="nr-panel" aria-labelledby="remove-heading">
        <h2 id="remove-heading">Remove</h2>
        {removeError && <p class="nr-errors" role="alert">{removeError}</p>}
        {kind === 'section'
          ? <p>{blocked ? `This section has ${term.articleCount} article${term.articleCount === 1 ? '' : 's'}; move them to another section first.` : 'This section has no articles and can be removed.'}</p>
          : <p>{term.articleCount ? `Its ${term.articleCount} article${term.articleCount === 1 ? '' : 's'} stay published and simply lose this ${copy.one}.` : `No article uses this ${copy.one}.`}</p>}
        {!blocked && (
          <form method="post" action={`/newsroom/${kind}s/${term.id}/remove`}>
            <CsrfField token={chrome.csrf} />
            <button type="submit" class="nr-button nr-button--danger">Remove {copy.one}</button>
          </form>
        )}
      </section>
    </NewsroomLayout>
  )
}
