import { buildOrgClient, type BuildOptions } from '../../src-main/okta/connect';
import type { OktaOrgClient } from '../../src-main/okta/org-client';
import { RatePacer } from '../../src-main/okta/rate-pacer';
import { apiTokenAuthorizer } from '../../src-main/okta/signin/api-token';

type Options = { orgUrl: string; apiToken: string } & Partial<
  Omit<BuildOptions, 'orgUrl' | 'authMethod' | 'authorizer'>
>;

/**
 * Our Okta client as the app builds it for an API token. Unless the test says otherwise it logs
 * no writes and has a pacer of its own, so no other test's requests in this process slow it down.
 */
export function apiTokenClient(options: Options): OktaOrgClient {
  const { apiToken, ...rest } = options;
  return buildOrgClient({
    clientId: 'test',
    audit: async () => undefined,
    pacer: new RatePacer(),
    ...rest,
    authMethod: 'api-token',
    authorizer: apiTokenAuthorizer(apiToken),
  });
}
