import type { SandboxContext, SandboxPlugin } from '../context';
import type { AppRecord } from '../model';
import type { SandboxRequest, SandboxResponse } from '../router';
import { errorPage, signInPage, signInsOf } from '../oauth/sign-in';
import { autoPostPage, buildSsoPost } from './respond';
import { parseAuthnRequest, type AuthnRequestInfo } from './saml-request';

const html = (status: number, text: string, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  text,
  contentType: 'text/html; charset=utf-8',
  headers,
});

/** Fields the sign-in form carries back so the SSO request survives the sign-in. */
const CARRIED = ['SAMLRequest', 'RelayState', 'binding'] as const;

/**
 * SAML IdP: IdP-initiated SSO at the app's embed link and SP-initiated SSO (Redirect and POST
 * bindings) at the IdP SSO URL. A user without a session signs in on a sandbox page first.
 */
export const ssoPlugin: SandboxPlugin = {
  name: 'sso',
  install(ctx) {
    const byEmbedLink = (req: SandboxRequest): AppRecord | undefined => {
      const app = ctx.state.apps.get(req.params.appId ?? '');
      return app !== undefined && app.name === req.params.appName && app.appLinkId === req.params.appLinkId
        ? app
        : undefined;
    };
    const byEntityKey = (req: SandboxRequest): AppRecord | undefined =>
      [...ctx.state.apps.values()].find((a) => a.entityKey === req.params.entityKey && a.name === req.params.appName);
    ctx.router.add(
      {
        method: 'GET',
        path: '/home/{appName}/{appId}/{appLinkId}',
        auth: 'none',
        handler: (req) => sso(ctx, req, byEmbedLink(req)),
      },
      {
        method: 'POST',
        path: '/home/{appName}/{appId}/{appLinkId}',
        auth: 'none',
        mutating: false,
        handler: (req) => sso(ctx, req, byEmbedLink(req)),
      },
      {
        method: 'GET',
        path: '/app/{appName}/{entityKey}/sso/saml',
        auth: 'none',
        handler: (req) => sso(ctx, req, byEntityKey(req)),
      },
      {
        method: 'POST',
        path: '/app/{appName}/{entityKey}/sso/saml',
        auth: 'none',
        mutating: false,
        handler: (req) => sso(ctx, req, byEntityKey(req)),
      },
    );
  },
};

function sso(ctx: SandboxContext, req: SandboxRequest, app: AppRecord | undefined): SandboxResponse {
  if (app === undefined)
    return html(404, errorPage('404 - Page Not Found', "The page you are looking for can't be found."));
  if (app.signOnMode !== 'SAML_2_0')
    return html(400, errorPage('Sign-on error', `${app.label} does not use SAML 2.0 sign-on.`));
  if (app.status !== 'ACTIVE')
    return html(
      403,
      errorPage(
        'App not active',
        `${app.label} is not active. An administrator must activate it before anyone can sign in.`,
      ),
    );

  const params = req.method === 'POST' ? new URLSearchParams(req.rawBody) : req.query;
  const encoded = params.get('SAMLRequest') ?? undefined;
  const binding =
    params.get('binding') === 'redirect' || (req.method === 'GET' && encoded !== undefined) ? 'redirect' : 'post';
  let authnRequest: AuthnRequestInfo | undefined;
  if (encoded !== undefined) {
    authnRequest = parseAuthnRequest(encoded, binding);
    if (authnRequest === undefined)
      return html(
        400,
        errorPage(
          'Bad request',
          'The SAMLRequest could not be read: it is not a base64 SAML 2.0 AuthnRequest with an ID.',
        ),
      );
  }
  const relayState = params.get('RelayState') ?? defaultRelayState(app);

  const signIns = signInsOf(ctx.state);
  // Okta honours ForceAuthn for apps with honorForceAuthn (its default): the session is not
  // enough, the password is asked for again.
  const reauthenticate = authnRequest?.forceAuthn === true && honorsForceAuthn(app);
  let userId = reauthenticate ? undefined : signIns.userFor(req.headers.cookie);
  let setCookie: Record<string, string> = {};
  const username = params.get('username');
  if (req.method === 'POST' && username !== null) {
    userId = signIns.checkPassword(username, params.get('password') ?? '');
    if (userId === undefined) return html(200, signInForm(req, app, params, 'Unable to sign in', username));
    setCookie = { 'set-cookie': signIns.open(userId) };
  }
  if (userId === undefined) return html(200, signInForm(req, app, params, undefined, undefined));

  const user = ctx.state.users.get(userId);
  const appUser = ctx.state.assignments.getAppUser(app.id, userId);
  if (user === undefined || appUser === undefined) {
    return html(
      403,
      errorPage('403 - User is not assigned to this application', 'User is not assigned to this application'),
      setCookie,
    );
  }
  const groupNames = [...ctx.state.userGroupIds(user.id)].flatMap((id) => {
    const name = ctx.state.groups.get(id)?.profile.name;
    return typeof name === 'string' ? [name] : [];
  });
  const post = buildSsoPost({ app, user, appUser, groupNames, request: authnRequest, relayState });
  return html(200, autoPostPage(post), setCookie);
}

function honorsForceAuthn(app: AppRecord): boolean {
  return (
    (app.body.settings as { signOn?: { honorForceAuthn?: unknown } } | undefined)?.signOn?.honorForceAuthn !== false
  );
}

function defaultRelayState(app: AppRecord): string | undefined {
  const value = (app.body.settings as { signOn?: { defaultRelayState?: unknown } } | undefined)?.signOn
    ?.defaultRelayState;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function signInForm(
  req: SandboxRequest,
  app: AppRecord,
  params: URLSearchParams,
  error: string | undefined,
  username: string | undefined,
): string {
  const hidden: Record<string, string> = {};
  for (const name of CARRIED) {
    const value = params.get(name);
    if (value !== null) hidden[name] = value;
  }
  if (req.method === 'GET' && hidden.SAMLRequest !== undefined) hidden.binding = 'redirect';
  return signInPage({
    title: `Sign in to ${app.label}`,
    action: req.url.pathname,
    hidden,
    ...(error === undefined ? {} : { error }),
    ...(username === undefined ? {} : { username }),
  });
}
