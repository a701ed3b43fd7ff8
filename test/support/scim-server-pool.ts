import { afterEach } from 'vitest';
import { startBrokenScimServer, type BrokenScimKind } from './broken-scim-servers';
import { startScimServer, type FilterBehaviour, type ScimTestServer } from './scim-server';

/** SCIM servers on 127.0.0.1 for one test file, all closed after each test. */
export function scimServerPool(token: string): {
  good(filtering?: FilterBehaviour): Promise<ScimTestServer>;
  broken(kind: BrokenScimKind): Promise<ScimTestServer>;
} {
  const servers: ScimTestServer[] = [];
  // allSettled: a test may already have closed a server to see how a dead endpoint is named.
  afterEach(async () => {
    await Promise.allSettled(servers.splice(0).map((s) => s.close()));
  });
  const keep = async (server: Promise<ScimTestServer>) => {
    const started = await server;
    servers.push(started);
    return started;
  };
  return {
    good: (filtering) => keep(startScimServer({ token, ...(filtering ? { filtering } : {}) })),
    broken: (kind) => keep(startBrokenScimServer(kind, { token })),
  };
}
