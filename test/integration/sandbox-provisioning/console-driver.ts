import { createServer, type AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, samlAppBody } from '../../support/sandbox';

export const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** A custom SAML app whose app user schema has Courier's `role`, mapped to SCIM's core namespace. */
export async function customAppWithRole(
  org: SandboxOrg,
  label: string,
): Promise<{ id: string; name: string; label: string }> {
  const created = await api<{ id: string; name: string; label: string }>(org, 'POST', '/api/v1/apps', {
    body: samlAppBody(label),
  });
  expect(created.status).toBe(200);
  const schema = await api(org, 'POST', `/api/v1/meta/schemas/apps/${created.body.id}/default`, {
    body: {
      definitions: {
        custom: {
          id: '#custom',
          type: 'object',
          properties: {
            role: {
              title: 'Role',
              type: 'string',
              enum: ['ADMINISTRATOR', 'ANALYST'],
              externalName: 'role',
              externalNamespace: CORE,
              scope: 'NONE',
            },
          },
        },
      },
    },
  });
  expect(schema.status).toBe(200);
  return created.body;
}

/** The console's Provisioning tab, driven as a browser would: sign in, then post the form. */
export async function consoleSession(
  org: SandboxOrg,
  app: { id: string; name: string },
): Promise<{ url: string; cookie: string }> {
  const url = `${org.url}/admin/app/${app.name}/instance/${app.id}/provisioning`;
  const signIn = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: org.adminLogin, password: SANDBOX_PASSWORD }).toString(),
    redirect: 'manual',
  });
  expect(signIn.status).toBe(302);
  return { url, cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

export async function postConsole(
  session: { url: string; cookie: string },
  fields: Record<string, string>,
): Promise<string> {
  const res = await fetch(session.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
    body: new URLSearchParams(fields).toString(),
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The Integration and To App fields as an admin fills them for HTTP Header auth. */
export const integration = (baseUrl: string, token: string): Record<string, string> => ({
  scimEnabled: 'on',
  baseUrl,
  uniqueIdentifierField: 'userName',
  pushNewUsers: 'on',
  pushProfileUpdates: 'on',
  authMode: 'HEADER',
  token,
  toAppSection: '1',
  createUsers: 'on',
  updateUserAttributes: 'on',
  deactivateUsers: 'on',
});

/** A loopback port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
