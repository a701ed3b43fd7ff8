import { oauthPlugin } from '../../../src-main/sandbox/oauth';
import { builtInPlugins } from '../../../src-main/sandbox/plugins';
import { provisioningPlugin } from '../../../src-main/sandbox/provisioning';
import type { SandboxOptions } from '../../../src-main/sandbox/server';
import { startSandbox } from '../../support/sandbox';

/** A sandbox org with the OAuth server and API provisioning, whether or not they are built in yet. */
export function startFullSandbox(options: SandboxOptions = {}) {
  const missing = [oauthPlugin, provisioningPlugin].filter((p) => !builtInPlugins.some((b) => b.name === p.name));
  return startSandbox({ ...options, plugins: [...missing, ...(options.plugins ?? [])] });
}
