import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import type { Client, Integration } from '../../../src-main/api/model';
import { captureIo } from '../../support/capture-io';
import { withTempDir } from '../../support/temp-dir';

describe('okta-onboard clients and integrations', () => {
  it('adds and lists clients as JSON', async () => {
    await withTempDir(async (dir) => {
      const add = captureIo();
      expect(
        await runCli(
          ['clients', 'add', '--name', 'Acme', '--org-url', 'https://acme.okta.com/', '--data-dir', dir, '--json'],
          add,
        ),
      ).toBe(0);
      expect(add.json<{ client: Client }>().client).toMatchObject({
        name: 'Acme',
        orgUrl: 'https://acme.okta.com',
        sandbox: false,
        auth: { method: 'none' },
      });
      const list = captureIo();
      expect(await runCli(['clients', 'list', '--data-dir', dir, '--json'], list)).toBe(0);
      expect(list.json<{ clients: Client[] }>().clients.map((c) => c.name)).toEqual(['Acme']);
    });
  });

  it.each([
    ['acme.okta.com', '"acme.okta.com" is not a URL; an Okta org URL looks like https://acme.okta.com'],
    ['http://acme.okta.com', '"http://acme.okta.com" must use https'],
    ['https://acme-admin.okta.com', 'is the Admin Console host; use the org URL without "-admin"'],
    ['https://acme.okta.com/app/UserHome', "must be the org's base URL without a path"],
  ])('refuses org URL %s with exit 2 and a message saying what a valid one looks like', async (orgUrl, message) => {
    await withTempDir(async (dir) => {
      const io = captureIo();
      expect(await runCli(['clients', 'add', '--name', 'Acme', '--org-url', orgUrl, '--data-dir', dir], io)).toBe(2);
      expect(io.stderr).toContain(message);
    });
  });

  it('adds an integration to a client by name and says its steps', async () => {
    await withTempDir(async (dir) => {
      await runCli(
        ['clients', 'add', '--name', 'Acme', '--org-url', 'https://acme.okta.com', '--data-dir', dir],
        captureIo(),
      );
      const io = captureIo();
      expect(
        await runCli(['integrations', 'add', '--client', 'acme', '--vendor', 'millie', '--data-dir', dir], io),
      ).toBe(0);
      expect(io.stdout).toBe(
        'Added Millie to "Acme": Company slug → Millie app → Metadata & certificate → Email domains → Send to Millie → Assign users → Migrate existing users → Test login\n',
      );
      const json = captureIo();
      await runCli(['integrations', 'list', '--data-dir', dir, '--json'], json);
      expect(json.json<{ integrations: Integration[] }>().integrations.map((i) => [i.vendorId, i.currentStep])).toEqual(
        [['millie', 'slug']],
      );
    });
  });

  it('refuses an unknown client with exit 2 (an input error) and names the known clients', async () => {
    await withTempDir(async (dir) => {
      await runCli(
        ['clients', 'add', '--name', 'Acme', '--org-url', 'https://acme.okta.com', '--data-dir', dir],
        captureIo(),
      );
      const io = captureIo();
      expect(
        await runCli(['integrations', 'add', '--client', 'Globex', '--vendor', 'courier', '--data-dir', dir], io),
      ).toBe(2);
      expect(io.stderr).toBe('error: No client named "Globex".\nhint: Known clients: "Acme".\n');
    });
  });

  it('refuses an unknown vendor with exit 2', async () => {
    await withTempDir(async (dir) => {
      await runCli(
        ['clients', 'add', '--name', 'Acme', '--org-url', 'https://acme.okta.com', '--data-dir', dir],
        captureIo(),
      );
      const io = captureIo();
      expect(
        await runCli(
          ['integrations', 'add', '--client', 'Acme', '--vendor', 'salesforce', '--data-dir', dir, '--json'],
          io,
        ),
      ).toBe(2);
      expect(io.json<{ error: { code: string; field: string } }>().error).toMatchObject({
        code: 'INVALID_ARGUMENT',
        field: 'vendor',
      });
    });
  });

  it('answers an unknown command with exit 2 and the list of commands', async () => {
    const io = captureIo();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stderr).toContain('unknown command "frobnicate"');
  });
});
