import type { VendorId } from '../../../src-main/api/model';
import { connectOrg, type OrgAuth } from '../../../src-main/okta/connect';
import { attachPracticeOrg } from '../../../src-main/services/practice-org';
import type { ServiceDeps } from '../../../src-main/services/handlers';
import type { SandboxOptions } from '../../../src-main/sandbox/server';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { api, samlAppBody } from '../../support/sandbox';
import { stepHarness, type StepHarness } from '../../support/step-harness';

export const ACS = 'https://vendor.example/saml/acs';
const COURIER_STATEMENTS = [
  {
    type: 'EXPRESSION',
    name: 'id',
    namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
    values: ['user.id'],
  },
  {
    type: 'EXPRESSION',
    name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
    values: ['user.email'],
  },
];

export interface LoginAppHarness extends StepHarness {
  appId: string;
  deps: ServiceDeps;
}

/**
 * A harness whose integration has its SAML app and every fact the slug, app and metadata steps
 * learn, read from the sandbox the way Okta publishes them, plus the service deps handlers take.
 */
export async function harnessWithLoginApp(
  vendorId: VendorId,
  /** `sandbox`: the org's options (a crash test's kill hooks). */
  options: { practice?: boolean; sandbox?: SandboxOptions } = {},
): Promise<LoginAppHarness> {
  const h = await stepHarness(vendorId, options.sandbox ? { sandbox: options.sandbox } : {});
  const body = samlAppBody('Courier', ACS);
  (body.settings as { signOn: Record<string, unknown> }).signOn.attributeStatements = COURIER_STATEMENTS;
  const created = await api<{ id: string; name: string; label: string; _links: { appLinks: { href: string }[] } }>(
    h.org,
    'POST',
    '/api/v1/apps',
    { body },
  );
  if (created.status !== 200) throw new Error(`creating the app failed: ${created.text}`);
  const { id, name, label } = created.body;
  const record = h.org.state.apps.get(id);
  if (!record) throw new Error('the sandbox lost the app');
  const exk = record.entityKey;
  await h.workspace.updateIntegration(h.integration.id, (i) => {
    i.facts = {
      ...i.facts,
      appId: id,
      appName: name,
      appLabel: label,
      metadataUrl: `${h.org.url}/app/${exk}/sso/saml/metadata`,
      idpIssuer: `http://www.okta.com/${exk}`,
      idpSsoUrl: `${h.org.url}/app/${name}/${exk}/sso/saml`,
      certificatePem: record.signingKeys[0]?.certificatePem ?? '',
      embedLink: created.body._links.appLinks[0]?.href ?? '',
    };
  });
  if (options.practice)
    await h.workspace.updateClient(h.client.id, (c) => {
      c.sandbox = true;
    });
  const secrets = new FileSecretStore(h.dataDir);
  const deps: ServiceDeps = {
    mode: 'browser',
    workspace: h.workspace,
    secrets,
    audit: h.audit,
    practiceOrg: attachPracticeOrg(h.org.url, h.org.apiToken),
    steps: h.runner,
    connect: (c) =>
      connectOrg({ clientId: c.id, orgUrl: c.orgUrl, auth: c.auth as OrgAuth, secrets, audit: h.audit.append }),
    forgetConnection: () => undefined,
  };
  return { ...h, appId: id, deps };
}

export async function assign(h: LoginAppHarness, login: string): Promise<string> {
  const user = await api<{ id: string }>(h.org, 'GET', `/api/v1/users/${encodeURIComponent(login)}`);
  const assigned = await api(h.org, 'POST', `/api/v1/apps/${h.appId}/users`, {
    body: { id: user.body.id, scope: 'USER' },
  });
  if (assigned.status !== 200) throw new Error(`assigning failed: ${assigned.text}`);
  return user.body.id;
}
