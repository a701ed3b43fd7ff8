import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { CertHealth } from '../api/cert-health';
import { ROTATION_STAGE_TITLE, type Rotation } from '../api/cert-rotation';
import { ValidityYearsSchema } from '../api/channels-certs';
import { csrPem } from '../api/csr-subject';
import type { CertRotation } from '../certs/rotation';
import type { RotationAction } from '../certs/rotation-kit';
import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import { Exit, exitCodeFor, exitCodesHelp, fail, type CliCommand, type CliIo, type ExitCode } from './io';
import { parseFlag, requireFlag } from './options';

const usage = [
  '  okta-onboard cert status --client <name> [--integration <label|id>] [--data-dir <dir>] [--json]',
  "      reads each integration's SAML signing certificate from Okta now: expiry, level (90/30/7 days), rotation",
  '  okta-onboard cert rotate --client <name> --integration <label|id> [--stage <stage>] [--validity-years <2-10>]',
  '                           [--via copied|email|password] [--password-file <file>] [--data-dir <dir>] [--json]',
  '      without --stage: where the rotation is and what to do next; with it, runs that stage:',
  '      start (--validity-years, default 10), generate, register (--via copied|email: what you did, not checked;',
  '      without --via it prints the new certificate and saves the metadata XML in the data folder), switch,',
  "      test (--via password --password-file <file>: the test user's password, used once and kept nowhere),",
  '      confirm (retires the old key), switch-back, cancel,',
  '      csr (instead of generate: your CA signs the key): --common-name <cn> [--organization <o>] [--country <XX>]',
  '      [--dns-name <name>] writes the CSR as a PEM file (--out <file>, default in the data folder); then',
  '      --stage csr --certificate-file <pem> publishes the certificate your CA issued for it',
  `  ${exitCodesHelp} status: 1 when a certificate expires within 90 days or could not be read;`,
  '  rotate: 1 when the test login failed.',
].join('\n');

const STAGES = ['start', 'generate', 'csr', 'register', 'switch', 'test', 'confirm', 'switch-back', 'cancel'] as const;
type StageFlag = (typeof STAGES)[number];
const schemaOfStage = z.enum(STAGES, { message: `stage must be one of ${STAGES.join(', ')}` });

function printHealth(io: CliIo, label: string, health: CertHealth): void {
  io.out(`${label}: ${health.error ? 'not read' : (health.level ?? 'unknown')} (read ${health.readAt})`);
  io.out(`  ${health.message}`);
  if (health.error) io.out(`  hint: ${health.error.hint}`);
  if (health.certificate) {
    io.out(`  key ${health.certificate.kid}, SHA-256 ${health.certificate.fingerprintSha256}`);
    io.out(`  valid ${health.certificate.notBefore} to ${health.certificate.expiresAt}`);
  }
}

function printRotation(io: CliIo, rotation: Rotation): void {
  io.out(
    `rotation ${rotation.id} (started ${rotation.startedAt}): next "${rotation.stage}": ${ROTATION_STAGE_TITLE[rotation.stage]}`,
  );
  io.out(`  old key ${rotation.old.kid} (expires ${rotation.old.expiresAt}) is kept until you confirm`);
  if (rotation.new)
    io.out(
      `  new key ${rotation.new.kid}, SHA-256 ${rotation.new.fingerprintSha256}, expires ${rotation.new.expiresAt}`,
    );
  if (rotation.registered)
    io.out(
      `  Reported by you (not checked): registered with the vendor (${rotation.registered.via}) ${rotation.registered.at}`,
    );
  if (rotation.test) {
    io.out(
      `  test login as ${rotation.test.userLogin} ${rotation.test.at}: ${rotation.test.valid ? 'passed' : 'FAILED'}`,
    );
    for (const c of rotation.test.checks) if (c.status !== 'pass') io.out(`    ${c.status} ${c.name}: ${c.detail}`);
  }
  for (const e of rotation.events.slice(-3)) io.out(`  ${e.at} ${e.what}`);
}

async function actionFor(
  stage: Exclude<StageFlag, 'start' | 'csr'>,
  via: string | undefined,
  passwordFile: string | undefined,
): Promise<RotationAction> {
  if (stage === 'register') {
    if (via !== 'copied' && via !== 'email')
      throw new AppError(
        'INVALID_ARGUMENT',
        '--via: register takes copied or email (what you did).',
        'For example: --stage register --via email',
        'via',
      );
    return { stage, via };
  }
  if (stage === 'test') {
    if ((via ?? 'password') !== 'password')
      throw new AppError(
        'INVALID_ARGUMENT',
        "--via: from the command line the test login signs in with the password (the sign-in window is the desktop app's).",
        'For example: --stage test --via password --password-file ./test-user-password',
        'via',
      );
    const file = requireFlag(passwordFile, 'password-file', '--stage test --password-file ./test-user-password');
    const password = (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
    if (password === '')
      throw new AppError(
        'INVALID_ARGUMENT',
        `--password-file: ${file} is empty.`,
        "Put the test user's Okta password in it.",
        'password-file',
      );
    return { stage, via: 'password', password };
  }
  return { stage };
}

interface CsrFlags {
  'common-name'?: string | undefined;
  organization?: string | undefined;
  country?: string | undefined;
  'dns-name'?: string[] | undefined;
  out?: string | undefined;
  'certificate-file'?: string | undefined;
}

/** A PEM file as its text; anything else (a DER file) as base64, which the rotation reads as DER. */
function certificateText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.includes('-----BEGIN') ? text : bytes.toString('base64');
}

/**
 * `--stage csr`: with `--certificate-file`, publishes the CA-signed certificate; without, asks Okta
 * for the CSR (or takes the one the rotation already has) and writes it as a PEM file.
 */
async function csrStage(
  rotation: Pick<CertRotation, 'advance' | 'read'>,
  integrationId: string,
  flags: CsrFlags,
  certsDir: string,
): Promise<{ rotation: Rotation; extra: Record<string, unknown> }> {
  const certificateFile = flags['certificate-file'];
  if (certificateFile !== undefined) {
    let bytes: Buffer;
    try {
      bytes = await readFile(certificateFile);
    } catch {
      throw new AppError(
        'INVALID_ARGUMENT',
        `--certificate-file: ${certificateFile} cannot be read.`,
        'Give the path of the certificate file your CA issued (PEM or DER).',
        'certificate-file',
      );
    }
    return {
      rotation: await rotation.advance(integrationId, { stage: 'publish', certificate: certificateText(bytes) }),
      extra: {},
    };
  }
  const existing = (await rotation.read(integrationId)).rotation;
  const current =
    existing?.csr && existing.pending?.op !== 'csr'
      ? existing
      : await rotation.advance(integrationId, {
          stage: 'csr',
          subject: {
            commonName: requireFlag(flags['common-name'], 'common-name', '--stage csr --common-name sso.acme.example'),
            ...(flags.organization ? { organizationName: flags.organization } : {}),
            ...(flags.country ? { countryName: flags.country } : {}),
          },
          dnsNames: flags['dns-name'] ?? [],
        });
  const csr = current.csr;
  if (!csr) throw new AppError('ROTATION_STAGE', 'Okta made no CSR.', 'Run --stage csr again.');
  const csrFile = flags.out ?? join(certsDir, `${integrationId}-${csr.id}.csr`);
  await mkdir(dirname(csrFile), { recursive: true });
  await writeFile(csrFile, csrPem(csr.csrBase64));
  return { rotation: current, extra: { csrFile, csrId: csr.id } };
}

export const command: CliCommand = {
  summary: 'Signing certificate expiry, and a guided, resumable key rotation',
  usage,
  async run(args, io): Promise<number> {
    const json = wantsJson(args);
    let parsed;
    try {
      parsed = parseCommandLine(
        args,
        {
          client: { type: 'string' },
          integration: { type: 'string' },
          stage: { type: 'string' },
          'validity-years': { type: 'string' },
          via: { type: 'string' },
          'password-file': { type: 'string' },
          'common-name': { type: 'string' },
          organization: { type: 'string' },
          country: { type: 'string' },
          'dns-name': { type: 'string', multiple: true },
          out: { type: 'string' },
          'certificate-file': { type: 'string' },
        },
        { command: 'okta-onboard cert', usage, positionals: true },
      );
    } catch (error) {
      return fail(io, error, json);
    }
    const { values, positionals } = parsed;
    const sub = positionals[0];
    let close: (() => Promise<void>) | undefined;
    try {
      if (sub !== 'status' && sub !== 'rotate')
        throw new AppError('USAGE', `Unknown cert command "${sub ?? ''}".`, `Use:\n${usage}`);
      const clientName = requireFlag(values.client, 'client', 'okta-onboard cert status --client "Acme"');
      const stage = values.stage === undefined ? undefined : parseFlag(schemaOfStage, values.stage, 'stage');
      const [{ openWorkspace, resolveDataDir }, { createCliRunner }, { CertRotation }, { rotationTestLogin }] =
        await Promise.all([
          import('../workspace/workspace'),
          import('./wizard-runner'),
          import('../certs/rotation'),
          import('../services/cert-test-login'),
        ]);
      const workspace = await openWorkspace(resolveDataDir(values['data-dir']));
      const client = await workspace.findClient(clientName);
      const cli = createCliRunner(workspace);
      close = cli.close;
      const rotation = new CertRotation({
        dataDir: workspace.dataDir,
        workspace,
        connect: cli.connect,
        audit: (event) => cli.audit.append(event),
        testLogin: rotationTestLogin({ steps: cli.runner, workspace }),
      });

      if (sub === 'status') {
        const integrations = values.integration
          ? [await workspace.findIntegration(client.id, values.integration)]
          : await workspace.listIntegrations(client.id);
        const results = [];
        for (const integration of integrations) {
          const health = await rotation.checkHealth(integration.id);
          const file = await rotation.read(integration.id);
          results.push({
            integration: { id: integration.id, label: integration.label },
            health,
            rotation: file.rotation,
          });
        }
        if (json) io.out(JSON.stringify({ client: client.name, certificates: results }, null, 2));
        else
          for (const r of results) {
            printHealth(io, r.integration.label, r.health);
            if (r.rotation) printRotation(io, r.rotation);
          }
        const codes = results.map((r): ExitCode => {
          if (r.health.error) {
            const code = exitCodeFor(new AppError(r.health.error.code, r.health.error.message, r.health.error.hint));
            return code === Exit.unreachable ? Exit.unreachable : Exit.failed;
          }
          return r.health.level === 'ok' ? Exit.ok : Exit.failed;
        });
        return codes.includes(Exit.unreachable)
          ? Exit.unreachable
          : codes.includes(Exit.failed)
            ? Exit.failed
            : Exit.ok;
      }

      const integration = await workspace.findIntegration(
        client.id,
        requireFlag(
          values.integration,
          'integration',
          'okta-onboard cert rotate --client "Acme" --integration "Courier"',
        ),
      );
      let current: Rotation | undefined;
      let extra: Record<string, unknown> = {};
      if (stage === 'start') {
        const years =
          values['validity-years'] === undefined
            ? 10
            : parseFlag(ValidityYearsSchema, values['validity-years'], 'validity-years');
        current = await rotation.start(integration.id, years);
      } else if (stage === 'register' && values.via === undefined) {
        const file = await rotation.read(integration.id);
        const fresh = file.rotation?.new;
        if (!file.rotation || !fresh)
          throw new AppError('ROTATION_STAGE', 'There is no new certificate yet.', 'Run --stage generate first.');
        const okta = await cli.connect(client);
        const xml = await okta.getAppMetadataXml(file.rotation.appId, fresh.kid);
        const metadataFile = join(
          workspace.dataDir,
          'certs',
          `${integration.id}-metadata-${fresh.kid.slice(0, 8)}.xml`,
        );
        await writeFile(metadataFile, xml);
        current = file.rotation;
        extra = { certificatePem: fresh.pem, metadataFile };
        if (!json) {
          io.out(
            `Give the vendor this certificate (SHA-256 ${fresh.fingerprintSha256}, valid until ${fresh.expiresAt}):`,
          );
          io.out(fresh.pem.trim());
          io.out(`IdP metadata with the new certificate saved to ${metadataFile}.`);
          io.out(
            `Then record what you did: okta-onboard cert rotate --client "${client.name}" --integration "${integration.label}" --stage register --via copied|email`,
          );
        }
      } else if (stage === 'csr') {
        const done = await csrStage(rotation, integration.id, values, join(workspace.dataDir, 'certs'));
        current = done.rotation;
        extra = done.extra;
        if (!json && done.extra.csrFile !== undefined)
          io.out(
            `CSR saved to ${String(done.extra.csrFile)}. Have your CA sign it, then: okta-onboard cert rotate --client "${client.name}" --integration "${integration.label}" --stage csr --certificate-file <signed.pem>`,
          );
      } else if (stage !== undefined) {
        current = await rotation.advance(integration.id, await actionFor(stage, values.via, values['password-file']));
      } else {
        current = (await rotation.read(integration.id)).rotation;
      }
      const file = await rotation.read(integration.id);
      const shown = current && file.rotation?.id === current.id ? file.rotation : current;
      if (json)
        io.out(
          JSON.stringify(
            {
              integration: { id: integration.id, label: integration.label },
              rotation: shown ?? null,
              lastRotation: file.lastRotation ?? null,
              ...extra,
            },
            null,
            2,
          ),
        );
      else if (shown) printRotation(io, shown);
      else io.out(`No rotation in progress for ${integration.label}. Start one: --stage start [--validity-years 10]`);
      return shown?.test && stage === 'test' && !shown.test.valid ? Exit.failed : Exit.ok;
    } catch (error) {
      return fail(io, error, json);
    } finally {
      await close?.();
    }
  },
};
