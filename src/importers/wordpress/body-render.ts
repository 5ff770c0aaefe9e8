// The CPU-heavy part of a WordPress import, a post at a time: its body converted to Markdown and rendered, its comments
// cleaned and rendered. Pure functions of their input, so a worker thread (body-worker.ts) can run them beside the
// thread that parses the file and writes the database.
import { decodeHTML } from 'entities'
import { renderMarkdown } from '../../content/index.js'
import { renderImportedComment, type RenderedComment } from '../comment-render.js'
import { imageKey } from '../image-key.js'
import { convertWordPressBody, type ConvertedBody, type MediaLookup } from './wordpress-body.js'

/** The imported media a body may point at, as plain data a worker can be given. */
export interface MediaTable {
  /** imageKey of an old address → the picture's address here. */
  urls: [string, string][]
  attachments: [string, { url: string; alt: string; caption: string }][]
}

export function mediaLookup(table: MediaTable): MediaLookup {
  const urls = new Map(table.urls)
  const attachments = new Map(table.attachments)
  return { urlFor: (url) => urls.get(imageKey(url)), attachment: (id) => attachments.get(id) }
}

export interface RenderedPost extends ConvertedBody {
  /** renderMarkdown(markdown). */
  html: string
  comments: RenderedComment[]
}

/** A comment's HTML as the plain text comments are stored in: paragraphs kept, tags and entities gone. */
export function commentText(html: string): string {
  return decodeHTML(html.replace(/\r\n?/g, '\n').replace(/<\/p>\s*/gi, '\n\n').replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ''))
}

export function renderPost(content: string, comments: readonly string[], lookup: MediaLookup): RenderedPost {
  const converted = convertWordPressBody(content, lookup)
  return {
    ...converted,
    html: renderMarkdown(converted.markdown),
    comments: comments.map((c) => renderImportedComment(commentText(c))),
  }
}
