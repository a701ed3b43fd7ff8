/**
 * Why a step's last read of Okta failed, in the two kinds an admin acts on differently: Okta (or
 * the way to it) did not let the wizard look, so nothing is known about the step now; or Okta was
 * read and the step is not as it should be (the app is gone, an answer made no sense).
 */
const NOT_LOOKED: Readonly<Record<string, string>> = {
  OKTA_UNREACHABLE: 'Okta did not answer',
  OKTA_UNAVAILABLE: 'Okta answered with a server error',
  OKTA_RATE_LIMITED: "Okta's rate limit was used up",
  OKTA_TOKEN_REJECTED: 'Okta refused the credentials',
  OKTA_FORBIDDEN: 'Okta refused access',
  OKTA_NOT_SIGNED_IN: 'not signed in to Okta',
  OKTA_SESSION_EXPIRED: 'the Okta sign-in expired',
  OKTA_NO_CREDENTIALS: 'no Okta credentials saved',
};

/** The reason in a few words when the failure means Okta could not be checked; undefined when it was read. */
export function couldNotCheck(lastError: { code: string } | undefined): string | undefined {
  return lastError ? NOT_LOOKED[lastError.code] : undefined;
}
