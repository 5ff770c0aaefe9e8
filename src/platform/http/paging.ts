// Page numbers from query strings, clamped so no input can ask for a silly page.

export const maxPage = 1000

export function pageNumber(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : 1
  return Math.min(Math.max(n, 1), maxPage)
}

export interface Paging {
  page: number
  pageSize: number
  total: number
  pages: number
}

export function paging(page: number, pageSize: number, total: number): Paging {
  return { page, pageSize, total, pages: Math.max(1, Math.ceil(total / pageSize)) }
}
