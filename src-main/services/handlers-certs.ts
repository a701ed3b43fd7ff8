import type { HandlersOf } from '../api/channel';
import type { certsChannels, Overview } from '../api/channels-certs';
import type { CertView, RotationRegisterValues } from '../api/cert-rotation';
import { CertRotation } from '../certs/rotation';
import { describeCsr } from '../certs/csr-stage';
import { overviewRow, sortOverview } from '../certs/overview';
import { readCertFile } from '../certs/store';
import { AppError } from '../errors';
import { vendorProfile, vendorSummary } from '../vendors';
import { rotationTestLogin } from './cert-test-login';
import type { ServiceDeps } from './handlers';

export function certRotationFor(deps: ServiceDeps): CertRotation {
  return new CertRotation({
    dataDir: deps.workspace.dataDir,
    workspace: deps.workspace,
    connect: deps.connect,
    audit: (event) => deps.audit.append(event),
    testLogin: rotationTestLogin(deps),
  });
}

async function certView(deps: ServiceDeps, rotation: CertRotation, integrationId: string): Promise<CertView> {
  const integration = await deps.workspace.getIntegration(integrationId);
  const client = (await deps.workspace.listClients()).find((c) => c.id === integration.clientId);
  const file = await rotation.read(integrationId);
  const openCsr = file.rotation?.csr;
  return {
    integrationId,
    vendorName: vendorProfile(integration.vendorId).name,
    ...(file.health ? { health: file.health } : {}),
    ...(file.rotation ? { rotation: file.rotation } : {}),
    ...(file.lastRotation ? { lastRotation: file.lastRotation } : {}),
    testWays: { window: deps.loginCapture !== undefined },
    ...(openCsr ? { csr: describeCsr(openCsr) } : {}),
    csrDefaults: {
      // What signs is this app's SAML; the organisation is the client's. The admin's CA policy may say otherwise.
      commonName: `${integration.facts.appLabel ?? integration.label} SAML signing`.slice(0, 64),
      ...(client ? { organizationName: client.name.slice(0, 64) } : {}),
    },
  };
}

async function overview(deps: ServiceDeps): Promise<Overview> {
  const clients = await deps.workspace.listClients();
  const integrations = await deps.workspace.listIntegrations();
  const rows = await Promise.all(
    integrations.flatMap((integration) => {
      const client = clients.find((c) => c.id === integration.clientId);
      if (!client) return [];
      return [
        readCertFile(deps.workspace.dataDir, integration.id).then((file) =>
          overviewRow(client, integration, vendorSummary(vendorProfile(integration.vendorId)), file),
        ),
      ];
    }),
  );
  return { rows: sortOverview(rows), builtAt: new Date().toISOString() };
}

/** The new certificate as the vendor takes it, and a ready email, like the register step's panel. */
async function registerValues(
  deps: ServiceDeps,
  rotation: CertRotation,
  integrationId: string,
): Promise<RotationRegisterValues> {
  const integration = await deps.workspace.getIntegration(integrationId);
  const client = (await deps.workspace.listClients()).find((c) => c.id === integration.clientId);
  const current = (await rotation.read(integrationId)).rotation;
  const fresh = current?.new;
  if (!client || !current || !fresh) {
    throw new AppError('ROTATION_STAGE', 'There is no new certificate yet.', 'Generate the new key first.');
  }
  const profile = vendorProfile(integration.vendorId);
  const okta = await deps.connect(client);
  const metadataXml = await okta.getAppMetadataXml(current.appId, fresh.kid);
  const metadataUrl = integration.facts.metadataUrl ?? '';
  const expires = new Date(fresh.expiresAt).toUTCString();
  return {
    vendorName: profile.name,
    metadataUrl,
    metadataXml,
    certificatePem: fresh.pem,
    fingerprintSha256: fresh.fingerprintSha256,
    expiresAt: fresh.expiresAt,
    emailSubject: `New Okta SAML signing certificate for ${integration.label}`,
    emailBody: [
      `Hello ${profile.name} team,`,
      '',
      `We are rotating the SAML signing certificate of our Okta app "${integration.facts.appLabel ?? integration.label}".`,
      'Please add the new certificate below to our SSO configuration, alongside the current one if you can hold both, and tell us when it is in place; we switch Okta to it only after that.',
      '',
      `SHA-256 fingerprint: ${fresh.fingerprintSha256}`,
      `Valid until: ${expires}`,
      metadataUrl ? `Metadata URL (serves the new certificate once we switch): ${metadataUrl}` : '',
      '',
      fresh.pem.trim(),
      '',
      'The IdP metadata with the new certificate is attached.',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
  };
}

export function createCertHandlers(deps: ServiceDeps): HandlersOf<{ certs: typeof certsChannels }>['certs'] {
  const rotation = certRotationFor(deps);
  return {
    view: ({ integrationId }) => certView(deps, rotation, integrationId),
    check: async ({ integrationId }) => {
      await rotation.checkHealth(integrationId);
      return certView(deps, rotation, integrationId);
    },
    start: async ({ integrationId, validityYears }) => {
      await rotation.start(integrationId, validityYears);
      return certView(deps, rotation, integrationId);
    },
    advance: async ({ integrationId, action }) => {
      await rotation.advance(integrationId, action);
      return certView(deps, rotation, integrationId);
    },
    registerValues: ({ integrationId }) => registerValues(deps, rotation, integrationId),
    overview: () => overview(deps),
    checkAll: async ({ clientId }) => {
      const integrations = (await deps.workspace.listIntegrations(clientId)).filter((i) => i.facts.appId);
      // One org's integrations one after another (its rate limits), different orgs at once.
      const byClient = new Map<string, string[]>();
      for (const i of integrations) byClient.set(i.clientId, [...(byClient.get(i.clientId) ?? []), i.id]);
      await Promise.all(
        [...byClient.values()].map(async (ids) => {
          for (const id of ids) await rotation.checkHealth(id);
        }),
      );
      return overview(deps);
    },
  };
}
