import type { AssertionView } from './assertion-view';

export interface ConditionCheck {
  status: 'pass' | 'fail';
  detail: string;
}

/**
 * The assertion's time limits as of `nowMs`, with node-saml's rule for clock skew (a response is
 * early when now + skew < NotBefore, late when now - skew >= NotOnOrAfter): the Conditions, and
 * the bearer SubjectConfirmationData, which a vendor enforces too. Judged here rather than by
 * node-saml because node-saml only reads the computer's clock and a support engineer asks about
 * a given instant ("why did yesterday's login fail").
 */
export function checkValidityWindow(view: AssertionView, nowMs: number, skewMs: number): ConditionCheck {
  const at = `checked as of ${new Date(nowMs).toISOString()}, allowing ${skewMs / 1000} s of clock skew`;
  const issued = view.issueInstant === undefined ? '' : ` Okta issued it at ${view.issueInstant}.`;
  const limits: { label: string; value: string; kind: 'start' | 'end' }[] = [
    ...(view.notBefore === undefined
      ? []
      : [{ label: 'Conditions NotBefore', value: view.notBefore, kind: 'start' as const }]),
    ...(view.notOnOrAfter === undefined
      ? []
      : [{ label: 'Conditions NotOnOrAfter', value: view.notOnOrAfter, kind: 'end' as const }]),
    ...view.confirmationNotOnOrAfter.map((value) => ({
      label: 'SubjectConfirmationData NotOnOrAfter',
      value,
      kind: 'end' as const,
    })),
  ];
  for (const limit of limits) {
    const ms = Date.parse(limit.value);
    if (Number.isNaN(ms))
      return { status: 'fail', detail: `${limit.label} "${limit.value}" is not a valid xs:dateTime.` };
    if (limit.kind === 'start' && nowMs + skewMs < ms)
      return {
        status: 'fail',
        detail: `Not yet valid: ${limit.label} is ${limit.value} (${at}).${issued} The IdP's clock or this computer's is wrong.`,
      };
    if (limit.kind === 'end' && nowMs - skewMs >= ms)
      return {
        status: 'fail',
        detail: `Expired: ${limit.label} was ${limit.value} (${at}).${issued} A vendor refuses it now; check a captured response as of the time it was posted (saml check --at).`,
      };
  }
  if (view.notBefore === undefined && view.notOnOrAfter === undefined)
    return { status: 'pass', detail: `The assertion has no Conditions time limits (${at}).` };
  return {
    status: 'pass',
    detail: `Conditions NotBefore ${view.notBefore ?? '(none)'} and NotOnOrAfter ${view.notOnOrAfter ?? '(none)'} contain the time (${at}).`,
  };
}

/** The SP's entity ID must be named in every AudienceRestriction, as SAML core 2.5.1.4 and node-saml require. */
export function checkAudience(view: AssertionView, expected: string): ConditionCheck {
  if (view.audienceRestrictions.length === 0)
    return {
      status: 'fail',
      detail: `The assertion has no AudienceRestriction, expected ${expected}. Set "Audience URI (SP Entity ID)" in Okta.`,
    };
  const missing = view.audienceRestrictions.find((audiences) => !audiences.includes(expected));
  if (missing !== undefined)
    return {
      status: 'fail',
      detail: `Audience is ${missing.length === 0 ? '(none)' : missing.join(', ')}, expected ${expected}. Set "Audience URI (SP Entity ID)" in Okta to the vendor's entity ID.`,
    };
  return { status: 'pass', detail: `Audience is ${expected}.` };
}
