import okta from '@okta/okta-sdk-nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOAuthClients, SEED_SERVICE_CLIENT_ID } from '../../../src-main/sandbox/oauth/clients';
import { oauthStateOf } from '../../../src-main/sandbox/oauth/index';
import { createSandboxOrg, type SandboxOrg } from '../../../src-main/sandbox/server';
import { newRsaKey } from './proofs';

let org: SandboxOrg;
beforeAll(async () => {
  org = await createSandboxOrg();
  const created = await fetch(`${org.url}/api/v1/apps`, {
    method: 'POST',
    headers: { authorization: `SSWS ${org.apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'bookmark',
      label: 'Vendor Portal',
      signOnMode: 'BOOKMARK',
      settings: { app: { url: 'https://vendor.example/login', requestIntegration: false } },
    }),
  });
  expect(created.status).toBe(200);
});
afterAll(async () => {
  await org.close();
});

/** An SDK client in PrivateKey mode for `clientId`, whose public key the sandbox now knows. */
function sdkClientFor(clientId: string, kid: string): okta.Client {
  const key = newRsaKey(kid);
  oauthStateOf(org.state).registerClientJwk(clientId, key.publicJwk);
  const privateJwk = { ...key.privateKey.export({ format: 'jwk' }), kid };
  return new okta.Client({
    orgUrl: org.url,
    authorizationMode: 'PrivateKey',
    clientId,
    scopes: ['okta.apps.read'],
    privateKey: JSON.stringify(privateJwk),
    keyId: kid,
  });
}

async function labels(client: okta.Client): Promise<string[]> {
  const found: string[] = [];
  for await (const app of await client.applicationApi.listApplications()) if (app) found.push(app.label ?? '');
  return found;
}

describe('@okta/okta-sdk-nodejs in PrivateKey mode', () => {
  it('does the DPoP nonce dance with the seeded service app and lists apps with a DPoP token', async () => {
    const before = org.requestLog().length;
    expect(await labels(sdkClientFor(SEED_SERVICE_CLIENT_ID, 'sdk-dpop'))).toEqual(['Vendor Portal']);
    expect(
      org
        .requestLog()
        .slice(before)
        .map((e) => `${e.method} ${e.path} ${e.status}`),
    ).toEqual(['POST /oauth2/v1/token 400', 'POST /oauth2/v1/token 200', 'GET /api/v1/apps 200']);
    expect(
      [...org.state.accessTokens.values()].filter((g) => g.clientId === SEED_SERVICE_CLIENT_ID).map((g) => g.tokenType),
    ).toEqual(['DPoP']);
  });

  it('gets a Bearer token from a service app that does not require DPoP', async () => {
    const seed = seedOAuthClients().find((c) => c.clientId === SEED_SERVICE_CLIENT_ID);
    if (seed === undefined) throw new Error('seed service app missing');
    const clientId = '0oasandboxnodpop0001';
    oauthStateOf(org.state).upsertClient({ ...seed, clientId, dpopBoundAccessTokens: false });
    org.state.assignRole(clientId, 'SUPER_ADMIN');
    expect(await labels(sdkClientFor(clientId, 'sdk-bearer'))).toEqual(['Vendor Portal']);
    expect([...org.state.accessTokens.values()].filter((g) => g.clientId === clientId).map((g) => g.tokenType)).toEqual(
      ['Bearer'],
    );
  });
});
