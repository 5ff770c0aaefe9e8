// Reader comments: submission and its moderation steps, threads, the moderators' queue, notifications and privacy.
/**
 * The public shape has no email field; surfaces render only PublicComment.
 * @example
 * const { comment, status } = await submitComment(deps, { articleId, name, email, body, formToken, ip })
 * const page = await loadThreadPage(db, articleId, { sort: 'oldest', page: 1, pageSize: 50, own: [] })
 */
export {
  commentStatuses, moderationActions, commentCacheTags, toPublicComment,
  type PublicComment, type ModeratedComment, type CommentNode, type CommentSort, type CommentStatus, type ModerationAction,
} from './comment.js'
export { commentLimits, normaliseText, checkCommentFields, checkWebsite, renderCommentBody, countLinks, avatarFor } from './comment-text.js'
export { issueFormToken, checkFormToken } from './form-token.js'
export * from './moderation-steps.js'
export { loadCommentSettings, saveCommentPolicy, fromSiteSettings, type CommentSettings } from './settings.js'
export { memoryRateLimiter, redisRateLimiter, createRateLimiter, type RateLimiter } from './rate-limit.js'
export {
  loadThreadPage, pageOfTopLevel, listQueue, countByStatus, findModeratedComment, findPublicComment, listCommentEvents,
  listRecentApproved, listApprovedComments, articleForComments, stillHeld, type ThreadPage, type QueueFilter,
} from './comment.store.js'
/**
 * The moderator's glance for the newsroom dashboard: how many wait, and the newest few without any email.
 * @example const [pending, newest] = await Promise.all([countWithStatus(db, 'pending'), listAwaitingModeration(db, 5)])
 */
export { countWithStatus, listAwaitingModeration, type AwaitingComment } from './comment.store.js'
export { submitComment, CommentRefused, emailHashOf, type CommentDeps, type CommentInput, type Submitted } from './submit-comment.js'
export { moderateComments, editComment, replyAsStaff, type ModerationDeps, type ModerationResult, type Actor } from './moderate-comment.js'
export { exportCommenterData, eraseCommenter, type CommenterExport, type ErasureMode, type ErasureReport } from './privacy.js'
export {
  backgroundMailer, confirmAddress, unsubscribeAddress, type Mailer, type MailMessage, type MailQueue,
} from './notifications.js'
