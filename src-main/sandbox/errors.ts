import { randomBytes } from 'node:crypto';

/** One entry of Okta's `errorCauses`: a field-level reason, e.g. "ssoAcsUrl: The field cannot be left blank". */
export interface OktaErrorCause {
  errorSummary: string;
}

/** The body Okta answers every Management API failure with. */
export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: OktaErrorCause[];
}

/**
 * A failure a route throws; the server turns it into the HTTP status, headers and Okta body.
 * `body: null` answers with no body at all, as Okta does for OAuth scope and token failures.
 */
export class OktaApiError extends Error {
  readonly status: number;
  readonly body: OktaErrorBody | null;
  readonly headers: Record<string, string>;

  constructor(status: number, body: OktaErrorBody | null, headers: Record<string, string> = {}) {
    super(body?.errorSummary ?? `HTTP ${status}`);
    this.name = 'OktaApiError';
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** Okta's error ids look like `oaeXXXXXXXXXXXXXXXXXXXXX` (3 + 22 characters). */
export function newErrorId(): string {
  return `oae${randomBytes(16).toString('base64url').slice(0, 22)}`;
}

/** Every answer carries one, as Okta's do: support finds a call in Okta's logs by it. */
export function newRequestId(): string {
  return randomBytes(20).toString('base64url').slice(0, 27);
}

export function oktaError(
  status: number,
  errorCode: string,
  errorSummary: string,
  causes: string[] = [],
): OktaApiError {
  return new OktaApiError(status, {
    errorCode,
    errorSummary,
    errorLink: errorCode,
    errorId: newErrorId(),
    errorCauses: causes.map((c) => ({ errorSummary: c })),
  });
}

/** E0000001: the body parsed but a field is wrong; causes read `field: reason`. */
export function validationFailed(field: string, causes: string[]): OktaApiError {
  return oktaError(400, 'E0000001', `Api validation failed: ${field}`, causes);
}

/** E0000003: the body is not JSON, or not the shape the endpoint takes. */
export function malformedBody(): OktaApiError {
  return oktaError(400, 'E0000003', 'The request body was not well-formed.');
}

export function invalidSession(): OktaApiError {
  return oktaError(403, 'E0000005', 'Invalid session');
}

export function forbidden(): OktaApiError {
  return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action');
}

/** E0000007 with the resource's id and type, e.g. `Not found: Resource not found: 0oa1 (AppInstance)`. */
export function notFound(id: string, type: string): OktaApiError {
  return oktaError(404, 'E0000007', `Not found: Resource not found: ${id} (${type})`);
}

export function invalidToken(): OktaApiError {
  return oktaError(401, 'E0000011', 'Invalid token provided');
}

export function methodNotAllowed(): OktaApiError {
  return oktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method');
}

export function rateLimited(): OktaApiError {
  return oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');
}

export function deleteActiveApp(): OktaApiError {
  return oktaError(403, 'E0000056', 'Delete application forbidden.', [
    'The application must be deactivated before it can be deleted.',
  ]);
}

export function internalError(): OktaApiError {
  return oktaError(500, 'E0000009', 'Internal Server Error');
}
