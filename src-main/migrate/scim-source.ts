import type { Integration } from '../api/model';
import { AppError } from '../errors';
import { secretKey } from '../steps/runner';
import { vendorProfile } from '../vendors';
import type { SecretStore } from '../workspace/secrets';
import type { VendorScimOptions } from './vendor-scim';

/**
 * The vendor SCIM endpoint and bearer token the integration's SCIM check step already holds, with
 * the vendor's role attribute: what a live read of the vendor's accounts needs. The token comes
 * from the secret store and goes no further than the main process.
 */
export async function scimSourceOf(
  integration: Integration,
  secrets: Pick<SecretStore, 'get'>,
): Promise<Pick<VendorScimOptions, 'baseUrl' | 'token' | 'role'>> {
  const profile = vendorProfile(integration.vendorId);
  if (!profile.scim)
    throw new AppError(
      'INVALID_SCIM_SOURCE',
      `${profile.name} has no SCIM endpoint, so its accounts cannot be read live.`,
      `Import ${profile.name}'s user export (CSV or TSV) instead.`,
    );
  const saved = integration.steps.scim?.input.baseUrl;
  const baseUrl = typeof saved === 'string' && saved.trim() !== '' ? saved.trim() : (profile.scim.baseUrl ?? '');
  const token = await secrets.get(
    integration.clientId,
    secretKey({ integrationId: integration.id, stepId: 'scim' }, 'token'),
  );
  if (baseUrl === '' || token === undefined || token.trim() === '')
    throw new AppError(
      'MISSING_SCIM_SOURCE',
      `No ${baseUrl === '' ? 'SCIM base URL' : 'SCIM bearer token'} is saved for this integration.`,
      `Enter ${profile.scim.tokenSource} and the base URL on the SCIM check step first, or import ${profile.name}'s user export (CSV) instead.`,
    );
  return {
    baseUrl,
    token,
    ...(profile.role
      ? { role: { externalName: profile.role.externalName, externalNamespace: profile.role.externalNamespace } }
      : {}),
  };
}
