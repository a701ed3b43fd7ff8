import { randomBytes } from 'node:crypto';
import type { HandlersOf } from '../api/channel';
import type { ConnectionStatus, oktaChannels } from '../api/channels-okta';
import type { Client, ClientAuth } from '../api/model';
import { AppError, isAppError } from '../errors';
import type { CallerIdentity } from '../okta/org-api';
import { wizardSteps } from '../steps/registry';
import type { ServiceDeps } from './handlers';

type OktaHandlers = HandlersOf<{ okta: typeof oktaChannels }>['okta'];

const pendingTimeoutMs = 5 * 60_000;

/**
 * Sign-in for a client's org. Credentials are checked against the org before they are kept; a
 * pasted token crosses from the renderer once and is never sent back.
 */
export function createOktaHandlers(deps: ServiceDeps): OktaHandlers {
  const pending = new Map<string, Promise<{ client: Client; identity: CallerIdentity }>>();
  const permissions = () => import('../okta/permissions');
  const flows = () => import('../okta/signin/flows');

  async function describe(identity: CallerIdentity): Promise<ConnectionStatus> {
    const { stepsAllowed, STEP_NEEDS, scopesFor } = await permissions();
    return {
      state: 'signed-in',
      caller: {
        displayName: identity.displayName,
        ...(identity.login ? { login: identity.login } : {}),
        authMethod: identity.authMethod,
        roles: identity.roles.map((r) => ({
          type: r.type,
          label: r.label,
          ...(r.assignmentType ? { assignmentType: r.assignmentType } : {}),
        })),
        ...(identity.scopes ? { scopes: identity.scopes } : {}),
        ...(identity.rolesUnreadable ? { rolesUnreadable: identity.rolesUnreadable } : {}),
      },
      // Only the steps this version can run: a verdict on a step that does not exist yet would only confuse.
      steps: stepsAllowed(identity)
        .filter((v) => wizardSteps[v.step] !== undefined)
        .map((v) => ({
          step: v.step,
          does: STEP_NEEDS[v.step].does,
          allowed: v.allowed,
          missingScopes: v.missingScopes,
          ...(v.missingRole ? { missingRole: v.missingRole } : {}),
        })),
      scopesNeeded: scopesFor(),
    };
  }

  async function failed(error: unknown): Promise<ConnectionStatus> {
    const { scopesFor } = await permissions();
    if (!isAppError(error)) throw error;
    return { state: 'failed', code: error.code, message: error.message, hint: error.hint, scopesNeeded: scopesFor() };
  }

  async function setAuth(client: Client, auth: ClientAuth): Promise<Client> {
    deps.forgetConnection(client.id);
    return deps.workspace.updateClient(client.id, (c) => {
      c.auth = auth;
    });
  }

  async function realOrg(clientId: string): Promise<Client> {
    const client = await deps.workspace.findClient(clientId);
    if (client.sandbox) {
      throw new AppError(
        'SANDBOX_SIGNED_IN',
        'The practice org signs in by itself.',
        'Sign-in methods apply to real Okta orgs; add a client with your org URL to use them.',
      );
    }
    return client;
  }

  return {
    status: async ({ clientId }) => {
      const client = await deps.workspace.findClient(clientId);
      if (client.auth.method === 'none')
        return { state: 'not-signed-in', scopesNeeded: (await permissions()).scopesFor() };
      try {
        return await describe(await (await deps.connect(client)).whoAmI());
      } catch (error) {
        return failed(error);
      }
    },

    useApiToken: async ({ clientId, token }) => {
      const client = await realOrg(clientId);
      const identity = await (await flows()).storeApiToken(client.id, client.orgUrl, token, deps.secrets);
      await setAuth(client, { method: 'api-token' });
      return describe(identity);
    },

    startAdminSignIn: async ({ clientId, oauthClientId }) => {
      const client = await realOrg(clientId);
      const { scopesFor } = await permissions();
      const scopes = scopesFor();
      const signInId = randomBytes(12).toString('hex');
      let announce: (url: string) => void = () => undefined;
      const authorizeUrl = new Promise<string>((resolve) => {
        announce = resolve;
      });
      const signIn = (await flows())
        .signInAdmin(client.id, deps.secrets, {
          orgUrl: client.orgUrl,
          oauthClientId,
          scopes,
          timeoutMs: pendingTimeoutMs,
          openExternal: async (url) => {
            announce(url);
            if (deps.openExternal) await deps.openExternal(url);
          },
        })
        .then(async (identity) => ({
          client: await setAuth(client, { method: 'oauth-pkce', oauthClientId, scopes }),
          identity,
        }));
      pending.set(signInId, signIn);
      const forget = () => setTimeout(() => pending.delete(signInId), pendingTimeoutMs).unref();
      signIn.then(forget, forget);
      const url = await Promise.race([authorizeUrl, signIn.then(() => undefined)]);
      if (url === undefined)
        throw new AppError('OKTA_SIGNIN_SETUP', 'The sign-in ended before it could start.', 'Try again.');
      return { signInId, authorizeUrl: url, openedByApp: deps.openExternal !== undefined };
    },

    finishAdminSignIn: async ({ signInId }) => {
      const signIn = pending.get(signInId);
      if (!signIn)
        throw new AppError(
          'OKTA_SIGNIN_UNKNOWN',
          'That sign-in is no longer waiting.',
          'Start the admin sign-in again.',
        );
      try {
        return await describe((await signIn).identity);
      } finally {
        pending.delete(signInId);
      }
    },

    serviceAppKey: async ({ clientId }) => {
      const client = await realOrg(clientId);
      return (await flows()).serviceAppPublicKey(client.id, deps.secrets);
    },

    useServiceApp: async ({ clientId, oauthClientId }) => {
      const client = await realOrg(clientId);
      const jwk = await (await flows()).serviceAppPublicKey(client.id, deps.secrets);
      const auth: ClientAuth = {
        method: 'service-app',
        oauthClientId,
        keyId: jwk.kid,
        scopes: (await permissions()).scopesFor(),
      };
      const trial = { ...client, auth };
      deps.forgetConnection(client.id);
      // Proven before it is kept: a wrong client id or an unpasted key leaves the old sign-in in place.
      const identity = await (await deps.connect(trial)).whoAmI();
      await setAuth(client, auth);
      return describe(identity);
    },

    signOut: async ({ clientId }) => {
      const client = await realOrg(clientId);
      if (client.auth.method === 'oauth-pkce')
        await (await flows()).signOutAdmin(client.id, client.orgUrl, deps.secrets);
      if (client.auth.method === 'api-token') await deps.secrets.delete(client.id, 'api-token');
      await setAuth(client, { method: 'none' });
      return { state: 'not-signed-in', scopesNeeded: (await permissions()).scopesFor() };
    },
  };
}
