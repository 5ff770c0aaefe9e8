// Mail goes out over SMTP when SMTP_URL is set, and into the in-memory outbox when it is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'
import { createMailer } from '../../src/platform/mail/index.js'

describe('mailer', () => {
  const received: { to: string[]; data: string }[] = []
  let server: SMTPServer
  let port = 0
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, done) {
        let data = ''
        stream.on('data', (c: Buffer) => { data += c.toString() })
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data })
          done()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.server.address() as AddressInfo).port
  })
  afterAll(async () => { await new Promise<void>((resolve) => server.close(() => resolve())) })

  it('delivers through SMTP and keeps nothing in memory', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Desk <desk@courier.test>' }, { debug: () => {} })
    await mailer.send({ to: 'ed@courier.test', subject: 'You are invited', text: 'Follow the link.' })
    expect(mailer.kind).toBe('smtp')
    expect(received.at(-1)?.to).toEqual(['ed@courier.test'])
    expect(received.at(-1)?.data).toContain('Subject: You are invited')
    expect(mailer.sent()).toEqual([])
  })

  it('keeps the last messages in the outbox without logging the address', async () => {
    const logged: string[] = []
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: 'x' }, { debug: (obj, msg) => logged.push(JSON.stringify(obj) + msg) })
    for (let i = 0; i < 60; i++) await mailer.send({ to: `reader${i}@courier.test`, subject: `n${i}`, text: '' })
    expect(mailer.kind).toBe('outbox')
    expect(mailer.sent()).toHaveLength(50)
    expect(mailer.sent()[0]?.subject).toBe('n10')
    expect(logged.join('\n')).not.toContain('@courier.test')
  })
})
