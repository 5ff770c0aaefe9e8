// Pages for signing in and out, first-run setup, password reset, invitations and one's own account.
import type { FieldIssue } from '../platform/errors.js'
import { passwordLimits, roleLabels, staffLimits, type Role } from '../identity/index.js'
import { CsrfField } from './csrf.js'
import { NewsroomLayout, Field, FormErrors, describedBy, type Chrome } from './layout.js'

const passwordHint = `At least ${passwordLimits.min} characters; a few unrelated words make a good one.`

function EmailInput({ value = '', issues, autocomplete = 'username' }: { value?: string | undefined; issues: readonly FieldIssue[]; autocomplete?: string }) {
  return (
    <Field id="email" label="Email" issues={issues}>
      <input id="email" name="email" type="email" required maxlength={staffLimits.email} autocomplete={autocomplete}
        value={value} {...describedBy('email', issues)} />
    </Field>
  )
}

function PasswordInput({ id = 'password', label = 'Password', issues, autocomplete, hint }: {
  id?: string; label?: string; issues: readonly FieldIssue[]; autocomplete: 'current-password' | 'new-password'; hint?: string | undefined
}) {
  const isNew = autocomplete === 'new-password'
  return (
    <Field id={id} label={label} issues={issues} hint={hint}>
      <input id={id} name={id} type="password" required autocomplete={autocomplete}
        minlength={isNew ? passwordLimits.min : undefined} maxlength={passwordLimits.max} {...describedBy(id, issues, Boolean(hint))} />
    </Field>
  )
}

function NameInput({ value = '', issues }: { value?: string | undefined; issues: readonly FieldIssue[] }) {
  return (
    <Field id="name" label="Name" issues={issues} hint="As it appears to colleagues in the newsroom.">
      <input id="name" name="name" type="text" required maxlength={staffLimits.name} autocomplete="name" value={value} {...describedBy('name', issues, true)} />
    </Field>
  )
}

export interface SignInView {
  chrome: Chrome
  email?: string | undefined
  next?: string | undefined
  /** Shown above the form: the one answer for a wrong email or password, or the throttling notice. */
  problem?: string | undefined
  notice?: string | undefined
}

export function SignInPage({ chrome, email, next, problem, notice }: SignInView) {
  return (
    <NewsroomLayout chrome={chrome} title="Sign in" notice={notice}>
      {problem && <p class="nr-errors" role="alert">{problem}</p>}
      <form method="post" action="/newsroom/sign-in" class="nr-form nr-form--narrow">
        <CsrfField token={chrome.csrf} />
        {next && <input type="hidden" name="next" value={next} />}
        <EmailInput value={email} issues={[]} />
        <PasswordInput issues={[]} autocomplete="current-password" />
        <button type="submit" class="nr-button">Sign in</button>
      </form>
      <p><a href="/newsroom/forgot-password">Forgot your password?</a></p>
    </NewsroomLayout>
  )
}

export interface SetupView {
  chrome: Chrome
  /** False only for a browser on the server's own machine (see setupCodeWaived). */
  askCode: boolean
  setupCode?: string
  email?: string
  name?: string
  issues?: readonly FieldIssue[]
  /** A wrong or missing setup code, or the throttling notice. */
  problem?: string | undefined
}

export function SetupPage({ chrome, askCode, setupCode = '', email, name, issues = [], problem }: SetupView) {
  return (
    <NewsroomLayout chrome={chrome} title="Set up the newsroom">
      <p>Create the first administrator. This page closes once there is one.</p>
      {problem && <p class="nr-errors" role="alert">{problem}</p>}
      <FormErrors issues={issues} />
      <form method="post" action="/newsroom/setup" class="nr-form nr-form--narrow">
        <CsrfField token={chrome.csrf} />
        {askCode && (
          <Field id="setupCode" label="Setup code" issues={issues}
            hint="The server printed it to its log when it started, in a line beginning “No administrator yet”. Run dateline setup-code on the server to see it again.">
            <input id="setupCode" name="setupCode" type="text" required maxlength={40} autocomplete="off" spellcheck={false} autocapitalize="characters"
              value={setupCode} {...describedBy('setupCode', issues, true)} />
          </Field>
        )}
        <NameInput value={name} issues={issues} />
        <EmailInput value={email} issues={issues} />
        <PasswordInput issues={issues} autocomplete="new-password" hint={passwordHint} />
        <button type="submit" class="nr-button">Create administrator</button>
      </form>
    </NewsroomLayout>
  )
}

export function ForgotPasswordPage({ chrome, sent, email }: { chrome: Chrome; sent: boolean; email?: string | undefined }) {
  return (
    <NewsroomLayout chrome={chrome} title="Reset your password">
      {sent
        ? <p role="status" class="nr-notice">If {email ? <strong>{email}</strong> : 'that address'} belongs to a newsroom account, a link to choose a new password is on its way. It works once, for one hour.</p>
        : <p>Enter the email of your newsroom account and we will send you a link to choose a new password.</p>}
      <form method="post" action="/newsroom/forgot-password" class="nr-form nr-form--narrow">
        <CsrfField token={chrome.csrf} />
        <EmailInput value={email} issues={[]} />
        <button type="submit" class="nr-button">Send reset link</button>
      </form>
      <p><a href="/newsroom/sign-in">Back to sign in</a></p>
    </NewsroomLayout>
  )
}

export function ResetPasswordPage({ chrome, token, valid, issues = [] }: { chrome: Chrome; token: string; valid: boolean; issues?: readonly FieldIssue[] }) {
  return (
    <NewsroomLayout chrome={chrome} title="Choose a new password">
      {!valid
        ? <p class="nr-error">This link has expired or has already been used. <a href="/newsroom/forgot-password">Ask for a new one</a>.</p>
        : (
          <>
            <FormErrors issues={issues} />
            <form method="post" action={`/newsroom/reset-password/${encodeURIComponent(token)}`} class="nr-form nr-form--narrow">
              <CsrfField token={chrome.csrf} />
              <PasswordInput issues={issues} autocomplete="new-password" label="New password" hint={passwordHint} />
              <button type="submit" class="nr-button">Set new password</button>
            </form>
          </>
        )}
    </NewsroomLayout>
  )
}

export function InvitationPage({ chrome, token, invitation, name, issues = [] }: {
  chrome: Chrome; token: string; invitation?: { email: string; role: Role } | undefined; name?: string; issues?: readonly FieldIssue[]
}) {
  return (
    <NewsroomLayout chrome={chrome} title="Join the newsroom">
      {!invitation
        ? <p class="nr-error">This invitation has expired or has already been used. Ask an administrator for a new one.</p>
        : (
          <>
            <p>You are invited as <strong>{roleLabels[invitation.role]}</strong> with the email <strong>{invitation.email}</strong>.</p>
            <FormErrors issues={issues} />
            <form method="post" action={`/newsroom/invitations/${encodeURIComponent(token)}`} class="nr-form nr-form--narrow">
              <CsrfField token={chrome.csrf} />
              <NameInput value={name} issues={issues} />
              <PasswordInput issues={issues} autocomplete="new-password" hint={passwordHint} />
              <button type="submit" class="nr-button">Join the newsroom</button>
            </form>
          </>
        )}
    </NewsroomLayout>
  )
}

export function AccountPage({ chrome, sessions, notice, issues = [] }: { chrome: Chrome; sessions: number; notice?: string | undefined; issues?: readonly FieldIssue[] }) {
  const staff = chrome.staff!
  return (
    <NewsroomLayout chrome={chrome} title="Your account" current="account" notice={notice}>
      <p>{staff.name} · {staff.email} · {roleLabels[staff.role]}</p>
      <section aria-labelledby="password-heading" class="nr-panel">
        <h2 id="password-heading">Change password</h2>
        <p>Changing your password signs you out on every other device.</p>
        <FormErrors issues={issues} />
        <form method="post" action="/newsroom/account/password" class="nr-form nr-form--narrow">
          <CsrfField token={chrome.csrf} />
          <input type="text" name="username" autocomplete="username" value={staff.email} hidden />
          <PasswordInput id="currentPassword" label="Current password" issues={issues} autocomplete="current-password" />
          <PasswordInput id="newPassword" label="New password" issues={issues} autocomplete="new-password" hint={passwordHint} />
          <button type="submit" class="nr-button">Change password</button>
        </form>
      </section>
      <section aria-labelledby="sessions-heading" class="nr-panel">
        <h2 id="sessions-heading">Sessions</h2>
        <p>You are signed in on {sessions === 1 ? 'this device only' : `${sessions} devices or browsers, this one included`}.</p>
        <form method="post" action="/newsroom/sign-out-everywhere">
          <CsrfField token={chrome.csrf} />
          <button type="submit" class="nr-button nr-button--quiet">Sign out everywhere</button>
        </form>
      </section>
    </NewsroomLayout>
  )
}
