// The newsroom's front page: a greeting and the places this role may go.
import { roleAtLeast, roleLabels } from '../identity/index.js'
import { NewsroomLayout, newsroomNav, type Chrome } from './layout.js'

export function DashboardPage({ chrome }: { chrome: Chrome }) {
  const staff = chrome.staff!
  const places = newsroomNav.filter((item) => roleAtLeast(staff.role, item.role))
  return (
    <NewsroomLayout chrome={chrome} title="Newsroom" current="dashboard">
      <p>Signed in as {staff.name} ({roleLabels[staff.role]}).</p>
      <ul class="nr-cards">
        {places.map((p) => <li><a class="nr-card" href={p.href}>{p.label}</a></li>)}
        <li><a class="nr-card" href="/newsroom/account">Your account</a></li>
      </ul>
    </NewsroomLayout>
  )
}
