import { createHash } from 'node:crypto';
import type { SandboxContext, SandboxPlugin } from '../context';
import { json } from '../router';

/**
 * `GET /.well-known/okta-organization` (Okta's getWellknownOrgMetadata: GA, no credentials): the
 * org's id, its URL and its pipeline (`idx` for Identity Engine). What a tool asks to learn whether
 * a URL is an Okta org at all. The id is made from the org's name so it stays the same across restarts.
 */
export const orgMetadataPlugin: SandboxPlugin = {
  name: 'org-metadata',
  install(ctx: SandboxContext) {
    const digest = createHash('sha256').update(ctx.state.orgName).digest('base64url').replace(/[-_]/g, '0');
    const id = `00o${digest.slice(0, 17)}`;
    ctx.router.add({
      method: 'GET',
      path: '/.well-known/okta-organization',
      auth: 'none',
      handler: () => json(200, { id, pipeline: 'idx', _links: { organization: { href: ctx.baseUrl } } }),
    });
  },
};
