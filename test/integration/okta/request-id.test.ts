import { describe, expect, it } from 'vitest';
import { api, startSandbox } from '../../support/sandbox';
import { apiTokenClient } from '../../support/api-token-client';

const REQUEST_ID = /^[\w-]{27}$/;

describe('X-Okta-Request-Id, which Okta support asks for', () => {
  it('is on every answer of the practice org: API success, API error, HTML page, OAuth', async () => {
    const org = await startSandbox();
    const answers = [
      await api(org, 'GET', '/api/v1/users/me'),
      await api(org, 'GET', '/api/v1/apps/0oanothing0000000000'),
      await api(org, 'GET', '/api/v1/users', { token: null }),
      await api(org, 'GET', '/.well-known/openid-configuration', { token: null }),
      await api(org, 'GET', '/nowhere', { token: null }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 403, 200, 404]);
    const ids = answers.map((a) => a.headers.get('x-okta-request-id') ?? '');
    for (const id of ids) expect(id).toMatch(REQUEST_ID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("ends the client's error message with the request ID of the failed call", async () => {
    const org = await startSandbox();
    const okta = apiTokenClient({
      orgUrl: org.url,
      apiToken: org.apiToken,
    });
    const failure = await okta.listAppKeys('0oanothing0000000000').then(
      () => undefined,
      (error: unknown) => error as { code: string; message: string },
    );
    const sent = await api(org, 'GET', '/api/v1/apps/0oanothing0000000000/credentials/keys');
    expect(sent.status).toBe(404);
    expect(failure?.code).toBe('OKTA_NOT_FOUND');
    expect(failure?.message).toMatch(
      /^Okta refused to list the signing keys of app 0oanothing0000000000: Not found: Resource not found: 0oanothing0000000000 \(AppInstance\)\. \(Okta request ID [\w-]{27}\)$/,
    );
  });
});
