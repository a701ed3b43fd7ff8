import { z } from 'zod';
import { AppError, isAppError } from '../../errors';
import { unreachable } from '../errors';
import type { CallerIdentity } from '../org-api';
import { checkApiToken } from './flows';

/** Okta's org metadata (`GET /.well-known/okta-organization`, no credentials): what every Okta org answers. */
const OrgMetadataSchema = z.object({
  id: z.string().min(1),
  _links: z.object({ organization: z.object({ href: z.string().min(1) }) }),
});

const PROBE_TIMEOUT_MS = 15_000;
/** The metadata is ~200 bytes; anything far larger is some other site's page. */
const MAX_BODY = 64 * 1024;

function notOkta(orgUrl: string, why: string): AppError {
  return new AppError(
    'NOT_AN_OKTA_ORG',
    `${orgUrl} is not an Okta org: ${why}.`,
    'Enter the address your users sign in at, e.g. https://acme.okta.com (or the org\'s custom domain); not the Admin Console ("-admin") or a company web site.',
    'orgUrl',
  );
}

/**
 * Asks the URL whether it is an Okta org, before any credential is sent to it: a wrong URL is said
 * as such (next to the org URL), never as "token refused". Answers the org's id.
 */
export async function probeOktaOrg(orgUrl: string): Promise<{ orgId: string }> {
  let response: Response;
  try {
    response = await fetch(`${orgUrl}/.well-known/okta-organization`, {
      headers: { Accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
  } catch (error) {
    const failure = unreachable(orgUrl, 'reach the org', error, false);
    throw new AppError(failure.code, failure.message, failure.hint, 'orgUrl');
  }
  const text = await response.text();
  if (response.status >= 300 && response.status < 400)
    throw notOkta(
      orgUrl,
      `it redirects to ${response.headers.get('location') ?? 'another address'} instead of answering Okta's org metadata`,
    );
  if (!response.ok)
    throw notOkta(
      orgUrl,
      `it answers HTTP ${response.status} where every Okta org publishes /.well-known/okta-organization`,
    );
  if (text.length > MAX_BODY) throw notOkta(orgUrl, "its /.well-known/okta-organization is not Okta's org metadata");
  let parsed: ReturnType<typeof OrgMetadataSchema.safeParse>;
  try {
    parsed = OrgMetadataSchema.safeParse(JSON.parse(text));
  } catch {
    throw notOkta(orgUrl, 'its /.well-known/okta-organization is not JSON');
  }
  if (!parsed.success) throw notOkta(orgUrl, 'its /.well-known/okta-organization has no org id');
  return { orgId: parsed.data.id };
}

/** Okta's refusals of the token itself: said next to the token field. */
const TOKEN_REFUSED = new Set(['OKTA_TOKEN_INVALID', 'OKTA_TOKEN_REJECTED', 'OKTA_NO_CREDENTIALS']);

/**
 * An API token for an org the app does not know yet (a client being imported): the URL is an Okta
 * org, then Okta accepts the token. Each failure names its field (`orgUrl` or `token`); nothing is kept.
 */
export async function checkNewOrgToken(orgUrl: string, token: string): Promise<CallerIdentity> {
  await probeOktaOrg(orgUrl);
  try {
    return await checkApiToken(orgUrl, token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'OKTA_TOKEN_FORMAT') throw error;
    if (TOKEN_REFUSED.has(error.code)) {
      // Okta's request id stays with the message: what Okta support asks for.
      const reference = /\((Okta (?:request|error) ID [^)]+)\)$/.exec(error.message)?.[1];
      throw new AppError(
        error.code,
        `Okta (${orgUrl}) refused this API token: it is invalid, expired, revoked, or from another org${reference ? ` (${reference})` : ''}.`,
        `Create a token in that org's Admin Console (Security > API > Tokens) while signed in as one of its admins, and paste it here.`,
        'token',
      );
    }
    throw error;
  }
}
