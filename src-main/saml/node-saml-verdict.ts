import { SAML, type SamlConfig } from '@node-saml/node-saml';

/** node-saml with our clock: its timestamp checks read `new Date()`, and the checker must honour `now`. */
class ClockedSaml extends SAML {
  private readonly nowMs: number;

  constructor(config: SamlConfig, nowMs: number) {
    super(config);
    this.nowMs = nowMs;
  }

  protected override checkTimestampsValidityError(
    _nowMs: number,
    notBefore: string,
    notOnOrAfter: string,
    maxTimeLimitMs?: number,
  ): Error | null {
    return super.checkTimestampsValidityError(this.nowMs, notBefore, notOnOrAfter, maxTimeLimitMs);
  }
}

export interface NodeSamlRun {
  idpCertificatesPem: string[];
  audience: string | false;
  recipient: string;
  /** -1 switches node-saml's time checks off. */
  clockSkewMs: number;
  nowMs: number;
  requireSignedResponse: boolean;
}

export type NodeSamlOutcome = { ok: true; assertionXml: string } | { ok: false; kind: FailureKind; message: string };

/** Which of our checks a node-saml error belongs to; it throws one Error type for all of them. */
export type FailureKind = 'signature' | 'validity-window' | 'audience';

/**
 * One pass of node-saml over a posted response. On success the assertion XML it returns is the
 * signed content xml-crypto verified, never a node picked from the raw document.
 */
export async function runNodeSaml(samlResponse: string, run: NodeSamlRun): Promise<NodeSamlOutcome> {
  const saml = new ClockedSaml(
    {
      idpCert: run.idpCertificatesPem,
      issuer: typeof run.audience === 'string' ? run.audience : run.recipient,
      callbackUrl: run.recipient,
      audience: run.audience,
      acceptedClockSkewMs: run.clockSkewMs,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: run.requireSignedResponse,
    },
    run.nowMs,
  );
  try {
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
    const assertionXml = profile?.getAssertionXml?.();
    if (assertionXml === undefined)
      return {
        ok: false,
        kind: 'signature',
        message: 'node-saml returned no assertion (a logout or status-only response)',
      };
    return { ok: true, assertionXml };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: classify(message), message };
  }
}

/**
 * node-saml checks the signature before any condition, so a condition error implies the signature
 * verified; anything we do not recognise is treated as a signature failure, the safe side.
 */
function classify(message: string): FailureKind {
  if (/^SAML assertion (not yet valid|expired)|multiple conditions/.test(message)) return 'validity-window';
  if (
    /^SAML assertion (audience mismatch|has no AudienceRestriction|AudienceRestriction has no Audience)/.test(message)
  )
    return 'audience';
  return 'signature';
}
