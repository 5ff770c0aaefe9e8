// The Users page: staff accounts with their roles, open invitations, and the invitation form.
import type { FieldIssue } from '../platform/errors.js'
import { roleLabels, roles, staffLimits, type Invitation, type StaffUser } from '../identity/index.js'
import { formatDateTime } from '../ui/index.js'
import { CsrfField } from './csrf.js'
import { NewsroomLayout, Field, FormErrors, describedBy, type Chrome } from './layout.js'

export interface UsersView {
  chrome: Chrome
  users: StaffUser[]
  invitations: Invitation[]
  notice?: string | undefined
  invite?: { email: string; role: string; issues: readonly FieldIssue[] } | undefined
}

function RoleOptions({ selected }: { selected: string }) {
  return <>{roles.map((r) => <option value={r} selected={r === selected}>{roleLabels[r]}</option>)}</>
}

export function UsersPage({ chrome, users, invitations, notice, invite }: UsersView) {
  const me = chrome.staff!
  const issues = invite?.issues ?? []
  return (
    <NewsroomLayout chrome={chrome} title="Users" current="users" notice={notice}>
      <section aria-labelledby="invite-heading" class="nr-panel">
        <h2 id="invite-heading">Invite a colleague</h2>
        <p>They get an email with a link to choose their name and password; it works once, for 7 days.</p>
        <FormErrors issues={issues} />
        <form method="post" action="/newsroom/users/invite" class="nr-form nr-form--narrow">
          <CsrfField token={chrome.csrf} />
          <Field id="email" label="Email" issues={issues}>
            <input id="email" name="email" type="email" required maxlength={staffLimits.email} value={invite?.email ?? ''} {...describedBy('email', issues)} />
          </Field>
          <Field id="role" label="Role" issues={issues}>
            <select id="role" name="role" {...describedBy('role', issues)}><RoleOptions selected={invite?.role ?? 'contributor'} /></select>
          </Field>
          <button type="submit" class="nr-button">Send invitation</button>
        </form>
      </section>

      {invitations.length > 0 && (
        <section aria-labelledby="invitations-heading" class="nr-panel">
          <h2 id="invitations-heading">Open invitations</h2>
          <table class="nr-table">
            <thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Expires</th><th scope="col">Withdraw</th></tr></thead>
            <tbody>
              {invitations.map((i) => (
                <tr>
                  <td>{i.email}</td><td>{roleLabels[i.role]}</td><td>{formatDateTime(i.expiresAt, chrome.timeZone)}</td>
                  <td>
                    <form method="post" action={`/newsroom/users/invitations/${i.id}/revoke`}>
                      <CsrfField token={chrome.csrf} />
                      <button type="submit" class="nr-button nr-button--danger">Withdraw invitation<span class="visually-hidden"> for {i.email}</span></button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">Staff</h2>
        <table class="nr-table">
          <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>{u.name}{u.id === me.id && <span class="nr-muted"> (you)</span>}</td>
                <td>{u.email}</td>
                <td>
                  <form method="post" action={`/newsroom/users/${u.id}/role`}>
                    <CsrfField token={chrome.csrf} />
                    <label for={`role-${u.id}`} class="visually-hidden">Role of {u.name}</label>
                    <select id={`role-${u.id}`} name="role"><RoleOptions selected={u.role} /></select>
                    <button type="submit" class="nr-button nr-button--quiet">Change role<span class="visually-hidden"> of {u.name}</span></button>
                  </form>
                </td>
                <td>
                  <form method="post" action={`/newsroom/users/${u.id}/active`}>
                    <CsrfField token={chrome.csrf} />
                    <span>{u.active ? 'Active' : 'Deactivated'}</span>
                    {u.id !== me.id && (
                      <>
                        <input type="hidden" name="active" value={u.active ? '0' : '1'} />
                        <button type="submit" class={`nr-button ${u.active ? 'nr-button--danger' : 'nr-button--quiet'}`}>
                          {u.active ? 'Deactivate' : 'Reactivate'}<span class="visually-hidden"> {u.name}</span>
                        </button>
                      </>
                    )}
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </NewsroomLayout>
  )
}
