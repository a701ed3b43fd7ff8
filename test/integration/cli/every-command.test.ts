import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { runSandbox } from '../../../src-main/cli/sandbox';
import { openWorkspace } from '../../../src-main/workspace/workspace';
import { captureIo } from '../../support/capture-io';
import { startSandbox } from '../../support/sandbox';
import { makeTempDir } from '../../support/temp-dir';

/**
 * Every command's exit codes (0, 1, 2, 3) and the shape of its --json output, in process against a
 * practice org on 127.0.0.1, and an "org" that refuses (403, Okta's E0000006) or is down (503).
 */
const schemas = join(import.meta.dirname, '..', '..', '..', 'docs', 'schemas');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
async function validator(name: string) {
  if (!compiled.has(name))
    compiled.set(name, ajv.compile(JSON.parse(await readFile(join(schemas, name), 'utf8')) as object));
  return compiled.get(name)!;
}

let dir = '';
let remove: () => Promise<void> = async () => {};
let org: Awaited<ReturnType<typeof startSandbox>>;
const servers: Server[] = [];
let refusing = '';
let down = '';

/** A loopback server that answers every request with one status (Okta's error body). */
async function answering(status: number): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        status === 403
          ? { errorCode: 'E0000006', errorSummary: 'You do not have permission to perform the requested action' }
          : { errorCode: 'E0000009', errorSummary: 'Internal Server Error' },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function cli(args: string[]) {
  const io = captureIo();
  const code = await runCli([...args, '--data-dir', dir], io);
  return { code, io, doc: () => io.json<Record<string, unknown>>() };
}

/** A --json failure: one error document on stdout, nothing on stderr, valid against cli-error.schema.json. */
async function jsonError(args: string[], code: number) {
  const run = await cli([...args, '--json']);
  const valid = await validator('cli-error.schema.json');
  const doc = run.doc();
  expect({ code: run.code, stderr: run.io.stderr, valid: valid(doc) }).toEqual({ code, stderr: '', valid: true });
  return (doc as { error: { code: string; message: string; hint: string; field?: string } }).error;
}

beforeAll(async () => {
  ({ dir, remove } = await makeTempDir());
  org = await startSandbox();
  refusing = await answering(403);
  down = await answering(503);
  const token = join(dir, 'token');
  await writeFile(token, org.apiToken, { mode: 0o600 });
  for (const name of ['Acme', 'Refusing', 'Down']) {
    expect((await cli(['clients', 'add', '--name', name, '--org-url', org.url])).code).toBe(0);
    expect((await cli(['org', 'signin', '--client', name, '--method', 'api-token', '--token-file', token])).code).toBe(
      0,
    );
  }
  const plan = join(dir, 'mixpanel.yaml');
  await writeFile(
    plan,
    'kind: okta-onboard-plan\nversion: 1\nvendor: mixpanel\nsteps:\n  app: { mode: custom }\n  domains: { domains: [acme.example] }\n',
  );
  for (const name of ['Acme', 'Refusing'])
    expect((await cli(['apply', '--client', name, '--plan-file', plan])).code).toBe(1);
  // Signed in and set up; then its org starts refusing every call.
  const workspace = await openWorkspace(dir);
  await workspace.updateClient((await workspace.findClient('Refusing')).id, (c) => {
    c.orgUrl = refusing;
  });
  // And one whose org is down: every call answers 503 (retried with back-off, then given up).
  await workspace.updateClient((await workspace.findClient('Down')).id, (c) => {
    c.orgUrl = down;
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await remove();
});

const acme = ['--client', 'Acme', '--integration', 'Mixpanel'];
const refused = ['--client', 'Refusing', '--integration', 'Mixpanel'];

describe('every command: exit codes and --json output', () => {
  it('clients: list, add, rename, delete print one JSON document each; a missing value is 2', async () => {
    const list = await cli(['clients', 'list', '--json']);
    expect([list.code, Object.keys(list.doc())]).toEqual([0, ['clients']]);
    const added = await cli(['clients', 'add', '--name', 'Temp', '--org-url', 'https://temp.okta.com', '--json']);
    expect([added.code, Object.keys(added.doc())]).toEqual([0, ['client']]);
    expect(added.doc().client).toMatchObject({ name: 'Temp', orgUrl: 'https://temp.okta.com', sandbox: false });
    const renamed = await cli(['clients', 'rename', '--client', 'Temp', '--name', 'Temp 2', '--json']);
    expect([renamed.code, renamed.doc().client]).toEqual([0, expect.objectContaining({ name: 'Temp 2' })]);
    const deleted = await cli(['clients', 'delete', '--client', 'Temp 2', '--json']);
    expect([deleted.code, Object.keys(deleted.doc()), deleted.doc().integrations]).toEqual([
      0,
      ['deleted', 'integrations'],
      0,
    ]);
    expect(await jsonError(['clients', 'add', '--name', 'X'], 2)).toEqual({
      code: 'MISSING_ARGUMENT',
      message: '--org-url is required.',
      hint: 'For example: okta-onboard clients add --name "Acme" --org-url https://acme.okta.com',
      field: 'org-url',
    });
    expect((await jsonError(['clients', 'frobnicate'], 2)).message).toBe('Unknown subcommand "clients frobnicate".');
  });

  it('integrations: list, add, rename, delete; an unknown vendor is 2 naming the flag', async () => {
    const list = await cli(['integrations', 'list', '--client', 'Acme', '--json']);
    expect([list.code, Object.keys(list.doc())]).toEqual([0, ['integrations']]);
    const added = await cli(['integrations', 'add', '--client', 'Acme', '--vendor', 'courier', '--json']);
    expect([added.code, Object.keys(added.doc())]).toEqual([0, ['integration']]);
    const renamed = await cli([
      'integrations',
      'rename',
      '--client',
      'Acme',
      '--integration',
      'Courier',
      '--label',
      'C2',
      '--json',
    ]);
    expect([renamed.code, renamed.doc().integration]).toEqual([0, expect.objectContaining({ label: 'C2' })]);
    const deleted = await cli(['integrations', 'delete', '--client', 'Acme', '--integration', 'C2', '--json']);
    expect([deleted.code, Object.keys(deleted.doc())]).toEqual([0, ['deleted']]);
    expect(await jsonError(['integrations', 'add', '--client', 'Acme', '--vendor', 'okta'], 2)).toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'vendor',
    });
  });

  it('org check: 0 with identity and steps; 3 when the org refuses or is down; 2 for an unknown client', async () => {
    const ok = await cli(['org', 'check', '--client', 'Acme', '--json']);
    expect([ok.code, Object.keys(ok.doc())]).toEqual([0, ['client', 'identity', 'steps']]);
    expect((await jsonError(['org', 'check', '--client', 'Refusing'], 3)).code).toMatch(/^OKTA_/);
    expect((await jsonError(['org', 'check', '--client', 'Down'], 3)).code).toMatch(/^OKTA_/);
    expect(await jsonError(['org', 'check', '--client', 'Nobody'], 2)).toMatchObject({ code: 'CLIENT_NOT_FOUND' });
  }, 60_000);

  it('metadata inspect: 0 for the app metadata URL; 3 when the URL answers 503; 2 without a source', async () => {
    const { facts } = (await (await openWorkspace(dir)).listIntegrations())[0]!;
    const ok = await cli(['metadata', 'inspect', facts.metadataUrl!, '--json']);
    expect([ok.code, Object.keys(ok.doc()).sort()]).toEqual([
      0,
      ['certificates', 'entityId', 'findings', 'nameIdFormats', 'ssoServices', 'wantAuthnRequestsSigned'],
    ]);
    expect((await jsonError(['metadata', 'inspect', `${down}/app/x/sso/saml/metadata`], 3)).code).toBe(
      'METADATA_URL_HTTP_STATUS',
    );
    expect((await jsonError(['metadata', 'inspect'], 2)).message).toBe('Give the metadata file or URL to inspect.');
  });

  it('saml check: 3 when the metadata URL is down; 2 for a missing option', async () => {
    const args = ['saml', 'check', '--response', join(dir, 'none.txt'), '--audience', 'urn:x:y'];
    const target = ['--recipient', 'https://vendor.example/acs'];
    expect((await jsonError([...args, ...target, '--metadata', `${down}/metadata`], 3)).code).toBe(
      'METADATA_URL_HTTP_STATUS',
    );
    expect(await jsonError([...args, '--metadata', 'm.xml'], 2)).toMatchObject({
      message: '--recipient is required.',
      field: 'recipient',
    });
  });

  it('scim preflight: 3 when the vendor answers 503 (report on stdout); 2 for an unreadable token file', async () => {
    const file = join(dir, 'scim-token');
    await writeFile(file, 'vendor-token', { mode: 0o600 });
    const run = await cli(['scim', 'preflight', '--base-url', `${down}/scim/v2`, '--token-file', file, '--json']);
    expect([run.code, run.io.stderr]).toEqual([3, '']);
    expect(Object.keys(run.doc())).toEqual(expect.arrayContaining(['baseUrl', 'checks', 'testUser']));
    expect(
      await jsonError(
        ['scim', 'preflight', '--base-url', 'https://v.example/scim/v2', '--token-file', join(dir, 'no')],
        2,
      ),
    ).toMatchObject({ code: 'USAGE', field: 'token-file' });
  }, 60_000);

  it('plan, apply, verify: 0, 1, 2 and 3, each --json valid against wizard-run.schema.json', async () => {
    const valid = await validator('wizard-run.schema.json');
    const verified = await cli(['verify', ...acme, '--step', 'app', '--json']);
    expect([verified.code, valid(verified.doc()), verified.doc().exitCode, verified.io.stderr]).toEqual([
      0,
      true,
      0,
      '',
    ]);
    for (const phase of ['plan', 'apply', 'verify']) {
      const run = await cli([phase, ...acme, '--json']);
      expect([phase, valid(run.doc()), run.doc().exitCode]).toEqual([phase, true, run.code]);
    }
    // Not every step is verified (register, test login): 1.
    expect((await cli(['verify', ...acme, '--json'])).code).toBe(1);
    const unreachable = await cli(['verify', ...refused, '--step', 'app', '--json']);
    expect([unreachable.code, valid(unreachable.doc())]).toEqual([3, true]);
    expect(unreachable.doc().steps).toMatchObject([
      { stepId: 'app', status: 'error', error: { code: expect.stringMatching(/^OKTA_/) } },
    ]);
    expect((await jsonError(['plan', ...acme, '--step', 'nope'], 2)).field).toBe('step');
    expect((await jsonError(['apply', '--client', 'Acme', '--plan-file', join(dir, 'missing.yaml')], 2)).code).toMatch(
      /^PLAN_|^INVALID_|^USAGE$/,
    );
  }, 120_000);

  it('audit: 0 against the verified state, valid against audit-report.schema.json; 3 for a refusing org; 2 for --all with --client', async () => {
    const valid = await validator('audit-report.schema.json');
    const run = await cli(['audit', '--client', 'Acme', '--json']);
    expect([run.code, valid(run.doc()), run.doc().exitCode]).toEqual([run.doc().exitCode, true, run.code]);
    expect([0, 1]).toContain(run.code);
    const refusedRun = await cli(['audit', '--client', 'Refusing', '--json']);
    expect([refusedRun.code, valid(refusedRun.doc())]).toEqual([3, true]);
    expect((await jsonError(['audit', '--all', '--client', 'Acme'], 2)).code).toBe('USAGE');
  }, 120_000);

  it('report: writes the file and says so in JSON; 3 when Okta cannot be read; 2 for an unknown format', async () => {
    const out = join(dir, 'acme.json');
    const run = await cli(['report', ...acme, '--format', 'json', '--out', out, '--json']);
    expect(Object.keys(run.doc())).toEqual(['out', 'format', 'states', 'exitCode']);
    expect([run.doc().out, run.doc().exitCode]).toEqual([out, run.code]);
    const refusedRun = await cli(['report', ...refused, '--format', 'md', '--out', join(dir, 'r.md'), '--json']);
    expect(refusedRun.code).toBe(3);
    expect(await jsonError(['report', ...acme, '--format', 'docx', '--out', 'x'], 2)).toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'format',
    });
  }, 120_000);

  it('cert status and rotate: 0 for a fresh certificate; 3 for a refusing org; 2 for an unknown stage', async () => {
    const status = await cli(['cert', 'status', '--client', 'Acme', '--json']);
    expect([status.code, Object.keys(status.doc())]).toEqual([0, ['client', 'certificates']]);
    expect((status.doc().certificates as { health: { level: string } }[])[0]?.health.level).toBe('ok');
    const rotate = await cli(['cert', 'rotate', ...acme, '--json']);
    expect([rotate.code, rotate.doc().rotation, rotate.doc().lastRotation]).toEqual([0, null, null]);
    expect((await cli(['cert', 'status', '--client', 'Refusing', '--json'])).code).toBe(3);
    expect(await jsonError(['cert', 'rotate', ...acme, '--stage', 'spin'], 2)).toMatchObject({ field: 'stage' });
  }, 120_000);

  it('migrate: match is 0 with counts and rows; plan is 3 for a refusing org; 2 without an export', async () => {
    const vendor = join(dir, 'vendor.csv');
    const okta = join(dir, 'okta.csv');
    await writeFile(vendor, 'Email,Role\nava.adams@acme.example,Member\n');
    await writeFile(okta, 'Username,Primary email,Status\nava.adams@acme.example,ava.adams@acme.example,ACTIVE\n');
    const match = await cli(['migrate', 'match', '--vendor-users', vendor, '--okta-users', okta, '--json']);
    expect([match.code, Object.keys(match.doc())]).toEqual([0, ['counts', 'rows']]);
    expect((await jsonError(['migrate', 'plan', ...refused, '--vendor-users', vendor], 3)).code).toMatch(/^OKTA_/);
    expect((await jsonError(['migrate', 'plan', ...acme], 2)).field).toBe('vendor-users');
  }, 120_000);

  it('sandbox prints its URL and tokens as JSON; a bad plan is 2; browser refuses a bad port with 2', async () => {
    const io = captureIo();
    expect(await runSandbox(['--json'], io, Promise.resolve())).toBe(0);
    expect(Object.keys(io.json<object>())).toEqual([
      'url',
      'apiToken',
      'adminLogin',
      'readOnlyApiToken',
      'readOnlyLogin',
    ]);
    const bad = captureIo();
    expect(await runSandbox(['--plan', 'gold', '--json'], bad, Promise.resolve())).toBe(2);
    expect(bad.json<{ error: { field: string } }>().error.field).toBe('plan');
    expect((await jsonError(['browser', '--port', 'eighty'], 2)).field).toBe('port');
    expect(
      await jsonError(['browser', '--practice-org', org.url, '--practice-org-token-file', join(dir, 'none')], 2),
    ).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'practice-org-token-file' });
  });

  it('an unknown command is 2; every command rejects an unknown option by listing options its --help names', async () => {
    const unknown = captureIo();
    expect(await runCli(['frobnicate'], unknown)).toBe(2);
    const helpPlan = captureIo();
    const planHelp = captureIo();
    expect([await runCli(['help', 'plan'], helpPlan), await runCli(['plan', '--help'], planHelp)]).toEqual([0, 0]);
    expect(helpPlan.stdout).toBe(planHelp.stdout);
    const commands = [
      ['clients'],
      ['integrations'],
      ['org'],
      ['metadata'],
      ['saml'],
      ['scim'],
      ['plan'],
      ['apply'],
      ['verify'],
      ['audit'],
      ['report'],
      ['cert'],
      ['migrate', 'match'],
      ['migrate', 'plan'],
      ['sandbox'],
      ['browser'],
    ];
    for (const command of commands) {
      const refusedRun = captureIo();
      expect(await runCli([...command, '--zzz-unknown'], refusedRun)).toBe(2);
      const listed = /takes (--[^.]+)\./.exec(refusedRun.stderr)?.[1]?.split(', ') ?? [];
      expect(listed.length).toBeGreaterThan(1);
      const help = captureIo();
      expect(await runCli([...command, '--help'], help)).toBe(0);
      expect([command.join(' '), listed.filter((flag) => !help.stdout.includes(flag))]).toEqual([
        command.join(' '),
        [],
      ]);
    }
  });
});
