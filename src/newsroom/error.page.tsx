// The newsroom's error page: what went wrong in plain words, and where to go next.
import { NewsroomLayout, type Chrome } from './layout.js'

export function NewsroomErrorPage({ chrome, status, message }: { chrome: Chrome; status: number; message: string }) {
  const title = status === 404 ? 'Not found' : status === 403 ? 'Not allowed' : status === 429 ? 'Too many attempts' : status >= 500 ? 'Something went wrong' : 'That did not work'
  return (
    <NewsroomLayout chrome={chrome} title={title}>
      <p class="nr-error">{message}</p>
      <p>{chrome.staff ? <a href="/newsroom/">Back to the newsroom</a> : <a href="/newsroom/sign-in">Sign in</a>}</p>
    </NewsroomLayout>
  )
}
