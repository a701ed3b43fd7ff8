import { describe, expect, it } from 'vitest';
import { excerpt, judgeReply } from '../../../src-main/scim/replies';
import type { ScimExchange, ScimReply } from '../../../src-main/scim/types';

function reply(
  status: number,
  body: unknown,
  contentType = 'application/scim+json',
  extra: Partial<ScimExchange> = {},
): ScimReply {
  const exchange: ScimExchange = {
    method: 'GET',
    url: 'https://vendor.example/scim/v2/Users',
    requestHeaders: {},
    status,
    responseHeaders: { 'content-type': contentType },
    responseBody: body,
    durationMs: 1,
    ...extra,
  };
  return { status, body, contentType, exchange };
}

const scimError = (status: string, detail: string, scimType?: string) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  status,
  detail,
  ...(scimType ? { scimType } : {}),
});

describe('judgeReply', () => {
  it('passes an expected SCIM JSON answer without warnings', () => {
    expect(judgeReply(reply(200, { a: 1 }), [200])).toEqual({ kind: 'ok', warnings: [] });
  });

  it('passes an expected empty answer (204)', () => {
    expect(judgeReply(reply(204, undefined, ''), [200, 204])).toEqual({ kind: 'ok', warnings: [] });
  });

  it("reports a network failure with the client's words", () => {
    const r = reply(0, undefined, '', { error: 'No answer within 300 ms (timeout).', failure: 'timeout' });
    expect(judgeReply(r, [200])).toEqual({ kind: 'network', text: 'No answer within 300 ms (timeout).' });
  });

  it('names a 401 as a refused token and quotes the vendor', () => {
    expect(judgeReply(reply(401, scimError('401', 'Bearer token not recognised')), [200])).toEqual({
      kind: 'token',
      text: 'Token refused: the vendor answered HTTP 401 (Bearer token not recognised). Check the bearer token the vendor issued for SCIM; Okta sends it as "Authorization: Bearer <token>".',
    });
  });

  it('names a 403 as a refused token too', () => {
    expect(judgeReply(reply(403, undefined, ''), [200])).toMatchObject({
      kind: 'token',
      text: expect.stringMatching(/^Token refused: the vendor answered HTTP 403\. /),
    });
  });

  it('names a 5xx as a server error with the SCIM detail', () => {
    expect(judgeReply(reply(500, scimError('500', 'database unavailable')), [200])).toEqual({
      kind: 'server-error',
      text: 'Server error: the vendor answered HTTP 500 (database unavailable).',
    });
  });

  it('accepts a 5xx the step expects (501 for PATCH)', () => {
    expect(judgeReply(reply(501, scimError('501', 'no')), [200, 501]).kind).toBe('ok');
  });

  it('names an unexpected status with scimType and detail', () => {
    expect(judgeReply(reply(400, scimError('400', 'email domain not allowed', 'invalidValue')), [201])).toEqual({
      kind: 'status',
      text: 'Expected HTTP 201, got 400 (invalidValue: email domain not allowed).',
    });
  });

  it('names a redirect and where it points', () => {
    const r = reply(301, undefined, '', { responseHeaders: { location: 'https://vendor.example/scim/v2/Users/' } });
    expect(judgeReply(r, [200])).toEqual({
      kind: 'status',
      text: 'Redirected (HTTP 301) to https://vendor.example/scim/v2/Users/: a redirected POST or PUT loses its body, so set the SCIM base URL to the final address instead.',
    });
  });

  it('quotes a non-SCIM error body', () => {
    expect(judgeReply(reply(404, { error: 'nope' }, 'application/json'), [200])).toEqual({
      kind: 'status',
      text: 'Expected HTTP 200, got 404 ({"error":"nope"}).',
    });
  });

  it('names HTML instead of JSON', () => {
    expect(judgeReply(reply(200, '<!DOCTYPE html><html></html>', 'text/html'), [200])).toEqual({
      kind: 'not-json',
      text: "HTML instead of JSON (text/html): the base URL seems to point at a web page or sign-in page, not the vendor's SCIM API.",
    });
  });

  it('names plain text and invalid JSON', () => {
    expect(judgeReply(reply(200, 'OK', 'text/plain'), [200])).toEqual({
      kind: 'not-json',
      text: 'Not JSON (text/plain): OK',
    });
    expect(judgeReply(reply(200, '{"a":', 'application/json'), [200])).toEqual({
      kind: 'not-json',
      text: 'Invalid JSON labelled application/json: {"a":',
    });
  });

  it('warns about JSON sent with a non-JSON Content-Type', () => {
    expect(judgeReply(reply(200, { a: 1 }, 'text/plain'), [200])).toEqual({
      kind: 'ok',
      warnings: [
        'The JSON answer is labelled text/plain; send Content-Type application/scim+json (or application/json).',
      ],
    });
  });
});

describe('excerpt', () => {
  it('collapses whitespace and cuts long bodies', () => {
    expect(excerpt('a\n\n  b')).toBe('a b');
    expect(excerpt('x'.repeat(200), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
