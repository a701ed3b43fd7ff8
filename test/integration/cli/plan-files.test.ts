import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../../../src-main/cli';
import type { StepOutcome } from '../../../src-main/cli/wizard';
import { openWorkspace } from '../../../src-main/workspace/workspace';
import { captureIo } from '../../support/capture-io';
import { startSandbox } from '../../support/sandbox';
import { withTempDir } from '../../support/temp-dir';

async function cli(dir: string, args: string[]) {
  const io = captureIo();
  const code = await runCli([...args, '--data-dir', dir], io);
  return { code, io };
}

/** A client signed in to its own practice org with the org's API token. */
async function addClient(dir: string, name: string): Promise<void> {
  const org = await startSandbox();
  expect((await cli(dir, ['clients', 'add', '--name', name, '--org-url', org.url])).code).toBe(0);
  const file = join(dir, `${name}.token`);
  await writeFile(file, org.apiToken, { mode: 0o600 });
  expect(
    (await cli(dir, ['org', 'signin', '--client', name, '--method', 'api-token', '--token-file', file])).code,
  ).toBe(0);
}

const statuses = (steps: StepOutcome[]) => Object.fromEntries(steps.map((s) => [s.stepId, s.status]));

describe('plan files repeat one setup across clients', () => {
  it('a plan saved from one integration creates and applies the same integration for two other clients', async () => {
    await withTempDir(async (dir) => {
      for (const name of ['Acme', 'Globex', 'Initech']) await addClient(dir, name);
      const seed = join(dir, 'seed.yaml');
      await writeFile(
        seed,
        'kind: okta-onboard-plan\nversion: 1\nvendor: mixpanel\nsteps:\n  app: { mode: custom }\n  domains: { domains: [acme.example] }\n',
      );
      const first = await cli(dir, ['apply', '--client', 'Acme', '--plan-file', seed, '--json']);
      expect(statuses(first.io.json<{ steps: StepOutcome[] }>().steps)).toMatchObject({
        app: 'verified',
        metadata: 'verified',
      });

      const saved = join(dir, 'mixpanel.yaml');
      const plan = await cli(dir, [
        'plan',
        '--client',
        'Acme',
        '--integration',
        'Mixpanel',
        '--step',
        'app',
        '--save-plan',
        saved,
      ]);
      expect(plan.code).toBe(0);
      expect(plan.io.stdout).toContain(`Saved the plan (no secrets) to ${saved}.`);
      const text = await readFile(saved, 'utf8');
      expect(parseYaml(text)).toEqual({
        kind: 'okta-onboard-plan',
        version: 1,
        vendor: 'mixpanel',
        label: 'Mixpanel',
        steps: { app: { mode: 'custom' }, domains: { domains: ['acme.example'] } },
      });

      for (const name of ['Globex', 'Initech']) {
        const run = await cli(dir, ['apply', '--client', name, '--plan-file', saved, '--json']);
        const report = run.io.json<{ createdFromPlan: string; steps: StepOutcome[] }>();
        expect(report.createdFromPlan).toBe(saved);
        expect(statuses(report.steps)).toMatchObject({ app: 'verified', metadata: 'verified' });
        const verify = await cli(dir, ['verify', '--client', name, '--integration', 'Mixpanel', '--step', 'app']);
        expect(verify.code).toBe(0);
      }
      const workspace = await openWorkspace(dir);
      expect((await workspace.listIntegrations()).map((i) => i.label)).toEqual(['Mixpanel', 'Mixpanel', 'Mixpanel']);
    });
  }, 180_000);

  it('a bad plan file exits 2 with its path and expected value, and creates nothing', async () => {
    await withTempDir(async (dir) => {
      const workspace = await openWorkspace(dir);
      await workspace.addClient({ name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false });
      const file = join(dir, 'plan.json');
      await writeFile(
        file,
        JSON.stringify({
          kind: 'okta-onboard-plan',
          version: 1,
          vendor: 'mixpanel',
          steps: { app: { mode: 'sideways' } },
        }),
      );
      const run = await cli(dir, ['apply', '--client', 'Acme', '--plan-file', file]);
      expect(run.code).toBe(2);
      expect(run.io.stderr.split('\n')[0]).toMatch(
        new RegExp(
          `^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: steps\\.app\\.mode: Invalid option: expected one of `,
        ),
      );
      expect(await workspace.listIntegrations()).toEqual([]);
    });
  });
});
