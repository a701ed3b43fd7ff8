import { randomBytes } from 'node:crypto';
import { escapeXml as escapeHtml } from '../../saml/xml-escape';
import type { OrgState } from '../state';

/** The sandbox's sign-in session cookie, shared by OAuth /authorize and SAML SSO as Okta's `sid` is. */
export const SESSION_COOKIE = 'sid';

/** What every sandbox user signs in with until a test or the practice seed sets another. */
export const SANDBOX_PASSWORD = 'Sandbox-Passw0rd!';

/**
 * The org's sign-in state: passwords and sessions. One per org, shared by OAuth /authorize and
 * SAML SSO, as Okta's org session is.
 */
export class SignIns {
  private readonly sessions = new Map<string, string>();
  private readonly passwords = new Map<string, string>();

  constructor(private readonly org: OrgState) {}

  setPassword(userId: string, password: string): void {
    this.passwords.set(userId, password);
  }

  /** The user id for a login and password; undefined when either is wrong or the user is not ACTIVE. */
  checkPassword(login: string, password: string): string | undefined {
    const user = this.org.getUser(login);
    if (user === undefined || user.status !== 'ACTIVE') return undefined;
    return this.passwordMatches(user.id, password) ? user.id : undefined;
  }

  /** Whether the password is the user's, whatever the user's status (the Authentication API answers by status). */
  passwordMatches(userId: string, password: string): boolean {
    return (this.passwords.get(userId) ?? SANDBOX_PASSWORD) === password;
  }

  /** Opens a session and returns its Set-Cookie value. */
  open(userId: string): string {
    const sid = randomBytes(24).toString('base64url');
    this.sessions.set(sid, userId);
    return `${SESSION_COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Lax`;
  }

  userFor(cookieHeader: string | undefined): string | undefined {
    const sid = readCookie(cookieHeader, SESSION_COOKIE);
    const userId = sid === undefined ? undefined : this.sessions.get(sid);
    return userId !== undefined && this.org.users.get(userId)?.status === 'ACTIVE' ? userId : undefined;
  }
}

const byOrg = new WeakMap<OrgState, SignIns>();

export function signInsOf(org: OrgState): SignIns {
  let signIns = byOrg.get(org);
  if (signIns === undefined) {
    signIns = new SignIns(org);
    byOrg.set(org, signIns);
  }
  return signIns;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export interface SignInPageOptions {
  title: string;
  /** Where the form posts; the hidden fields carry the original request on. */
  action: string;
  hidden: Record<string, string>;
  error?: string;
  username?: string;
}

/** A plain sign-in page (username + password), the sandbox's stand-in for Okta's hosted widget. */
export function signInPage(options: SignInPageOptions): string {
  const hidden = Object.entries(options.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  const error = options.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(options.error)}</p>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title></head>
<body>
  <main>
    <h1>Sign In</h1>
    <p>${escapeHtml(options.title)}</p>
    ${error}
    <form method="post" action="${escapeHtml(options.action)}">
      ${hidden}
      <label>Username <input name="username" id="okta-signin-username" autocomplete="username" value="${escapeHtml(options.username ?? '')}" required></label>
      <label>Password <input name="password" id="okta-signin-password" type="password" autocomplete="current-password" required></label>
      <button type="submit" id="okta-signin-submit">Sign In</button>
    </form>
    <p id="sandbox-hint">This is the practice (sandbox) org: every user signs in with the password ${escapeHtml(SANDBOX_PASSWORD)}.</p>
  </main>
  <script>
    // Like Okta's sign-in, keep the page's fragment (a console tab) through the sign-in: it never reaches the server.
    for (const form of document.forms) if (location.hash && !form.action.includes('#')) form.action += location.hash;
  </script>
</body>
</html>`;
}

export function errorPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p id="error-message">${escapeHtml(message)}</p></main></body>
</html>`;
}
