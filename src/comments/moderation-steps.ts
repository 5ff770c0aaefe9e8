// How a new comment is judged: an ordered list of small named steps; the first that decides wins.
import type { CommentSettings } from './settings.js'
import { countLinks } from './comment-text.js'
import type { CommentFields } from './comment-text.js'

/** Everything the steps may look at, gathered before they run so each step is a pure function. */
export interface Submission {
  fields: CommentFields
  /** Field-level problems found when normalising (over-long, empty, bad email, …). */
  issues: { field: string; message: string }[]
  /** The hidden field only bots fill in. */
  honeypot: string
  formToken: 'ok' | 'invalid' | 'expired' | 'too-fast'
  article: { commentsOpen: boolean; publishedAt: Date | null }
  now: Date
  settings: CommentSettings
  /** What this address did before. */
  history: { approved: number; total: number; duplicateOfRecent: boolean }
}

export type Verdict =
  | { decision: 'refuse'; reason: RefusalReason; message: string }
  | { decision: 'spam'; reason: string }
  | { decision: 'hold'; reason: string }
  | { decision: 'approve'; reason: string }

export type RefusalReason = 'closed' | 'honeypot' | 'forged' | 'expired' | 'too-fast' | 'duplicate' | 'invalid'

export type ModerationStep = ((s: Submission) => Verdict | undefined) & { stepName?: string }

const refuse = (reason: RefusalReason, message: string): Verdict => ({ decision: 'refuse', reason, message })

function containsWord(text: string, words: readonly string[]): string | undefined {
  const lower = text.toLowerCase()
  return words.find((w) => {
    const word = w.toLowerCase()
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    // Whole words for plain words; anywhere for phrases with punctuation such as a domain.
    return /^[\p{L}\p{N} ]+$/u.test(word) ? new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(lower) : lower.includes(word)
  })
}

const allText = (s: Submission) => `${s.fields.name}\n${s.fields.email}\n${s.fields.website}\n${s.fields.body}`

export const refuseWhenCommentsClosed: ModerationStep = (s) => {
  if (!s.article.commentsOpen) return refuse('closed', 'Comments are closed on this article.')
  const days = s.settings.autoCloseDays
  if (days > 0 && s.article.publishedAt && s.now.getTime() - s.article.publishedAt.getTime() > days * 86_400_000) {
    return refuse('closed', `Comments are closed: they close ${days} days after an article is published.`)
  }
  return undefined
}

export const refuseWhenHoneypotFilled: ModerationStep = (s) =>
  s.honeypot.trim() !== '' ? refuse('honeypot', 'Your comment could not be posted.') : undefined

export const refuseWhenFormForged: ModerationStep = (s) =>
  s.formToken === 'invalid' ? refuse('forged', 'This form could not be verified: please reload the page and try again.') : undefined

export const refuseWhenFormExpired: ModerationStep = (s) =>
  s.formToken === 'expired' ? refuse('expired', 'This form had expired. Your text is kept below: please send it again.') : undefined

export const refuseWhenTooFast: ModerationStep = (s) =>
  s.formToken === 'too-fast' ? refuse('too-fast', `That was quicker than a person types: please wait a few seconds and send it again.`) : undefined

export const refuseWhenFieldsInvalid: ModerationStep = (s) =>
  s.issues.length ? refuse('invalid', s.issues.map((i) => i.message).join('; ')) : undefined

export const refuseWhenDuplicate: ModerationStep = (s) =>
  s.history.duplicateOfRecent ? refuse('duplicate', 'You have already posted this comment.') : undefined

export const spamWhenBlockedWord: ModerationStep = (s) => {
  const word = containsWord(allText(s), s.settings.blockList)
  return word ? { decision: 'spam', reason: 'spam:blocked-word' } : undefined
}

export const holdWhenHoldingEverything: ModerationStep = (s) =>
  s.settings.holdAll ? { decision: 'hold', reason: 'hold:pre-moderation' } : undefined

export const holdFirstCommentFromReader: ModerationStep = (s) =>
  s.history.total === 0 ? { decision: 'hold', reason: 'hold:first-comment' } : undefined

export const holdWhenManyLinks: ModerationStep = (s) =>
  countLinks(s.fields.body) > s.settings.maxLinks ? { decision: 'hold', reason: 'hold:many-links' } : undefined

export const holdWhenHoldWord: ModerationStep = (s) =>
  containsWord(allText(s), s.settings.holdList) ? { decision: 'hold', reason: 'hold:held-word' } : undefined

export const approveKnownCommenter: ModerationStep = (s) =>
  s.history.approved > 0 ? { decision: 'approve', reason: 'approve:known-commenter' } : undefined

/** Nothing said otherwise (earlier comments, none approved yet): a moderator decides. */
export const holdOtherwise: ModerationStep = () => ({ decision: 'hold', reason: 'hold:not-yet-trusted' })

export const moderationSteps: readonly ModerationStep[] = [
  // Refuse outright: the commenter is told why and keeps their text.
  refuseWhenCommentsClosed, refuseWhenHoneypotFilled, refuseWhenFormForged, refuseWhenFormExpired, refuseWhenTooFast,
  refuseWhenFieldsInvalid, refuseWhenDuplicate,
  // Spam: stored for review, never shown.
  spamWhenBlockedWord,
  // Hold for a moderator.
  holdWhenHoldingEverything, holdFirstCommentFromReader, holdWhenManyLinks, holdWhenHoldWord,
  // Approve a reader whose comments were approved before.
  approveKnownCommenter,
  holdOtherwise,
]

export function moderate(submission: Submission, steps: readonly ModerationStep[] = moderationSteps): Verdict {
  for (const step of steps) {
    const verdict = step(submission)
    if (verdict) return verdict
  }
  return { decision: 'hold', reason: 'hold:no-step-decided' }
}

/** Whether the form should be shown at all: the same rule the first step applies. */
export function commentsClosedMessage(article: Submission['article'], settings: Submission['settings'], now: Date): string | undefined {
  const verdict = refuseWhenCommentsClosed({ article, settings, now } as Submission)
  return verdict?.decision === 'refuse' ? verdict.message : undefined
}
