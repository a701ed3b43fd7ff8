import { createRequire } from 'node:module';
import { Client, type RequestExecutor } from '@okta/okta-sdk-nodejs';
import type { RequestPolicy } from './request-policy';

interface LoaderPrototype {
  applyDefaults(): void;
  apply(config: Record<string, unknown>): void;
}

let isolated = false;

/**
 * The SDK's ConfigLoader merges `~/.okta/okta.yaml`, `./okta.yaml` and every `OKTA_CLIENT_*`
 * variable into each Client it builds, under the config we pass. A stray file or variable on an
 * admin's machine could then add a private key or proxy setting to a customer's org connection,
 * so we replace its defaults step with the SDK's one built-in default and nothing else.
 */
export function isolateSdkConfig(): void {
  if (isolated) return;
  const require = createRequire(import.meta.url);
  const loaded: unknown = require('@okta/okta-sdk-nodejs/src/config-loader.js');
  const loader = (loaded as { ConfigLoader?: { prototype?: LoaderPrototype } }).ConfigLoader?.prototype;
  if (!loader || typeof loader.applyDefaults !== 'function') {
    throw new Error('@okta/okta-sdk-nodejs changed its ConfigLoader; review isolateSdkConfig before upgrading.');
  }
  loader.applyDefaults = function applyBuiltInDefaultsOnly(this: LoaderPrototype) {
    this.apply({ client: { authorizationMode: 'SSWS' } });
  };
  isolated = true;
}

/** The SDK constructor insists on a token; our policy sets the real Authorization on every attempt. */
const AUTHORIZATION_SET_PER_REQUEST = 'set-per-request-by-our-policy';

/**
 * An SDK Client wired to our request policy: no config files or environment, no response cache
 * (steps read back what they just wrote), and no Authorization of its own.
 */
export function createSdkClient(orgUrl: string, policy: RequestPolicy): Client {
  isolateSdkConfig();
  const client = new Client({
    orgUrl,
    authorizationMode: 'SSWS',
    token: AUTHORIZATION_SET_PER_REQUEST,
    requestExecutor: policy as unknown as RequestExecutor,
    cacheMiddleware: null,
  });
  delete client.http.defaultHeaders.Authorization;
  return client;
}
