import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import type { Client, Integration } from '../../../src-main/api/model';
import { captureIo } from '../../support/capture-io';
import { withTempDir } from '../../support/temp-dir';

async function seed(dir: string): Promise<void> {
  await runCli(
    ['clients', 'add', '--name', 'Acme', '--org-url', 'https://acme.okta.com', '--data-dir', dir],
    captureIo(),
  );
  await runCli(['integrations', 'add', '--client', 'Acme', '--vendor', 'mixpanel', '--data-dir', dir], captureIo());
  await runCli(
    ['integrations', 'add', '--client', 'Acme', '--vendor', 'mixpanel', '--label', 'Mixpanel EU', '--data-dir', dir],
    captureIo(),
  );
}

describe('okta-onboard rename and delete', () => {
  it('renames a client and an integration, and says nothing in Okta changed', async () => {
    await withTempDir(async (dir) => {
      await seed(dir);
      const client = captureIo();
      expect(
        await runCli(['clients', 'rename', '--client', 'acme', '--name', 'Acme Corp', '--data-dir', dir], client),
      ).toBe(0);
      expect(client.stdout).toContain('Renamed "Acme" to "Acme Corp". Nothing in Okta changed.');
      const io = captureIo();
      const args = ['--client', 'Acme Corp', '--integration', 'mixpanel', '--label', 'Mixpanel US'];
      expect(await runCli(['integrations', 'rename', ...args, '--data-dir', dir, '--json'], io)).toBe(0);
      expect(io.json<{ integration: Integration }>().integration.label).toBe('Mixpanel US');
    });
  });

  it('refuses a label another integration of the client has, naming it', async () => {
    await withTempDir(async (dir) => {
      await seed(dir);
      const io = captureIo();
      const args = ['--client', 'Acme', '--integration', 'Mixpanel', '--label', 'mixpanel eu', '--data-dir', dir];
      expect(await runCli(['integrations', 'rename', ...args], io)).toBe(2);
      expect(io.stderr).toContain('This client already has an integration named "mixpanel eu".');
    });
  });

  it('deletes an integration and then the client from the workspace only', async () => {
    await withTempDir(async (dir) => {
      await seed(dir);
      const io = captureIo();
      expect(
        await runCli(
          ['integrations', 'delete', '--client', 'Acme', '--integration', 'Mixpanel EU', '--data-dir', dir],
          io,
        ),
      ).toBe(0);
      expect(io.stdout).toContain('Deleted "Mixpanel EU" from "Acme" in this app. Nothing in Okta was changed.');
      const list = captureIo();
      await runCli(['integrations', 'list', '--data-dir', dir, '--json'], list);
      expect(list.json<{ integrations: Integration[] }>().integrations.map((i) => i.label)).toEqual(['Mixpanel']);
      const del = captureIo();
      expect(await runCli(['clients', 'delete', '--client', 'Acme', '--data-dir', dir], del)).toBe(0);
      expect(del.stdout).toContain('Nothing in the Okta org https://acme.okta.com was changed');
      const clients = captureIo();
      await runCli(['clients', 'list', '--data-dir', dir, '--json'], clients);
      expect(clients.json<{ clients: Client[] }>().clients).toEqual([]);
    });
  });
});
