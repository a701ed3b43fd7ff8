import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientAssertion } from '../../../src-main/okta/signin/jwt';
import { generateServiceKeyPair, publicJwkOf } from '../../../src-main/okta/signin/service-keys';

describe('service app keys', () => {
  it('makes an RSA 2048 key whose public JWK carries a stable thumbprint kid and no private part', async () => {
    const pair = await generateServiceKeyPair();
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(Object.keys(pair.publicJwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(Buffer.from(pair.publicJwk.n, 'base64url').length).toBe(256);
    expect(await publicJwkOf(pair.privateKeyPem)).toEqual(pair.publicJwk);
  });

  it('signs a client assertion Okta can verify with the pasted JWK', async () => {
    const pair = await generateServiceKeyPair();
    const jwt = await clientAssertion(
      'https://acme.okta.com',
      '0oaservice',
      pair.publicJwk.kid,
      pair.privateKeyPem,
      1_800_000_000,
    );
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      typ: 'JWT',
      kid: pair.publicJwk.kid,
      alg: 'RS256',
    });
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      iss: '0oaservice',
      sub: '0oaservice',
      aud: 'https://acme.okta.com/oauth2/v1/token',
      iat: 1_800_000_000,
      exp: 1_800_000_300,
    });
    const key = createPublicKey({ key: { ...pair.publicJwk }, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))).toBe(true);
  });
});
