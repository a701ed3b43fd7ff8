import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../src-main/sandbox/server';
import { findOperation, validateRequest, validateResponse } from '../support/openapi-contract';
import { api, bookmarkAppBody, samlAppBody, startSandbox, type ApiAnswer } from '../support/sandbox';
import { startTestCa } from '../support/test-ca';

type Json = Record<string, unknown>;

let org: SandboxOrg;
let samlApp: Json;
let groupId: string;
let userIds: string[];

/** Sends one request and returns it with every contract violation of request and response. */
async function exchange<T = Json>(
  method: string,
  path: string,
  options: Parameters<typeof api>[3] = {},
): Promise<ApiAnswer<T> & { violations: string[] }> {
  const answer = await api<T>(org, method, path, options);
  const requestViolations =
    options.body === undefined || typeof options.body === 'string'
      ? validateRequest(method, path)
      : validateRequest(method, path, options.body);
  const body = answer.text === '' ? undefined : answer.body;
  return {
    ...answer,
    violations: [
      ...requestViolations,
      ...validateResponse(method, path, answer.status, answer.headers.get('content-type'), body),
    ],
  };
}

beforeAll(async () => {
  org = await startSandbox();
  samlApp = (await api<Json>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Contract SAML') })).body;
  const groups = await api<Json[]>(org, 'GET', '/api/v1/groups?q=Engineering');
  groupId = String(groups.body[0]?.id);
  const users = await api<Json[]>(org, 'GET', '/api/v1/users?limit=5');
  userIds = users.body.map((u) => String(u.id));
});

describe('sandbox apps conform to the Okta Management API contract', () => {
  it('creates a custom SAML app (request and response)', async () => {
    const created = await exchange('POST', '/api/v1/apps?activate=true', { body: samlAppBody('Contract SAML 2') });
    expect(created.status).toBe(200);
    expect(created.violations).toEqual([]);
  });

  it('creates a bookmark app', async () => {
    const created = await exchange('POST', '/api/v1/apps', { body: bookmarkAppBody('Contract Bookmark') });
    expect(created.status).toBe(200);
    expect(created.violations).toEqual([]);
  });

  it.each([
    ['millie', { slugName: 'acme-corp' }],
    ['mixpanel', {}],
  ])('creates the %s catalog app', async (name, app) => {
    const body = {
      name,
      label: `Contract ${name}`,
      signOnMode: 'SAML_2_0',
      settings: {
        app,
        signOn: {
          allowMultipleAcsEndpoints: false,
          assertionSigned: true,
          honorForceAuthn: true,
          requestCompressed: false,
          responseSigned: true,
        },
      },
    };
    const created = await exchange('POST', '/api/v1/apps', { body });
    expect(created.status).toBe(200);
    expect(created.violations).toEqual([]);
  });

  it('lists apps with q, filter and limit', async () => {
    const listed = await exchange<Json[]>('GET', '/api/v1/apps?q=Contract&filter=status%20eq%20%22ACTIVE%22&limit=2');
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(2);
    expect(listed.violations).toEqual([]);
  });

  it('reads, replaces, deactivates, activates and deletes an app', async () => {
    const id = String(samlApp.id);
    const read = await exchange<Json>('GET', `/api/v1/apps/${id}`);
    expect(read.violations).toEqual([]);
    const replaced = await exchange('PUT', `/api/v1/apps/${id}`, {
      body: { ...samlAppBody('Contract SAML renamed'), name: samlApp.name },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.violations).toEqual([]);
    const throwaway = (await api<Json>(org, 'POST', '/api/v1/apps', { body: bookmarkAppBody('Contract throwaway') }))
      .body;
    const refused = await exchange('DELETE', `/api/v1/apps/${String(throwaway.id)}`);
    expect([refused.status, refused.violations]).toEqual([403, []]);
    const deactivated = await exchange('POST', `/api/v1/apps/${String(throwaway.id)}/lifecycle/deactivate`);
    expect([deactivated.status, deactivated.violations]).toEqual([200, []]);
    const activated = await exchange('POST', `/api/v1/apps/${String(throwaway.id)}/lifecycle/activate`);
    expect([activated.status, activated.violations]).toEqual([200, []]);
    await api(org, 'POST', `/api/v1/apps/${String(throwaway.id)}/lifecycle/deactivate`);
    const deleted = await exchange('DELETE', `/api/v1/apps/${String(throwaway.id)}`);
    expect([deleted.status, deleted.violations]).toEqual([204, []]);
  });

  it('serves signing keys and SAML metadata', async () => {
    const keys = await exchange<Json[]>('GET', `/api/v1/apps/${String(samlApp.id)}/credentials/keys`);
    expect(keys.violations).toEqual([]);
    const key = await exchange(
      'GET',
      `/api/v1/apps/${String(samlApp.id)}/credentials/keys/${String(keys.body[0]?.kid)}`,
    );
    expect(key.violations).toEqual([]);
    const metadata = await exchange('GET', `/api/v1/apps/${String(samlApp.id)}/sso/saml/metadata`, {
      headers: { accept: 'text/xml' },
    });
    expect(metadata.headers.get('content-type')).toBe('text/xml;charset=UTF-8');
    expect(metadata.violations).toEqual([]);
  });
});

describe('sandbox signing key rollover conforms to the contract', () => {
  const path = () => `/api/v1/apps/${String(samlApp.id)}`;

  it('generates a key credential (201 JsonWebKey) that the app does not sign with yet', async () => {
    const before = (await api<Json>(org, 'GET', path())).body;
    const generated = await exchange<Json>('POST', `${path()}/credentials/keys/generate?validityYears=3`);
    expect([generated.status, generated.violations]).toEqual([201, []]);
    expect(generated.body).toMatchObject({ kty: 'RSA', use: 'sig' });
    const years =
      (Date.parse(String(generated.body.expiresAt)) - Date.parse(String(generated.body.created))) / 3.15576e10;
    expect(Math.round(years)).toBe(3);
    const keys = await exchange<Json[]>('GET', `${path()}/credentials/keys`);
    expect(keys.violations).toEqual([]);
    expect(keys.body.map((k) => k.kid)).toContain(generated.body.kid);
    const one = await exchange<Json>('GET', `${path()}/credentials/keys/${String(generated.body.kid)}`);
    expect([one.status, one.violations, one.body.kid]).toEqual([200, [], generated.body.kid]);
    const after = (await api<Json>(org, 'GET', path())).body;
    expect(after.credentials).toEqual(before.credentials);
  });

  it('refuses a validity outside 2 to 10 years with E0000001', async () => {
    for (const years of ['1', '11', 'ten']) {
      const refused = await exchange<Json>('POST', `${path()}/credentials/keys/generate?validityYears=${years}`);
      expect([refused.status, refused.body.errorCode]).toEqual([400, 'E0000001']);
      expect(refused.body.errorCauses).toEqual([
        { errorSummary: 'Validity years out of range. It should be 2 - 10 years' },
      ]);
    }
  });

  it('switches the signing key with a replace naming credentials.signing.kid, and the metadata follows', async () => {
    const generated = (await api<Json>(org, 'POST', `${path()}/credentials/keys/generate?validityYears=2`)).body;
    const app = (await api<Json>(org, 'GET', path())).body;
    // Okta answers unset fields as null but its spec types them as strings: send them back left out.
    const settings = JSON.parse(JSON.stringify(app.settings, (_k, v: unknown) => (v === null ? undefined : v))) as Json;
    const body = {
      name: app.name,
      label: app.label,
      signOnMode: app.signOnMode,
      settings,
      credentials: { ...(app.credentials as Json), signing: { kid: generated.kid } },
    };
    const replaced = await exchange<Json>('PUT', path(), { body });
    expect([replaced.status, replaced.violations]).toEqual([200, []]);
    expect((replaced.body.credentials as Json).signing).toEqual({ kid: generated.kid });
    const metadata = await api(org, 'GET', `${path()}/sso/saml/metadata`, { headers: { accept: 'text/xml' } });
    expect(metadata.text).toContain(`<ds:X509Certificate>${(generated.x5c as string[])[0]}</ds:X509Certificate>`);
    // A replace that leaves credentials.signing out keeps the key in use.
    const { credentials: _dropped, ...withoutCredentials } = body;
    const kept = await api<Json>(org, 'PUT', path(), { body: withoutCredentials });
    expect((kept.body.credentials as Json).signing).toEqual({ kid: generated.kid });
  });

  it('refuses to sign with a kid the app does not have', async () => {
    const app = (await api<Json>(org, 'GET', path())).body;
    const refused = await exchange<Json>('PUT', path(), {
      body: {
        name: app.name,
        label: app.label,
        signOnMode: app.signOnMode,
        settings: app.settings,
        credentials: { signing: { kid: 'not-a-key-of-this-app' } },
      },
    });
    expect([refused.status, refused.body.errorCode]).toEqual([400, 'E0000001']);
    expect((await api<Json>(org, 'GET', path())).body.credentials).toEqual(app.credentials);
  });
});

describe('sandbox app CSRs conform to the contract', () => {
  const csrs = () => `/api/v1/apps/${String(samlApp.id)}/credentials/csrs`;
  const metadata = {
    subject: { countryName: 'US', organizationName: 'Acme Corp', commonName: 'acme.example' },
    subjectAltNames: { dnsNames: ['sso.acme.example'] },
  };
  const ca = startTestCa();
  /** The certificate goes as PEM or base64 text, which the JSON request validator cannot read: only the answer is checked. */
  async function publish(csrId: string, body: string, headers: Record<string, string>) {
    const path = `${csrs()}/${csrId}/lifecycle/publish`;
    const answer = await api<Json>(org, 'POST', path, { body, headers });
    const violations = validateResponse('POST', path, answer.status, answer.headers.get('content-type'), answer.body);
    return { ...answer, violations };
  }

  it('makes a PKCS#10 request with the subject asked for, lists, reads and revokes it', async () => {
    const created = await exchange<Json>('POST', csrs(), { body: metadata });
    expect([created.status, created.violations]).toEqual([201, []]);
    expect(created.body).toMatchObject({ kty: 'RSA', id: expect.stringMatching(/^crs/) });
    const request = forge.pki.certificationRequestFromAsn1(
      forge.asn1.fromDer(forge.util.decode64(String(created.body.csr))),
    );
    expect(request.verify()).toBe(true);
    expect(request.subject.attributes.map((a) => [a.name, a.value])).toEqual([
      ['countryName', 'US'],
      ['organizationName', 'Acme Corp'],
      ['commonName', 'acme.example'],
    ]);
    const links = created.body._links as Record<string, { href: string }>;
    expect(links.publish?.href).toBe(`${org.url}${csrs()}/${String(created.body.id)}/lifecycle/publish`);
    const listed = await exchange<Json[]>('GET', csrs());
    expect([listed.violations, listed.body.map((c) => c.id)]).toEqual([[], [created.body.id]]);
    const one = await exchange<Json>('GET', `${csrs()}/${String(created.body.id)}`);
    expect([one.status, one.violations, one.body.csr]).toEqual([200, [], created.body.csr]);
    const pkcs10 = await api(org, 'GET', `${csrs()}/${String(created.body.id)}`, {
      headers: { accept: 'application/pkcs10' },
    });
    expect([pkcs10.headers.get('content-type'), pkcs10.text]).toEqual(['application/pkcs10', created.body.csr]);
    const revoked = await exchange('DELETE', `${csrs()}/${String(created.body.id)}`);
    expect([revoked.status, revoked.violations]).toEqual([204, []]);
    const gone = await exchange<Json>('GET', `${csrs()}/${String(created.body.id)}`);
    expect([gone.status, gone.body.errorCode]).toEqual([404, 'E0000007']);
  });

  it('publishes a CA-signed certificate (PEM, and DER base64) as a key credential the app does not sign with yet', async () => {
    const before = (await api<Json>(org, 'GET', `/api/v1/apps/${String(samlApp.id)}`)).body;
    for (const [contentType, encode] of [
      ['application/x-pem-file', (pem: string) => ({ body: pem, headers: {} })],
      [
        'application/pkix-cert',
        (pem: string) => ({
          body: new X509Certificate(pem).raw.toString('base64'),
          headers: { 'content-transfer-encoding': 'base64' },
        }),
      ],
    ] as const) {
      const csr = (await api<Json>(org, 'POST', csrs(), { body: metadata })).body;
      const signed = encode(ca.sign(String(csr.csr)));
      const published = await publish(String(csr.id), signed.body, { 'content-type': contentType, ...signed.headers });
      expect([contentType, published.status, published.violations]).toEqual([contentType, 201, []]);
      expect(published.body).toMatchObject({ kty: 'RSA', use: 'sig' });
      const keys = (await api<Json[]>(org, 'GET', `/api/v1/apps/${String(samlApp.id)}/credentials/keys`)).body;
      expect(keys.map((k) => k.kid)).toContain(published.body.kid);
      const csrGone = await api<Json>(org, 'GET', `${csrs()}/${String(csr.id)}`);
      expect(csrGone.status).toBe(404);
    }
    const after = (await api<Json>(org, 'GET', `/api/v1/apps/${String(samlApp.id)}`)).body;
    expect(after.credentials).toEqual(before.credentials);
  });

  it("refuses a certificate whose public key is not the CSR's, with Okta's error shape, and keeps the CSR", async () => {
    const csr = (await api<Json>(org, 'POST', csrs(), { body: metadata })).body;
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' });
    const refused = await publish(String(csr.id), ca.sign(String(csr.csr), { publicKeyPem: other.toString() }), {
      'content-type': 'application/x-pem-file',
    });
    expect([refused.status, refused.violations, refused.body.errorCode]).toEqual([400, [], 'E0000001']);
    expect(refused.body.errorCauses).toEqual([
      { errorSummary: "certificate: The certificate's public key does not match this CSR's key pair." },
    ]);
    const unreadable = await api<Json>(org, 'POST', `${csrs()}/${String(csr.id)}/lifecycle/publish`, {
      body: 'not a certificate',
      headers: { 'content-type': 'application/x-pem-file' },
    });
    expect([unreadable.status, unreadable.body.errorCauses]).toEqual([
      400,
      [{ errorSummary: 'certificate: The certificate could not be read as an X.509 certificate.' }],
    ]);
    expect((await api(org, 'GET', `${csrs()}/${String(csr.id)}`)).status).toBe(200);
  });
});

describe('sandbox assignments and schema conform to the contract', () => {
  it('assigns, reads, updates and unassigns an app user', async () => {
    const appId = String(samlApp.id);
    const userId = userIds[1] ?? '';
    const assigned = await exchange('POST', `/api/v1/apps/${appId}/users`, {
      body: { id: userId, scope: 'USER', credentials: { userName: 'someone@acme.example' } },
    });
    expect([assigned.status, assigned.violations]).toEqual([200, []]);
    const listed = await exchange('GET', `/api/v1/apps/${appId}/users?limit=10`);
    expect(listed.violations).toEqual([]);
    const read = await exchange('GET', `/api/v1/apps/${appId}/users/${userId}`);
    expect(read.violations).toEqual([]);
    const updated = await exchange('POST', `/api/v1/apps/${appId}/users/${userId}`, {
      body: { credentials: { userName: 'renamed@acme.example' } },
    });
    expect([updated.status, updated.violations]).toEqual([200, []]);
    const removed = await exchange('DELETE', `/api/v1/apps/${appId}/users/${userId}`);
    expect([removed.status, removed.violations]).toEqual([204, []]);
  });

  it('assigns, lists, reads and removes a group', async () => {
    const appId = String(samlApp.id);
    const assigned = await exchange('PUT', `/api/v1/apps/${appId}/groups/${groupId}`, {
      body: { priority: 0, profile: {} },
    });
    expect([assigned.status, assigned.violations]).toEqual([200, []]);
    const listed = await exchange('GET', `/api/v1/apps/${appId}/groups`);
    expect(listed.violations).toEqual([]);
    const read = await exchange('GET', `/api/v1/apps/${appId}/groups/${groupId}`);
    expect(read.violations).toEqual([]);
    const removed = await exchange('DELETE', `/api/v1/apps/${appId}/groups/${groupId}`);
    expect([removed.status, removed.violations]).toEqual([204, []]);
  });

  it('reads and extends the app user schema', async () => {
    const path = `/api/v1/meta/schemas/apps/${String(samlApp.id)}/default`;
    const read = await exchange('GET', path);
    expect(read.violations).toEqual([]);
    const role = {
      title: 'Role',
      type: 'string',
      enum: ['ADMINISTRATOR', 'ANALYST'],
      oneOf: [
        { const: 'ADMINISTRATOR', title: 'Administrator' },
        { const: 'ANALYST', title: 'Analyst' },
      ],
      externalName: 'role',
      externalNamespace: 'urn:ietf:params:scim:schemas:core:2.0:User',
      scope: 'NONE',
      master: { type: 'PROFILE_MASTER' },
    };
    const updated = await exchange('POST', path, {
      body: { definitions: { custom: { id: '#custom', type: 'object', properties: { role } } } },
    });
    expect([updated.status, updated.violations]).toEqual([200, []]);
  });
});

describe('sandbox directory conforms to the contract', () => {
  it.each([
    ['/api/v1/users?limit=3'],
    ['/api/v1/users?search=profile.email%20sw%20%22ava%22'],
    ['/api/v1/users?filter=status%20eq%20%22ACTIVE%22&limit=2'],
    ['/api/v1/users/me'],
    ['/api/v1/groups?limit=3'],
    ['/api/v1/groups?q=Eng'],
  ])('GET %s', async (path) => {
    const answer = await exchange('GET', path);
    expect([answer.status, answer.violations]).toEqual([200, []]);
  });

  it('reads a user, its groups and roles, a group and its members', async () => {
    const admin = org.adminUserId;
    for (const path of [
      `/api/v1/users/${admin}`,
      `/api/v1/users/${admin}/groups`,
      `/api/v1/users/${admin}/roles`,
      `/api/v1/groups/${groupId}`,
      `/api/v1/groups/${groupId}/users?limit=5`,
    ]) {
      const answer = await exchange('GET', path);
      expect([path, answer.status, answer.violations]).toEqual([path, 200, []]);
    }
  });

  it('creates a user', async () => {
    const body = {
      profile: {
        firstName: 'Test',
        lastName: 'Person',
        email: 'test.person@acme.example',
        login: 'test.person@acme.example',
      },
    };
    const created = await exchange('POST', '/api/v1/users?activate=true', { body });
    expect([created.status, created.violations]).toEqual([200, []]);
  });

  it('updates a user partially (POST), replaces its profile (PUT) and refuses a profile without a last name', async () => {
    const id = String(userIds[1]);
    const partial = await exchange('POST', `/api/v1/users/${id}`, { body: { profile: { title: 'Auditor' } } });
    expect([partial.status, partial.violations]).toEqual([200, []]);
    const profile = (partial.body as { profile: Json }).profile;
    const replaced = await exchange('PUT', `/api/v1/users/${id}`, {
      body: { profile: { ...profile, firstName: 'Renamed' } },
    });
    expect([replaced.status, replaced.violations]).toEqual([200, []]);
    const { lastName: _dropped, ...withoutLastName } = profile;
    const refused = await exchange('PUT', `/api/v1/users/${id}`, { body: { profile: withoutLastName } });
    expect([refused.status, refused.violations]).toEqual([400, []]);
  });
});

describe('sandbox errors conform to the contract', () => {
  it.each([
    ['an unknown app (404 E0000007)', 'GET', '/api/v1/apps/0oaunknown0000000000', {}, 404],
    [
      'a missing ssoAcsUrl (400 E0000001)',
      'POST',
      '/api/v1/apps',
      {
        body: {
          label: 'Broken',
          signOnMode: 'SAML_2_0',
          settings: {
            signOn: {
              audience: 'x',
              allowMultipleAcsEndpoints: false,
              assertionSigned: true,
              honorForceAuthn: true,
              requestCompressed: false,
              responseSigned: true,
            },
          },
        },
      },
      400,
    ],
    ['a malformed body (400 E0000003)', 'POST', '/api/v1/apps', { body: '{"label":' }, 400],
    ['a wrong token (401 E0000011)', 'GET', '/api/v1/apps', { token: 'not-a-token' }, 401],
    ['no token (403 E0000005)', 'GET', '/api/v1/users', { token: null }, 403],
  ] as const)("answers %s in Okta's error format", async (_name, method, path, options, status) => {
    const answer = await exchange<Json>(method, path, { ...options });
    expect(answer.status).toBe(status);
    expect(validateResponse(method, path, answer.status, answer.headers.get('content-type'), answer.body)).toEqual([]);
  });

  it("answers a read-only admin's write with 403 E0000006", async () => {
    const answer = await exchange<Json>('POST', '/api/v1/apps', {
      body: bookmarkAppBody('Not allowed'),
      token: org.readOnlyApiToken,
    });
    expect([answer.status, answer.body.errorCode, answer.violations]).toEqual([403, 'E0000006', []]);
  });

  it('answers beyond the rate limit with 429 E0000047', async () => {
    const limited = await startSandbox({ rateLimit: { perMinute: 1 } });
    await api(limited, 'GET', '/api/v1/apps');
    const answer = await api<Json>(limited, 'GET', '/api/v1/apps');
    expect([answer.status, answer.body.errorCode]).toEqual([429, 'E0000047']);
    expect(
      validateResponse('GET', '/api/v1/apps', answer.status, answer.headers.get('content-type'), answer.body),
    ).toEqual([]);
  });
});

describe('sandbox org metadata conforms to the contract', () => {
  it('answers GET /.well-known/okta-organization without credentials, as getWellknownOrgMetadata documents', async () => {
    const answer = await exchange<{ id: string; pipeline: string; _links: { organization: { href: string } } }>(
      'GET',
      '/.well-known/okta-organization',
      { token: null },
    );
    expect(answer.status).toBe(200);
    expect(answer.violations).toEqual([]);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^00o[A-Za-z0-9]{17}$/),
      pipeline: 'idx',
      _links: { organization: { href: org.url } },
    });
    expect((await api<{ id: string }>(org, 'GET', '/.well-known/okta-organization', { token: null })).body.id).toBe(
      answer.body.id,
    );
  });
});

describe('the contract helper', () => {
  it('maps a concrete URL to its templated operation', () => {
    expect(findOperation('GET', 'http://127.0.0.1:1/api/v1/apps/0oa1/groups/00g1?limit=5')).toEqual({
      template: '/api/v1/apps/{appId}/groups/{groupId}',
      operationId: 'getApplicationGroupAssignment',
    });
  });

  it('reports an undeclared query parameter and a missing required property', () => {
    expect(validateRequest('GET', '/api/v1/apps?color=red')).toEqual([
      'GET /api/v1/apps: query parameter "color" is not declared by listApplications',
    ]);
    expect(
      validateRequest('POST', '/api/v1/apps', {
        label: 'x',
        signOnMode: 'BOOKMARK',
        name: 'bookmark',
        settings: { app: {} },
      }),
    ).toEqual(["POST /api/v1/apps request: /settings/app must have required property 'url'"]);
  });
});
