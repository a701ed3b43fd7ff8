import { SAML } from '@node-saml/node-saml';

export interface SignatureRun {
  idpCertificatesPem: string[];
  /** node-saml needs an SP; only its ACS URL matters here, and only as a label. */
  recipient: string;
  /** Require a valid signature on the Response itself, not only on the Assertion. */
  requireSignedResponse: boolean;
}

export type SignatureOutcome = { ok: true; assertionXml: string } | { ok: false; message: string };

/**
 * node-saml verifies the signatures and hands back the assertion they cover; nothing else.
 *
 * Its time checks read the computer's clock, and the checker must judge a response as of any
 * instant (`saml check --at`), so they are switched off with its public `acceptedClockSkewMs: -1`
 * and `audience: false`; response-check judges the time window and audience on the assertion
 * returned here. So every node-saml error is a signature error and none is told apart by its text.
 */
export async function verifySignatures(samlResponse: string, run: SignatureRun): Promise<SignatureOutcome> {
  const saml = new SAML({
    idpCert: run.idpCertificatesPem,
    issuer: run.recipient,
    callbackUrl: run.recipient,
    audience: false,
    acceptedClockSkewMs: -1,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: run.requireSignedResponse,
  });
  try {
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
    const assertionXml = profile?.getAssertionXml?.();
    if (assertionXml === undefined)
      return { ok: false, message: 'node-saml returned no assertion (a logout or status-only response)' };
    return { ok: true, assertionXml };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
