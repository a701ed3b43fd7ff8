import { describe, expect, it } from 'vitest';
import { parseIdpMetadata } from '../../../src-main/saml/metadata';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';
import { apiTokenClient } from '../../support/api-token-client';

const newUser = (login: string, password?: string) => ({
  profile: { firstName: 'Pat', lastName: 'Lee', email: login, login },
  ...(password === undefined ? {} : { credentials: { password: { value: password } } }),
});

describe('the practice org behaves like Okta where our client depends on it', () => {
  it('answers the metadata call for an unknown kid with 404 E0000007, and a known kid with that key', async () => {
    const org = await startSandbox();
    const app = await api<{ id: string; credentials: { signing: { kid: string } } }>(org, 'POST', '/api/v1/apps', {
      body: samlAppBody('Kid check'),
    });
    const missing = await api<Record<string, unknown>>(
      org,
      'GET',
      `/api/v1/apps/${app.body.id}/sso/saml/metadata?kid=no-such-kid`,
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/json');
    expect(missing.body).toEqual({
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: no-such-kid (AppInstanceKey)',
      errorLink: 'E0000007',
      errorId: expect.stringMatching(/^oae[\w-]{22}$/) as unknown,
      errorCauses: [],
    });

    const kid = app.body.credentials.signing.kid;
    const okta = apiTokenClient({
      orgUrl: org.url,
      apiToken: org.apiToken,
    });
    const [key] = await okta.listAppKeys(app.body.id);
    const metadata = parseIdpMetadata(await okta.getAppMetadataXml(app.body.id, kid));
    expect(metadata.signingCertificates).toEqual(key?.x5c);
    await expect(okta.getAppMetadataXml(app.body.id, 'no-such-kid')).rejects.toMatchObject({
      code: 'OKTA_NOT_FOUND',
      message: expect.stringMatching(
        new RegExp(
          `^Okta refused to read the SAML metadata of app ${app.body.id}: Not found: Resource not found: no-such-kid \\(AppInstanceKey\\)\\. \\(Okta request ID [\\w-]{27}\\)$`,
        ),
      ) as unknown,
    });
  });

  it('creates a user without a password as PROVISIONED (activated, no password), with one as ACTIVE, and activate=false as STAGED', async () => {
    const org = await startSandbox();
    const provisioned = await api<Record<string, unknown>>(org, 'POST', '/api/v1/users?activate=true', {
      body: newUser('pat.provisioned@acme.example'),
    });
    const active = await api<Record<string, unknown>>(org, 'POST', '/api/v1/users?activate=true', {
      body: newUser('pat.active@acme.example', 'Own-Passw0rd!'),
    });
    const staged = await api<Record<string, unknown>>(org, 'POST', '/api/v1/users?activate=false', {
      body: newUser('pat.staged@acme.example'),
    });
    expect([provisioned.body.status, active.body.status, staged.body.status]).toEqual([
      'PROVISIONED',
      'ACTIVE',
      'STAGED',
    ]);
    expect(typeof provisioned.body.activated).toBe('string');
    expect(provisioned.body.passwordChanged).toBeNull();
    expect(typeof active.body.passwordChanged).toBe('string');
    expect(staged.body.activated).toBeNull();
  });
});
