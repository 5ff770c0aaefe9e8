// Server-side rendering of a page element to a complete HTML document.
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'

export function render(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`
}
