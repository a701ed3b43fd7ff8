import { describe, expect, it } from 'vitest';
import { oktaFailure, parseChallenge } from '../../../src-main/okta/errors';

const base = {
  orgUrl: 'https://acme.okta.com',
  operation: 'list users',
  wwwAuthenticate: undefined,
  roleNeeded: 'Application Administrator (APP_ADMIN)',
};
const body = (errorCode: string, errorSummary: string, causes: string[] = []) =>
  JSON.stringify({
    errorCode,
    errorSummary,
    errorLink: errorCode,
    errorId: 'oae1',
    errorCauses: causes.map((c) => ({ errorSummary: c })),
  });

describe('oktaFailure', () => {
  it('says an invalid SSWS token must be replaced, and where', () => {
    const error = oktaFailure({ ...base, status: 401, bodyText: body('E0000011', 'Invalid token provided') });
    expect(error.code).toBe('OKTA_TOKEN_INVALID');
    expect(error.message).toBe('Okta refused to list users: the API token is invalid or expired. (Okta error ID oae1)');
    expect(error.hint).toContain('Security > API > Tokens');
  });

  it('names the admin role an E0000006 needs', () => {
    const error = oktaFailure({
      ...base,
      status: 403,
      bodyText: body('E0000006', 'You do not have permission to perform the requested action'),
    });
    expect(error.code).toBe('OKTA_ROLE_MISSING');
    expect(error.hint).toBe(
      'This needs Application Administrator (APP_ADMIN). Ask a Super Admin to assign it under Security > Administrators, or sign in as an admin who has it.',
    );
  });

  it('names the missing scope from a 403 WWW-Authenticate challenge with an empty body', () => {
    const challenge =
      'Bearer authorization_uri="https://acme.okta.com/oauth2/v1/authorize", realm="https://acme.okta.com", scope="okta.groups.read", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/groups"';
    const error = oktaFailure({ ...base, status: 403, bodyText: '', wwwAuthenticate: challenge });
    expect(error.code).toBe('OKTA_SCOPE_MISSING');
    expect(error.message).toBe(
      'Okta refused to list users: the access token does not carry the scope okta.groups.read.',
    );
    expect(error.hint).toContain('grant okta.groups.read');
  });

  it('points a validation failure at the field in its first cause', () => {
    const error = oktaFailure({
      ...base,
      status: 400,
      bodyText: body('E0000001', 'Api validation failed: ssoAcsUrl', ['ssoAcsUrl: The field cannot be left blank']),
    });
    expect(error.code).toBe('OKTA_VALIDATION');
    expect(error.field).toBe('ssoAcsUrl');
    expect(error.message).toBe(
      'Okta refused to list users: Api validation failed: ssoAcsUrl — ssoAcsUrl: The field cannot be left blank. (Okta error ID oae1)',
    );
  });

  it('reports a 5xx without a body as Okta being unavailable', () => {
    expect(oktaFailure({ ...base, status: 503, bodyText: '' }).code).toBe('OKTA_UNAVAILABLE');
  });
});

describe('parseChallenge', () => {
  it('reads the quoted parameters of a DPoP challenge', () => {
    expect(parseChallenge('DPoP algs="RS256 ES256", error="invalid_dpop_proof", error_description="bad htu"')).toEqual({
      algs: 'RS256 ES256',
      error: 'invalid_dpop_proof',
      error_description: 'bad htu',
    });
  });

  it("ends the message with Okta's X-Okta-Request-Id, which support asks for, in preference to the errorId", () => {
    const error = oktaFailure({
      ...base,
      status: 404,
      bodyText: body('E0000007', 'Not found: Resource not found: 0oa1 (AppInstance)'),
      requestId: 'aKCvBWf7SuvVnwjkgcE8zgAAAE0',
    });
    expect(error.code).toBe('OKTA_NOT_FOUND');
    expect(error.message).toBe(
      'Okta refused to list users: Not found: Resource not found: 0oa1 (AppInstance). (Okta request ID aKCvBWf7SuvVnwjkgcE8zgAAAE0)',
    );
  });

  it('names the request ID of a failure without a body too (a 503 from a gateway)', () => {
    const error = oktaFailure({ ...base, status: 503, bodyText: '', requestId: 'req-503' });
    expect(error.message).toBe(
      'Okta refused to list users: https://acme.okta.com answered HTTP 503. (Okta request ID req-503)',
    );
  });
});
