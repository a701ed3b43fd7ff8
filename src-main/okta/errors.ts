import { z } from 'zod';
import { AppError } from '../errors';

const errorBodySchema = z.object({
  errorCode: z.string(),
  errorSummary: z.string().default(''),
  errorCauses: z.array(z.object({ errorSummary: z.string() })).optional(),
  errorId: z.string().optional(),
});

/** What we know about a failed call when we turn it into an AppError. */
export interface FailedCall {
  orgUrl: string;
  /** Plain words for the operation, e.g. "list the org's apps". */
  operation: string;
  status: number;
  bodyText: string;
  wwwAuthenticate: string | undefined;
  /** The admin role the operation needs, named in the E0000006 hint. */
  roleNeeded: string;
  /** Okta's `X-Okta-Request-Id`: what Okta support asks for to find the call in their logs. */
  requestId?: string | undefined;
}

/** Reads `key="value"` pairs of a `WWW-Authenticate: Bearer ...` (or DPoP) challenge. */
export function parseChallenge(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const match of header.matchAll(/([a-zA-Z_]+)="([^"]*)"/g)) {
    const [, key, value] = match;
    if (key !== undefined && value !== undefined) out[key] = value;
  }
  return out;
}

function parseBody(text: string): z.infer<typeof errorBodySchema> | undefined {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const SECURITY_API = 'Security > API';

/**
 * Turns an Okta failure (error body or OAuth challenge) into an AppError an admin can act on. Its
 * message ends with Okta's request id (else the body's `errorId`): what Okta support asks for.
 */
export function oktaFailure(call: FailedCall): AppError {
  const failure = describeFailure(call);
  const errorId = parseBody(call.bodyText)?.errorId;
  const reference = call.requestId ? `Okta request ID ${call.requestId}` : errorId ? `Okta error ID ${errorId}` : '';
  if (reference === '') return failure;
  return new AppError(failure.code, `${failure.message} (${reference})`, failure.hint, failure.field);
}

function describeFailure(call: FailedCall): AppError {
  const challenge = parseChallenge(call.wwwAuthenticate);
  const what = `Okta refused to ${call.operation}`;
  if (challenge.error === 'insufficient_scope') {
    const scope = challenge.scope ?? 'the scope this operation needs';
    return new AppError(
      'OKTA_SCOPE_MISSING',
      `${what}: the access token does not carry the scope ${scope}.`,
      `In the Admin Console open Applications > Applications > (this app's OAuth client) > Okta API Scopes, grant ${scope}, then sign in again so the new token carries it.`,
    );
  }
  if (challenge.error === 'invalid_token') {
    return new AppError(
      'OKTA_TOKEN_REJECTED',
      `${what}: the access token is expired or was revoked.`,
      'Sign in to the org again.',
    );
  }
  if (challenge.error === 'invalid_dpop_proof') {
    return new AppError(
      'OKTA_DPOP_REJECTED',
      `${what}: the DPoP proof was rejected (${challenge.error_description ?? 'no reason given'}).`,
      "Check that this computer's clock is correct, then sign in again.",
    );
  }
  const body = parseBody(call.bodyText);
  const causes = body?.errorCauses?.map((c) => c.errorSummary).filter((s) => s !== '') ?? [];
  const detail = [body?.errorSummary, ...causes].filter((s) => s && s !== '').join(' — ');
  switch (body?.errorCode) {
    case 'E0000011':
      return new AppError(
        'OKTA_TOKEN_INVALID',
        `${what}: the API token is invalid or expired.`,
        `Create a new one in the Admin Console under ${SECURITY_API} > Tokens (tokens expire after 30 days unused and stop working when the admin who created them is deactivated), then sign in with it.`,
      );
    case 'E0000005':
      return new AppError(
        'OKTA_NO_CREDENTIALS',
        `${what}: the request carried no valid credentials.`,
        'Sign in to the org again.',
      );
    case 'E0000006':
      return new AppError(
        'OKTA_ROLE_MISSING',
        `${what}: your admin role does not allow it.`,
        `This needs ${call.roleNeeded}. Ask a Super Admin to assign it under Security > Administrators, or sign in as an admin who has it.`,
      );
    case 'E0000015':
      return new AppError(
        'OKTA_FEATURE_DISABLED',
        `${what}: the feature is not enabled in this org.`,
        'Ask Okta support or your account team to enable it, or do this step in the Admin Console.',
      );
    case 'E0000007':
      return new AppError(
        'OKTA_NOT_FOUND',
        `${what}: ${detail || 'the resource does not exist'}.`,
        'It may have been deleted in the Admin Console; refresh and choose it again.',
      );
    case 'E0000022':
      return new AppError(
        'OKTA_UNSUPPORTED',
        `${what}: this org does not support the operation for this app.`,
        'Do this step in the Admin Console; the wizard shows how.',
      );
    case 'E0000040':
      return new AppError(
        'OKTA_DUPLICATE_LABEL',
        `${what}: ${detail}.`,
        'Choose a label no other app in the org uses, or pick the existing app instead.',
        'label',
      );
    case 'E0000056':
      return new AppError('OKTA_APP_ACTIVE', `${what}: the app is active.`, 'Deactivate the app first.');
    case 'E0000075':
      return new AppError(
        'OKTA_ATTRIBUTE_MAPPED',
        `${what}: ${detail}.`,
        "The attribute is filled by a profile mapping; change the mapping in the app's Provisioning tab instead.",
      );
    case 'E0000047':
      return new AppError(
        'OKTA_RATE_LIMITED',
        `${what}: the org's API rate limit is exhausted and retries ran out.`,
        'Wait a minute and retry; if it keeps happening, other tools are using the same limit (see Reports > Rate Limits).',
      );
    case 'E0000001':
    case 'E0000003': {
      const field = causes[0]?.split(':')[0]?.trim();
      return new AppError(
        'OKTA_VALIDATION',
        `${what}: ${detail}.`,
        'Correct the value named above and try again.',
        field && field !== '' ? field : undefined,
      );
    }
    default:
      break;
  }
  if (call.status >= 500) {
    return new AppError(
      'OKTA_UNAVAILABLE',
      `${what}: ${call.orgUrl} answered HTTP ${call.status}.`,
      'Okta may be having an incident (status.okta.com); try again in a few minutes.',
    );
  }
  if (call.status === 401) {
    return new AppError(
      'OKTA_TOKEN_REJECTED',
      `${what}: the credentials were rejected (HTTP 401).`,
      'Sign in to the org again.',
    );
  }
  if (call.status === 403) {
    return new AppError('OKTA_FORBIDDEN', `${what}: access denied (HTTP 403).`, `This needs ${call.roleNeeded}.`);
  }
  return new AppError(
    'OKTA_REQUEST_FAILED',
    `${what}: HTTP ${call.status}${detail ? ` — ${detail}` : ''}.`,
    'Check the values you entered; if they look right, report this with the org URL.',
  );
}

/** No answer at all. For a write the outcome is unknown, and the admin has to be told so. */
export function unreachable(orgUrl: string, operation: string, cause: unknown, write: boolean): AppError {
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const reason =
    typeof code === 'string'
      ? code
      : cause instanceof Error
        ? cause.name === 'TimeoutError'
          ? 'timed out'
          : cause.message
        : 'connection failed';
  return new AppError(
    'OKTA_UNREACHABLE',
    `Could not ${operation}: ${orgUrl} did not answer (${reason}).`,
    write
      ? 'The change may or may not have reached Okta. Check your connection, then run the step again: it reads what Okta has before writing, so nothing is made twice.'
      : 'Check the org URL (https://<your-org>.okta.com) and your network connection.',
  );
}
