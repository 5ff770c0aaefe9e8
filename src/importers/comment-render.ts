// An imported comment's text as a reader's comment is stored: cleaned, limited and rendered through the same allow-list.
import { commentLimits, normaliseText, renderCommentBody } from '../comments/index.js'
import { stripControls } from './html-to-markdown.js'

export interface RenderedComment {
  /** The text as stored: normalised and cut to the comment limit. */
  body: string
  html: string
}

/** A comment body cleaned and limited like a reader's, and its HTML. */
export function renderImportedComment(text: string): RenderedComment {
  const body = normaliseText(stripControls(text), { multiline: true }).slice(0, commentLimits.body) || '…'
  return { body, html: renderCommentBody(body) }
}
