import { afterEach, describe, expect, it } from 'vitest';
import type { MigrateObserved } from '../../../src-main/api/step-migrate';
import { command } from '../../../src-main/cli/migrate';
import { connectOrg } from '../../../src-main/okta/connect';
import { ScimClient, ScimSchemas } from '../../../src-main/scim/client';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { captureIo } from '../../support/capture-io';
import { startScimServer, type ScimTestServer } from '../../support/scim-server';
import { harnessWithApp } from '../steps/with-saml-app';

const TOKEN = 'courier-scim-token-cli-77';
let scim: ScimTestServer | undefined;
afterEach(async () => {
  await scim?.close();
  scim = undefined;
});

describe('okta-onboard migrate plan|apply --vendor-scim (practice org, vendor SCIM server on 127.0.0.1)', () => {
  it("reads Courier's accounts live with the SCIM step's token and assigns each with the vendor's role", async () => {
    const h = await harnessWithApp('courier', { sandbox: { seed: { generate: { users: 40, groups: 2 } } } });
    await h.apply('role');
    scim = await startScimServer({ token: TOKEN });
    await h.save('scim', { baseUrl: scim.baseUrl, token: TOKEN, testUserName: '' });
    const okta = await connectOrg({
      clientId: h.client.id,
      orgUrl: h.org.url,
      auth: { method: 'api-token' },
      secrets: new FileSecretStore(h.dataDir),
      audit: async () => {},
    });
    const people = (await okta.listUsers({ limit: 200 }).all())
      .filter((u) => u.status === 'ACTIVE' && u.profile.login !== h.org.adminLogin)
      .slice(0, 30);
    const roles = ['ADMINISTRATOR', 'DEVELOPER', 'MANAGER'] as const;
    const vendor = new ScimClient({ baseUrl: scim.baseUrl, token: TOKEN });
    for (const [i, u] of people.entries()) {
      const reply = await vendor.createUser({
        schemas: [ScimSchemas.user],
        userName: u.profile.login,
        emails: [{ value: u.profile.email ?? u.profile.login, primary: true, type: 'work' }],
        active: i !== 29,
        role: roles[i % 3],
      });
      expect(reply.status).toBe(201);
    }
    const args = ['--client', h.client.name, '--integration', h.integration.id, '--vendor-scim'];

    const plan = captureIo();
    expect(await command.run(['plan', ...args, '--data-dir', h.dataDir, '--json'], plan)).toBe(0);
    const planned = plan.json<{ observed: MigrateObserved }>().observed;
    // The 30th account is deactivated at Courier: left out, not assigned.
    expect([planned.imported?.rows, planned.toAssign, planned.counts['to-assign']]).toEqual([29, 29, 29]);
    expect(planned.imported?.fileName).toBe(`SCIM ${scim.baseUrl}/Users`);
    const pages = scim.requests.filter((r) => r.method === 'GET' && r.path.includes('startIndex='));
    expect(pages.map((r) => r.path)).toEqual(['/scim/v2/Users?startIndex=1&count=100']);

    const apply = captureIo();
    expect(await command.run(['apply', ...args, '--data-dir', h.dataDir, '--route', 'direct'], apply)).toBe(0);
    expect(apply.stdout).toContain(
      `Read 29 active accounts from SCIM ${scim.baseUrl}/Users (1 deactivated at the vendor, left out).`,
    );
    expect(apply.stdout).toContain('Status: verified');
    const appUsers = await okta.listAppUsers(h.appId).all();
    expect(appUsers).toHaveLength(29);
    for (const [i, u] of people.slice(0, 29).entries())
      expect(appUsers.find((a) => a.id === u.id)?.profile.role).toBe(roles[i % 3]);
  }, 120_000);

  it('refuses --vendor-scim without a saved SCIM token, and names the step to fill in', async () => {
    const h = await harnessWithApp('courier');
    const io = captureIo();
    const code = await command.run(
      [
        'plan',
        '--client',
        h.client.name,
        '--integration',
        h.integration.id,
        '--vendor-scim',
        '--data-dir',
        h.dataDir,
        '--json',
      ],
      io,
    );
    expect(code).toBe(2);
    expect(io.json()).toMatchObject({
      error: { code: 'MISSING_SCIM_SOURCE', message: 'No SCIM base URL is saved for this integration.' },
    });
  }, 60_000);
});
