import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, bookmarkAppBody, samlAppBody, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

let org: SandboxOrg;

beforeAll(async () => {
  org = await startSandbox();
});

async function create(body: unknown, query = ''): Promise<Json> {
  const answer = await api<Json>(org, 'POST', `/api/v1/apps${query}`, { body });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('app lifecycle', () => {
  it('creates an active app, refuses to delete it while active, then deactivates and deletes it', async () => {
    const app = await create(samlAppBody('Lifecycle'));
    const id = String(app.id);
    expect(app.status).toBe('ACTIVE');
    const refused = await api<Json>(org, 'DELETE', `/api/v1/apps/${id}`);
    expect([refused.status, refused.body.errorCode]).toEqual([403, 'E0000056']);
    expect((await api(org, 'POST', `/api/v1/apps/${id}/lifecycle/deactivate`)).status).toBe(200);
    expect((await api<Json>(org, 'GET', `/api/v1/apps/${id}`)).body.status).toBe('INACTIVE');
    expect((await api(org, 'DELETE', `/api/v1/apps/${id}`)).status).toBe(204);
    const gone = await api<Json>(org, 'GET', `/api/v1/apps/${id}`);
    expect([gone.status, gone.body.errorCode, gone.body.errorSummary]).toEqual([
      404,
      'E0000007',
      `Not found: Resource not found: ${id} (AppInstance)`,
    ]);
  });

  it('creates an inactive app with activate=false and activates it', async () => {
    const app = await create(bookmarkAppBody('Starts inactive'), '?activate=false');
    expect(app.status).toBe('INACTIVE');
    expect((app._links as Json).activate).toEqual({
      href: `${org.url}/api/v1/apps/${String(app.id)}/lifecycle/activate`,
    });
    await api(org, 'POST', `/api/v1/apps/${String(app.id)}/lifecycle/activate`);
    expect((await api<Json>(org, 'GET', `/api/v1/apps/${String(app.id)}`)).body.status).toBe('ACTIVE');
  });

  it('replaces an app with PUT, keeping its generated name, id and signing key', async () => {
    const app = await create(samlAppBody('Replace me'));
    const replaced = await api<Json>(org, 'PUT', `/api/v1/apps/${String(app.id)}`, {
      body: samlAppBody('Replaced', 'https://vendor.example/new-acs'),
    });
    expect(replaced.status).toBe(200);
    expect([replaced.body.id, replaced.body.name, replaced.body.label]).toEqual([app.id, app.name, 'Replaced']);
    expect(((replaced.body.settings as Json).signOn as Json).ssoAcsUrl).toBe('https://vendor.example/new-acs');
    expect(replaced.body.credentials).toEqual(app.credentials);
  });

  it('keeps a catalog app a catalog app when PUT omits the name, and refuses a new name', async () => {
    const millie = await create({
      name: 'millie',
      label: 'Millie PUT',
      signOnMode: 'SAML_2_0',
      settings: { app: { slugName: 'acme' } },
    });
    const put = await api<Json>(org, 'PUT', `/api/v1/apps/${String(millie.id)}`, {
      body: { label: 'Millie PUT', signOnMode: 'SAML_2_0', settings: { app: { slugName: 'acme-2' } } },
    });
    expect([put.status, put.body.name, (put.body.settings as Json).app]).toEqual([
      200,
      'millie',
      { slugName: 'acme-2' },
    ]);
    const renamed = await api<Json>(org, 'PUT', `/api/v1/apps/${String(millie.id)}`, {
      body: { name: 'mixpanel', label: 'Millie PUT', signOnMode: 'SAML_2_0' },
    });
    expect([renamed.status, renamed.body.errorSummary]).toEqual([400, 'Api validation failed: name']);
  });
});

describe('custom SAML app defaults, as Okta fills them', () => {
  it('names custom apps {org}_{label}_{n} and fills signing, links and visibility', async () => {
    const first = await create(samlAppBody('Courier App'));
    const second = await create(samlAppBody('Courier-App!'));
    expect([first.name, second.name]).toEqual(['acme_courierapp_1', 'acme_courierapp_2']);
    const signOn = (first.settings as Json).signOn as Json;
    expect({
      idpIssuer: signOn.idpIssuer,
      signatureAlgorithm: signOn.signatureAlgorithm,
      digestAlgorithm: signOn.digestAlgorithm,
      honorForceAuthn: signOn.honorForceAuthn,
      responseSigned: signOn.responseSigned,
      assertionSigned: signOn.assertionSigned,
      authnContextClassRef: signOn.authnContextClassRef,
    }).toEqual({
      idpIssuer: 'http://www.okta.com/${org.externalKey}',
      signatureAlgorithm: 'RSA_SHA256',
      digestAlgorithm: 'SHA256',
      honorForceAuthn: true,
      responseSigned: true,
      assertionSigned: true,
      authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    });
    expect((first.visibility as Json).appLinks).toEqual({ acme_courierapp_1_link: true });
    const links = first._links as Record<string, Json & Json[]>;
    const record = org.state.apps.get(String(first.id));
    expect(links.appLinks).toEqual([
      {
        name: 'acme_courierapp_1_link',
        href: `${org.url}/home/acme_courierapp_1/${String(first.id)}/${record?.appLinkId ?? ''}`,
        type: 'text/html',
      },
    ]);
    expect(links.metadata).toEqual({
      href: `${org.url}/api/v1/apps/${String(first.id)}/sso/saml/metadata`,
      type: 'application/xml',
    });
    expect(Object.keys(links).sort()).toEqual([
      'appLinks',
      'deactivate',
      'groups',
      'help',
      'logo',
      'metadata',
      'self',
      'users',
    ]);
    expect(((first.credentials as Json).signing as Json).kid).toBe(record?.signingKeys[0]?.kid);
  });

  it('defaults recipient and destination to the ACS URL', async () => {
    const app = await create({
      label: 'Minimal',
      signOnMode: 'SAML_2_0',
      settings: { signOn: { ssoAcsUrl: 'https://min.example/acs', audience: 'min' } },
    });
    const signOn = (app.settings as Json).signOn as Json;
    expect([signOn.recipient, signOn.destination, signOn.subjectNameIdFormat]).toEqual([
      'https://min.example/acs',
      'https://min.example/acs',
      'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    ]);
  });

  it('creates a bookmark app named bookmark with its URL', async () => {
    const app = await create(bookmarkAppBody('Docs', 'https://docs.vendor.example'));
    expect([app.name, app.signOnMode, (app.settings as Json).app]).toEqual([
      'bookmark',
      'BOOKMARK',
      { requestIntegration: false, url: 'https://docs.vendor.example' },
    ]);
    expect((app.visibility as Json).appLinks).toEqual({ login: true });
  });

  it('creates Millie from the catalog with its slug, and Mixpanel', async () => {
    const millie = await create({
      name: 'millie',
      signOnMode: 'SAML_2_0',
      settings: { app: { slugName: 'acme-corp' } },
    });
    expect([millie.name, millie.label, (millie.settings as Json).app]).toEqual([
      'millie',
      'Millie',
      { slugName: 'acme-corp' },
    ]);
    const mixpanel = await create({ name: 'mixpanel', label: 'Mixpanel Analytics', signOnMode: 'SAML_2_0' });
    expect([mixpanel.name, mixpanel.label]).toEqual(['mixpanel', 'Mixpanel Analytics']);
  });
});

describe('app validation, with Okta error bodies', () => {
  it.each([
    [
      'a missing ssoAcsUrl',
      { label: 'No ACS', signOnMode: 'SAML_2_0', settings: { signOn: { audience: 'x' } } },
      'E0000001',
      'Api validation failed: ssoAcsUrl',
      ['ssoAcsUrl: The field cannot be left blank.'],
    ],
    [
      'a relative ssoAcsUrl',
      { label: 'Bad ACS', signOnMode: 'SAML_2_0', settings: { signOn: { ssoAcsUrl: '/acs', audience: 'x' } } },
      'E0000001',
      'Api validation failed: ssoAcsUrl',
      ["ssoAcsUrl: '/acs' is not a valid URL; use an absolute https:// address."],
    ],
    [
      'an unknown signOnMode',
      { label: 'Odd', signOnMode: 'SAML_3_0' },
      'E0000001',
      'Api validation failed: signOnMode',
      ['signOnMode: Not one of the allowed values. The sandbox org creates SAML_2_0 and BOOKMARK apps.'],
    ],
    [
      'a missing label',
      { signOnMode: 'BOOKMARK', name: 'bookmark', settings: { app: { url: 'https://x.example' } } },
      'E0000001',
      'Api validation failed: label',
      ['label: The field cannot be left blank.'],
    ],
    [
      'Millie without its slug',
      { name: 'millie', signOnMode: 'SAML_2_0', settings: { app: {} } },
      'E0000001',
      'Api validation failed: slugName',
      ['slugName: The field cannot be left blank.'],
    ],
    [
      'an attribute statement without values',
      {
        label: 'Attrs',
        signOnMode: 'SAML_2_0',
        settings: {
          signOn: {
            ssoAcsUrl: 'https://a.example',
            audience: 'a',
            attributeStatements: [{ type: 'EXPRESSION', name: 'email' }],
          },
        },
      },
      'E0000003',
      'The request body was not well-formed.',
      [],
    ],
  ])('answers %s', async (_name, body, code, summary, causes) => {
    const answer = await api<Json>(org, 'POST', '/api/v1/apps', { body });
    expect(answer.status).toBe(400);
    expect({
      code: answer.body.errorCode,
      summary: answer.body.errorSummary,
      link: answer.body.errorLink,
      causes: (answer.body.errorCauses as Json[]).map((c) => c.errorSummary),
    }).toEqual({ code, summary, link: code, causes });
    expect(answer.body.errorId).toMatch(/^oae[\w-]{22}$/);
  });

  it('answers a body that is not JSON with E0000003', async () => {
    const answer = await api<Json>(org, 'POST', '/api/v1/apps', { body: '{"label": ' });
    expect([answer.status, answer.body.errorCode]).toEqual([400, 'E0000003']);
  });

  it('refuses a second app with the same label (E0000040)', async () => {
    await create(bookmarkAppBody('Unique label'));
    const answer = await api<Json>(org, 'POST', '/api/v1/apps', { body: bookmarkAppBody('unique LABEL') });
    expect([answer.status, answer.body.errorCode]).toEqual([400, 'E0000040']);
  });
});

describe('app listing', () => {
  it('finds apps by label prefix (q) and by name and status (filter)', async () => {
    const listed = await startSandbox();
    for (const label of ['Alpha', 'Alpine', 'Beta'])
      await api(listed, 'POST', '/api/v1/apps', { body: bookmarkAppBody(label) });
    await api(listed, 'POST', '/api/v1/apps?activate=false', { body: samlAppBody('Gamma') });
    const labels = async (query: string) =>
      (await api<Json[]>(listed, 'GET', `/api/v1/apps?${query}`)).body.map((a) => a.label);
    expect(await labels('q=alp')).toEqual(['Alpha', 'Alpine']);
    expect(await labels(`filter=${encodeURIComponent('status eq "INACTIVE"')}`)).toEqual(['Gamma']);
    expect(await labels(`filter=${encodeURIComponent('name eq "bookmark" and status eq "ACTIVE"')}`)).toEqual([
      'Alpha',
      'Alpine',
      'Beta',
    ]);
    const bad = await api<Json>(listed, 'GET', `/api/v1/apps?filter=${encodeURIComponent('label gt "A"')}`);
    expect([bad.status, bad.body.errorCode]).toEqual([400, 'E0000031']);
  });
});
