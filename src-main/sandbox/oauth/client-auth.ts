import { checkClientAssertion, JWT_BEARER_ASSERTION_TYPE } from './client-assertion';
import type { OAuthClientRecord } from './clients';
import { invalidClient } from './oauth-error';
import type { OAuthState } from './oauth-state';

/**
 * Authenticates the client of a /token, /revoke or /introspect call: a public client by its
 * client_id, a confidential one only by a private_key_jwt assertion whose `aud` is `endpointUrl`.
 */
export async function authenticateClient(
  state: OAuthState,
  form: URLSearchParams,
  endpointUrl: string,
): Promise<OAuthClientRecord> {
  const assertion = form.get('client_assertion');
  const formClientId = form.get('client_id') ?? undefined;
  if (assertion !== null) {
    if (form.get('client_assertion_type') !== JWT_BEARER_ASSERTION_TYPE) {
      throw invalidClient(`The client_assertion_type must be '${JWT_BEARER_ASSERTION_TYPE}'.`);
    }
    const result = await checkClientAssertion({
      assertion,
      ...(formClientId === undefined ? {} : { clientId: formClientId }),
      lookupKeys: (id) => {
        const client = state.clients.get(id);
        return client?.tokenEndpointAuthMethod === 'private_key_jwt' ? client.jwks : undefined;
      },
      tokenUrl: endpointUrl,
      nowS: state.nowS(),
      rememberJti: (id, jti, exp) => state.assertionJtis.remember(`${id}:${jti}`, exp),
    });
    if (!result.ok) throw result.error;
    const client = state.clients.get(result.clientId);
    if (client === undefined) throw invalidClient("Invalid value for 'client_id' parameter.");
    return client;
  }
  if (formClientId === undefined)
    throw invalidClient('Client authentication failed. Either the client or the client credentials are invalid.');
  const client = state.clients.get(formClientId);
  if (client === undefined) throw invalidClient("Invalid value for 'client_id' parameter.");
  if (client.tokenEndpointAuthMethod !== 'none') {
    throw invalidClient('Client authentication failed. Either the client or the client credentials are invalid.');
  }
  return client;
}
