// `dateline setup-code`: prints the code first-run setup asks for, the same one the server logged and every instance accepts.
import type { Services } from '../app.js'
import { ensureSetupCode } from '../identity/index.js'

export async function setupCodeCommand({ db, config }: Pick<Services, 'db' | 'config'>): Promise<number> {
  const code = await ensureSetupCode(db)
  if (!code) {
    console.error(`The newsroom already has an administrator, so there is no setup code: sign in at ${config.siteUrl}/newsroom/sign-in`)
    return 1
  }
  // The code alone on stdout, so a script can take it; the how-to on stderr, for the person at the terminal.
  console.log(code)
  console.error(`Open ${config.siteUrl}/newsroom/setup and enter it to create the first administrator.`)
  return 0
}
