import { sha256Base64url } from './jws';

/** RFC 7636 §4.1: 43–128 characters from the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export function isValidCodeVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

/** An S256 challenge is the 43-character base64url SHA-256 of the verifier. */
export function isValidCodeChallenge(challenge: string): boolean {
  return CHALLENGE.test(challenge);
}

export function verifyPkce(verifier: string, challenge: string): boolean {
  return isValidCodeVerifier(verifier) && sha256Base64url(verifier) === challenge;
}
