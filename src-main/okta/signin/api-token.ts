import { AppError } from '../../errors';
import type { Authorizer } from '../request-policy';

export const API_TOKEN_SECRET = 'api-token';

/** Okta API tokens are 42 characters of [A-Za-z0-9_-]; a pasted token often carries a stray "SSWS ". */
export function cleanApiToken(input: string): string {
  const token = input.trim().replace(/^SSWS\s+/i, '');
  if (!/^[A-Za-z0-9_-]{20,}$/.test(token)) {
    throw new AppError(
      'OKTA_TOKEN_FORMAT',
      'That does not look like an Okta API token.',
      'Paste the token value shown once when it was created in Security > API > Tokens (about 42 letters, digits, - and _).',
      'token',
    );
  }
  return token;
}

export function apiTokenAuthorizer(token: string): Authorizer {
  const header = { Authorization: `SSWS ${token}` };
  return { headersFor: async () => header };
}
