// Outgoing mail: nodemailer over SMTP when SMTP_URL is set, otherwise an in-memory outbox for development.
import type { Config } from '../../config/index.js'

export interface MailMessage {
  to: string | string[]
  subject: string
  text: string
  html?: string
}

export interface Mailer {
  /** 'smtp' delivers for real; 'outbox' keeps messages in memory (development, tests, a site with no SMTP yet). */
  readonly kind: 'smtp' | 'outbox'
  send(message: MailMessage): Promise<void>
  /** The last messages the outbox kept, oldest first; always empty for SMTP, which keeps nothing. */
  sent(): readonly MailMessage[]
}

const outboxSize = 50

/**
 * The mailer for this configuration.
 * @example await deps.mail.send({ to: 'ed@example.org', subject: 'You are invited', text: link })
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, log: { debug(obj: object, msg: string): void }): Mailer {
  if (config.smtpUrl) {
    const smtpUrl = config.smtpUrl
    let transport: Promise<import('nodemailer').Transporter> | undefined
    return {
      kind: 'smtp',
      async send(message) {
        transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl))
        await (await transport).sendMail({ from: config.mailFrom, ...message })
      },
      sent: () => [],
    }
  }
  const kept: MailMessage[] = []
  return {
    kind: 'outbox',
    async send(message) {
      // Addresses are personal data: the log says that mail went out, not to whom.
      log.debug({ subject: message.subject }, 'mail would be sent to <redacted> (no SMTP_URL configured)')
      kept.push(message)
      if (kept.length > outboxSize) kept.shift()
    },
    sent: () => kept,
  }
}
