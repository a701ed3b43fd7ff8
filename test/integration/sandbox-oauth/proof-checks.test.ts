import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkDpopProof, DpopNonces, JtiCache } from '../../../src-main/sandbox/oauth/dpop';
import { jwkThumbprint } from '../../../src-main/sandbox/oauth/jws';
import { OAuthError } from '../../../src-main/sandbox/oauth/oauth-error';
import { verifyPkce } from '../../../src-main/sandbox/oauth/pkce';
import { dpopProof, newRsaKey } from './proofs';

const HOUR_MS = 3_600_000;

describe('PKCE', () => {
  it('accepts the RFC 7636 appendix B pair and nothing else', () => {
    expect(
      verifyPkce('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
    ).toBe(true);
    expect(
      verifyPkce('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
    ).toBe(false);
    expect(verifyPkce('too-short', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(false);
  });
});

describe('JWK thumbprint', () => {
  it('matches the RFC 7638 §3.1 example', async () => {
    const key = createPublicKey({
      format: 'jwk',
      key: {
        kty: 'RSA',
        e: 'AQAB',
        n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      },
    });
    expect(await jwkThumbprint(key)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });
});

describe('DPoP proofs', () => {
  const key = newRsaKey('dpop');
  const url = 'http://127.0.0.1:1234/api/v1/apps';
  const nowS = (): number => Math.floor(Date.now() / 1000);
  const failure = async (run: () => Promise<unknown>): Promise<{ error: string; message: string }> => {
    try {
      await run();
    } catch (error) {
      if (error instanceof OAuthError) return { error: error.error, message: error.message };
      throw error;
    }
    throw new Error('expected an OAuthError');
  };

  it('binds to the key, checks ath, and refuses a replayed jti', async () => {
    const jtis = new JtiCache(nowS);
    const proof = dpopProof(key, 'GET', `${url}?limit=2`, { accessToken: 'at-1' });
    const input = {
      proof,
      method: 'GET',
      url,
      nowS: nowS(),
      accessToken: 'at-1',
      rememberJti: (jti: string, exp: number) => jtis.remember(jti, exp),
    };
    const result = await checkDpopProof(input);
    expect(result.jkt).toBe(
      await jwkThumbprint(
        createPublicKey({ format: 'jwk', key: { kty: 'RSA', n: String(key.publicJwk.n), e: String(key.publicJwk.e) } }),
      ),
    );
    expect(await failure(() => checkDpopProof(input))).toEqual({
      error: 'invalid_dpop_proof',
      message: "'jti' claim in the DPoP proof JWT has already been used.",
    });
    expect(
      await failure(() => checkDpopProof({ ...input, proof: dpopProof(key, 'GET', url, { accessToken: 'other' }) })),
    ).toEqual({ error: 'invalid_dpop_proof', message: "'ath' claim in the DPoP proof JWT is invalid." });
    expect(
      await failure(() => checkDpopProof({ ...input, proof: dpopProof(key, 'POST', url, { accessToken: 'at-1' }) })),
    ).toEqual({ error: 'invalid_dpop_proof', message: "'htm' claim in the DPoP proof JWT is invalid." });
    expect(
      await failure(() =>
        checkDpopProof({ ...input, nowS: nowS() + 600, proof: dpopProof(key, 'GET', url, { accessToken: 'at-1' }) }),
      ),
    ).toEqual({ error: 'invalid_dpop_proof', message: "'iat' claim in the DPoP proof JWT is invalid." });
  });

  it('renews the nonce every 24 hours and accepts an old one for 3 days', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const nonces = new DpopNonces(() => now);
    const first = nonces.current();
    now += 23 * HOUR_MS;
    expect(nonces.current()).toBe(first);
    now += 2 * HOUR_MS;
    const second = nonces.current();
    expect(second).not.toBe(first);
    expect(nonces.isValid(first)).toBe(true);
    now += 48 * HOUR_MS;
    expect(nonces.isValid(first)).toBe(false);
    expect(nonces.isValid(second)).toBe(true);
  });
});
