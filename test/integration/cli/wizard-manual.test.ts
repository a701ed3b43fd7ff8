import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import type { StepOutcome } from '../../../src-main/cli/wizard';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { openWorkspace } from '../../../src-main/workspace/workspace';
import { captureIo } from '../../support/capture-io';
import { api, startSandbox } from '../../support/sandbox';
import { withTempDir } from '../../support/temp-dir';

interface RunReport {
  steps: StepOutcome[];
  exitCode: number;
  actions?: { notes: string[]; files: Record<string, string> };
}

async function cli(dir: string, args: string[]) {
  const io = captureIo();
  const code = await runCli([...args, '--data-dir', dir], io);
  return { code, io };
}

/** A client signed in to a practice org, with an integration made from a plan file and applied. */
async function integrationFromPlan(
  dir: string,
  org: Awaited<ReturnType<typeof startSandbox>>,
  plan: string,
): Promise<void> {
  expect((await cli(dir, ['clients', 'add', '--name', 'Acme', '--org-url', org.url])).code).toBe(0);
  const token = join(dir, 'token');
  await writeFile(token, org.apiToken, { mode: 0o600 });
  const signin = ['org', 'signin', '--client', 'Acme', '--method', 'api-token', '--token-file', token];
  expect((await cli(dir, signin)).code).toBe(0);
  const file = join(dir, 'seed.yaml');
  await writeFile(file, plan);
  expect((await cli(dir, ['apply', '--client', 'Acme', '--plan-file', file])).code).toBe(1);
}

const ALICE = 'ava.adams@acme.example';
const only = (run: { io: { json<T>(): T } }) => run.io.json<RunReport>().steps[0]!;

describe("apply --step does a screen's manual work from the command line", () => {
  it('Mixpanel: every value to paste is printed whole, --sent and --confirmed record it, the test login signs in with the password', async () => {
    const org = await startSandbox();
    await withTempDir(async (dir) => {
      await integrationFromPlan(
        dir,
        org,
        'kind: okta-onboard-plan\nversion: 1\nvendor: mixpanel\nsteps:\n  app: { mode: custom }\n  domains: { domains: [acme.example] }\n',
      );
      const t = ['--client', 'Acme', '--integration', 'Mixpanel'];
      const target = 'okta-onboard apply --client "Acme" --integration "Mixpanel"';
      const integration = (await (await openWorkspace(dir)).listIntegrations())[0]!;

      const plan = await cli(dir, ['plan', ...t, '--step', 'register']);
      expect(plan.code).toBe(0);
      const lines = plan.io.stdout.split('\n');
      const pem = integration.facts.certificatePem!.trim().split('\n');
      // The certificate keeps every line, indented under its field, so it is copied whole.
      expect(lines).toEqual(
        expect.arrayContaining([
          `      Public Certificate: ${pem[0]}`,
          ...pem.slice(1).map((l) => `        ${l}`),
          `      Authentication URL (Okta "Redirect Login URL"): ${integration.facts.idpSsoUrl}`,
          `      Issuer URL (Okta "Identity Provider Issuer"): ${integration.facts.idpIssuer}`,
          `      on the command line: ${target} --step register --sent email|eml|copied   (after sending; --save-eml <file> saves the email)`,
        ]),
      );

      const unsent = await cli(dir, ['apply', ...t, '--step', 'register', '--json']);
      expect(unsent.code).toBe(1);
      expect(only(unsent)).toMatchObject({
        status: 'error',
        error: {
          code: 'REGISTER_SEND_BY_HAND',
          hint: `Send or paste the values listed (${target} --step register --save-eml mail.eml saves the email, metadata attached), then record it: ${target} --step register --sent email|eml|copied`,
        },
      });

      const eml = await cli(dir, ['apply', ...t, '--step', 'register', '--save-eml', join(dir, 'x.eml')]);
      expect([eml.code, eml.io.stderr.split('\n')[0]]).toEqual([
        2,
        'error: --save-eml: Mixpanel takes the values pasted into its settings, not by email.',
      ]);

      const sent = await cli(dir, ['apply', ...t, '--step', 'register', '--sent', 'copied', '--json']);
      expect(sent.code).toBe(1);
      expect(sent.io.json<RunReport>().actions).toEqual({
        notes: ['Recorded: values copied to the vendor (reported by you).'],
        files: {},
      });
      expect(only(sent).changes.map((c) => c.id)).toEqual(['register-confirm']);
      const confirmed = await cli(dir, ['apply', ...t, '--step', 'register', '--confirmed', '--json']);
      expect(only(confirmed).checks.find((c) => c.id === 'register-confirmed')?.detail).toMatch(
        /^Reported by you: confirmed \d{4}-/,
      );

      const user = await api<{ id: string }>(org, 'GET', `/api/v1/users/${encodeURIComponent(ALICE)}`);
      await api(org, 'POST', `/api/v1/apps/${integration.facts.appId}/users`, {
        body: { id: user.body.id, scope: 'USER' },
      });
      const chosen = await cli(dir, ['apply', ...t, '--step', 'test-login', '--set', `userLogin=${ALICE}`]);
      expect(chosen.code).toBe(1);
      expect(chosen.io.stdout.split('\n')).toEqual(
        expect.arrayContaining([
          'Saved userLogin on the test-login step.',
          `  YOU DO Mixpanel sign-in as ${ALICE}: Sign in as ${ALICE} (SP-initiated) and capture the SAMLResponse.`,
          '      Starts at: https://mixpanel.com/login/',
          `      on the command line: ${target} --step test-login --password-file <file> [--mode idp|sp]   (or --saml-response-file <file> --mode idp|sp)`,
        ]),
      );
      const password = join(dir, 'password');
      await writeFile(password, `${SANDBOX_PASSWORD}\n`, { mode: 0o600 });
      const login = await cli(dir, ['apply', ...t, '--step', 'test-login', '--password-file', password, '--json']);
      expect(login.code).toBe(0);
      expect(login.io.json<RunReport>().actions?.notes).toEqual([
        'Signed in IdP-initiated as the test user with the password (kept nowhere).',
        'Signed in SP-initiated as the test user with the password (kept nowhere).',
      ]);
      expect(only(login).status).toBe('verified');
      expect(login.io.stdout).not.toContain(SANDBOX_PASSWORD);
      expect((await cli(dir, ['verify', ...t, '--step', 'test-login'])).code).toBe(0);
    });
  }, 180_000);

  it('Custom SAML: --save-eml writes the email with the metadata attached, --sent eml records it', async () => {
    const org = await startSandbox();
    await withTempDir(async (dir) => {
      await integrationFromPlan(
        dir,
        org,
        'kind: okta-onboard-plan\nversion: 1\nvendor: custom-saml\nlabel: Vendor SSO\nsteps:\n  app: { ssoAcsUrl: "https://vendor.example/acs", audience: "https://vendor.example/sp" }\n',
      );
      const t = ['--client', 'Acme', '--integration', 'Vendor SSO', '--step', 'register'];
      const file = join(dir, 'register.eml');
      const run = await cli(dir, [
        'apply',
        ...t,
        '--set',
        'supportEmail=sso@vendor.example',
        '--set',
        'companyName=Acme Corp',
        '--save-eml',
        file,
        '--sent',
        'eml',
        '--json',
      ]);
      const report = run.io.json<RunReport>();
      expect(report.actions?.files).toEqual({ eml: file });
      expect(report.actions?.notes[0]).toBe('Saved supportEmail, companyName on the register step.');
      const eml = await readFile(file, 'utf8');
      expect(eml).toMatch(/^To: sso@vendor\.example\r?$/m);
      expect(eml).toContain('okta-idp-metadata.xml');
      expect(only(run)).toMatchObject({ status: 'applied', changes: [{ id: 'register-confirm', kind: 'manual' }] });
    });
  }, 180_000);

  it('the step options are refused where they do not belong, naming the option (exit 2)', async () => {
    await withTempDir(async (dir) => {
      const workspace = await openWorkspace(dir);
      const client = await workspace.addClient({ name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false });
      await workspace.addIntegration({ clientId: client.id, vendorId: 'mixpanel' });
      const t = ['--client', 'Acme', '--integration', 'Mixpanel'];
      const cases: [string[], string][] = [
        [
          ['plan', ...t, '--step', 'test-login', '--set', 'userLogin=a@b.c'],
          'error: --set belongs to apply with one --step.',
        ],
        [['apply', ...t, '--set', 'userLogin=a@b.c'], 'error: --set belongs to apply with one --step.'],
        [['apply', ...t, '--step', 'app', '--sent', 'email'], 'error: --sent belongs to --step register, not app.'],
        [
          ['apply', ...t, '--step', 'register', '--password-file', 'x'],
          'error: --password-file belongs to --step test-login, not register.',
        ],
        [
          ['apply', ...t, '--step', 'scim', '--set', 'token=abc'],
          'error: --set token: a secret is never typed on the command line (it would stay in the shell history).',
        ],
        [
          ['apply', ...t, '--step', 'app', '--secret-file', 'label=x'],
          'error: --secret-file label: the app step has no secret field "label".',
        ],
        [['apply', ...t, '--step', 'app', '--set', 'label'], 'error: --set "label" is not <field>=<value>.'],
        [
          ['apply', ...t, '--step', 'test-login', '--saml-response-file', 'x'],
          'error: --mode is required with --saml-response-file: say how the captured sign-in started.',
        ],
      ];
      for (const [args, message] of cases) {
        const run = await cli(dir, args);
        expect([args.join(' '), run.code, run.io.stderr.split('\n')[0]]).toEqual([args.join(' '), 2, message]);
      }
    });
  });
});
