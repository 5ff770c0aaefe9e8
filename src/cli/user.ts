// `dateline user create --email --name --role [--password-file f]`: staff accounts from the command line.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Services } from '../app.js'
import { DomainError } from '../platform/errors.js'
import { createStaffUser, isRole, roles } from '../identity/index.js'

export const userUsage = `Usage: dateline user create --email <email> --name <name> --role <${roles.join('|')}> [--password-file <file>]
  Without --password-file the password is asked for on the terminal (not echoed), twice.`

/** Reads a line from the terminal without echoing it; from a pipe, reads the first line. */
export async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin
  if (!stdin.isTTY) {
    let data = ''
    for await (const chunk of stdin) {
      data += String(chunk)
      if (data.includes('\n')) break
    }
    return data.split(/\r?\n/)[0] ?? ''
  }
  return new Promise((resolve, reject) => {
    let value = ''
    // Echo off before the prompt shows, so nothing typed after it can appear on screen.
    stdin.setRawMode(true)
    process.stderr.write(question)
    stdin.resume()
    stdin.setEncoding('utf8')
    const done = (err?: Error) => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.removeListener('data', onData)
      process.stderr.write('\n')
      if (err) reject(err)
      else resolve(value)
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done()
        if (ch === '\u0003') return done(new Error('Cancelled'))
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('')
        else if (ch >= ' ') value += ch
      }
    }
    stdin.on('data', onData)
  })
}

export async function userCommand(services: Pick<Services, 'db' | 'clock'>, args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'create') {
    console.error(userUsage)
    return 2
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-file': { type: 'string' } },
  })
  if (!values.email || !values.name || !values.role) {
    console.error(userUsage)
    return 2
  }
  if (!isRole(values.role)) {
    console.error(`--role must be one of ${roles.join(', ')}`)
    return 2
  }
  let password: string
  if (values['password-file']) {
    // The first line only, so a trailing newline from `echo … > file` is not part of the password.
    password = readFileSync(values['password-file'], 'utf8').split(/\r?\n/)[0] ?? ''
  } else {
    password = await promptHidden('Password: ')
    if (process.stdin.isTTY && (await promptHidden('Repeat password: ')) !== password) {
      console.error('The passwords differ; nothing was created.')
      return 1
    }
  }
  try {
    const user = await createStaffUser(services, { email: values.email, name: values.name, role: values.role, password }, null)
    console.log(`Created ${user.role} ${user.name} <${user.email}> (id ${user.id}).`)
    return 0
  } catch (err) {
    if (err instanceof DomainError) {
      console.error(err.message)
      return 1
    }
    throw err
  }
}
