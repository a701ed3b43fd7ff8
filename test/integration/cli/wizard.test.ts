import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import type { StepOutcome } from '../../../src-main/cli/wizard';
import { mixpanel } from '../../../src-main/vendors/mixpanel';
import { setStepSkipped } from '../../../src-main/steps/skip';
import { openWorkspace } from '../../../src-main/workspace/workspace';
import { captureIo } from '../../support/capture-io';
import { startSandbox } from '../../support/sandbox';
import { withTempDir } from '../../support/temp-dir';
import { ConsoleClient } from '../sandbox-console/console-client';

interface RunReport {
  phase: string;
  integration: { label: string; vendorId: string };
  steps: StepOutcome[];
  exitCode: number;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function cli(dir: string, args: string[]) {
  const io = captureIo();
  const code = await runCli([...args, '--data-dir', dir], io);
  return { code, io };
}

/** A client signed in to a practice org with its API token, and a Mixpanel integration. */
async function mixpanelClient(dir: string, orgUrl: string, apiToken: string): Promise<void> {
  expect((await cli(dir, ['clients', 'add', '--name', 'Acme', '--org-url', orgUrl])).code).toBe(0);
  const file = join(dir, 'token');
  await writeFile(file, apiToken, { mode: 0o600 });
  const signin = ['org', 'signin', '--client', 'Acme', '--method', 'api-token', '--token-file', file];
  expect((await cli(dir, signin)).code).toBe(0);
  expect((await cli(dir, ['integrations', 'add', '--client', 'Acme', '--vendor', 'mixpanel'])).code).toBe(0);
}

const target = ['--client', 'Acme', '--integration', 'Mixpanel'];

describe('plan, apply and verify run the wizard steps without a window', () => {
  it('a manual catalog step: plan prints every value, apply exits 1 until the admin did it, then 0 and verified', async () => {
    const org = await startSandbox();
    await withTempDir(async (dir) => {
      await mixpanelClient(dir, org.url, org.apiToken);
      const addUrl = `${org.url}/admin/app/mixpanel/instance/_new_/`;

      const plan = await cli(dir, ['plan', ...target, '--step', 'app']);
      expect(plan.code).toBe(0);
      expect(plan.io.stdout.split('\n')).toEqual(
        expect.arrayContaining([
          'app: planned',
          '  YOU DO Okta Admin Console: Add the Mixpanel app from the Okta catalog, click Done, then click Check Okta here',
          `      Open: ${addUrl}`,
          '      Then: The wizard finds the new app and finishes it (label, settings) through the API',
          'Manual work ("YOU DO") is yours; when it is done, prove it: okta-onboard verify --client "Acme" --integration "Mixpanel"',
        ]),
      );

      const pending = await cli(dir, ['apply', ...target, '--step', 'app', '--json']);
      const pendingReport = pending.io.json<RunReport>();
      expect(pending.code).toBe(1);
      expect(pendingReport).toMatchObject({ phase: 'apply', exitCode: 1, integration: { vendorId: 'mixpanel' } });
      expect(pendingReport.steps.map((s) => [s.stepId, s.status, s.checks.map((c) => [c.id, c.status])])).toEqual([
        ['app', 'applied', [['app-exists', 'fail']]],
      ]);

      await new ConsoleClient(org).addCatalogApp(addUrl, { label: 'Mixpanel SSO' });
      const applied = await cli(dir, ['apply', ...target, '--step', 'app', '--json']);
      expect(applied.code).toBe(0);
      expect(applied.io.json<RunReport>().steps).toMatchObject([{ stepId: 'app', status: 'verified', changes: [] }]);

      const verified = await cli(dir, ['verify', ...target, '--step', 'app', '--json']);
      expect(verified.code).toBe(0);
      const step = verified.io.json<RunReport>().steps[0];
      expect(step?.status).toBe('verified');
      expect(Date.parse(step?.verifiedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
      expect(step?.checks.every((c) => c.status !== 'fail')).toBe(true);
    });
  }, 120_000);

  it('plan over all steps names each blocked step with its reason and exits 0; piped output has no progress', async () => {
    const org = await startSandbox();
    await withTempDir(async (dir) => {
      await mixpanelClient(dir, org.url, org.apiToken);
      const plan = await cli(dir, ['plan', ...target, '--json']);
      expect(plan.code).toBe(0);
      expect(plan.io.stderr).toBe('');
      const steps = plan.io.json<RunReport>().steps;
      expect(steps.map((s) => s.stepId)).toEqual(mixpanel.steps.map((s) => s.id));
      expect(steps.find((s) => s.stepId === 'metadata')).toMatchObject({
        status: 'needs-input',
        blockers: [{ message: "The metadata belongs to the vendor's app, which is not in Okta yet.", stepId: 'app' }],
      });
    });
  }, 120_000);

  it('progress goes to stderr on a terminal', async () => {
    const org = await startSandbox();
    await withTempDir(async (dir) => {
      await mixpanelClient(dir, org.url, org.apiToken);
      const tty = Object.assign(captureIo(), { isTTY: true });
      expect(await runCli(['plan', ...target, '--step', 'app', '--data-dir', dir], tty)).toBe(0);
      expect(tty.stderr).toBe('[1/1] app: inspecting…\n');
    });
  }, 120_000);

  it('exit 2 for a step the integration does not have, naming its steps', async () => {
    await withTempDir(async (dir) => {
      const workspace = await openWorkspace(dir);
      const client = await workspace.addClient({ name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false });
      await workspace.addIntegration({ clientId: client.id, vendorId: 'mixpanel' });
      const run = await cli(dir, ['verify', ...target, '--step', 'role']);
      expect(run.code).toBe(2);
      expect(run.io.stderr).toBe(
        `error: --step: "role" is not a step of this integration.\nhint: Use one of: ${mixpanel.steps.map((s) => s.id).join(', ')}.\n`,
      );
      const missing = await cli(dir, ['apply', '--client', 'Acme']);
      expect(missing.code).toBe(2);
    });
  });

  it('exit 3 when the org cannot be reached, with the step error in --json', async () => {
    const org = await startSandbox();
    await withTempDir(async (dir) => {
      await mixpanelClient(dir, org.url, org.apiToken);
      const workspace = await openWorkspace(dir);
      const client = await workspace.findClient('Acme');
      const deadUrl = `http://127.0.0.1:${await closedPort()}`;
      await workspace.updateClient(client.id, (c) => {
        c.orgUrl = deadUrl;
      });
      const run = await cli(dir, ['verify', ...target, '--step', 'app', '--json']);
      expect(run.code).toBe(3);
      expect(run.io.json<RunReport>().steps).toMatchObject([
        { stepId: 'app', status: 'error', error: { code: 'OKTA_UNREACHABLE' } },
      ]);
    });
  }, 120_000);

  it('optional steps with nothing configured, or skipped, are reported as not run: plan and apply do not fail on them', async () => {
    const org = await startSandbox();
    await withTempDir(async (dir) => {
      await mixpanelClient(dir, org.url, org.apiToken);
      const workspace = await openWorkspace(dir);
      const integration = await workspace.findIntegration((await workspace.findClient('Acme')).id, 'Mixpanel');
      await setStepSkipped(workspace, { integrationId: integration.id, stepId: 'scim' }, true, new Date());
      // The app exists (a custom SAML app made through the API), so migrate is blocked by nothing but its import.
      await workspace.updateStep(integration.id, 'app', (record) => {
        record.input = { ...record.input, mode: 'custom' };
      });
      expect((await cli(dir, ['apply', ...target, '--step', 'app'])).code).toBe(0);

      const plan = await cli(dir, ['plan', ...target, '--json']);
      expect(plan.code).toBe(0);
      const steps = plan.io.json<RunReport>().steps;
      expect(steps.find((s) => s.stepId === 'scim')).toMatchObject({
        status: 'skipped',
        optional: true,
        changes: [],
        checks: [],
      });
      // No export imported: the migrate step is not configured, not an error (it used to fail with
      // MIGRATE_NOTHING_IMPORTED and make plan exit 1).
      const migrate = steps.find((s) => s.stepId === 'migrate');
      expect(migrate).toMatchObject({ status: 'not-configured', optional: true });
      expect(migrate?.error).toBeUndefined();
      expect(migrate?.blockers[0]?.message).toBe(
        "No export of Mixpanel's current users has been imported for this integration.",
      );

      const text = await cli(dir, ['plan', ...target]);
      expect(text.code).toBe(0);
      expect(text.io.stdout.split('\n')).toEqual(
        expect.arrayContaining([
          'scim: skipped (optional; skipped by you, not run)',
          'migrate: not configured (optional; not run)',
          expect.stringMatching(
            /^ {2}to set it up: No export of Mixpanel's current users .* --vendor-users team\.csv; or skip this optional step\.$/,
          ),
        ]),
      );

      // Named with --step, an unconfigured optional step is run and says what it needs.
      const named = await cli(dir, ['apply', ...target, '--step', 'migrate', '--json']);
      expect(named.code).toBe(1);
      expect(named.io.json<RunReport>().steps).toMatchObject([{ stepId: 'migrate', status: 'needs-input' }]);
    });
  }, 120_000);
});
