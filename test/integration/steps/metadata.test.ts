import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MetadataObservedSchema } from '../../../src-main/api/step-metadata';
import type { VendorId } from '../../../src-main/api/model';
import { api } from '../../support/sandbox';
import { stepHarness, type StepHarness } from '../../support/step-harness';

async function withApp(vendor: VendorId): Promise<{ h: StepHarness; appId: string }> {
  const h = await stepHarness(vendor);
  if (vendor === 'courier')
    await h.save('app', {
      ssoAcsUrl: 'https://sso.courier.example.com/saml/acs',
      audience: 'https://sso.courier.example.com/saml',
    });
  if (vendor === 'mixpanel') await h.save('app', { mode: 'custom' });
  if (vendor === 'millie') {
    await api(h.org, 'POST', '/api/v1/apps', {
      body: { name: 'millie', label: 'Millie', signOnMode: 'SAML_2_0', settings: { app: { slugName: 'acme-corp' } } },
    });
    await h.save('slug', { companySlug: 'acme-corp' });
  }
  await h.apply('app');
  const view = await h.verify('app');
  expect(view.status).toBe('verified');
  return { h, appId: (await h.current()).facts.appId ?? '' };
}

describe('metadata step', () => {
  it('is blocked until the app exists', async () => {
    const h = await stepHarness('courier');
    const view = await h.inspect('metadata');
    expect(view.status).toBe('needs-input');
    expect(view.blockers).toEqual([
      {
        message: "The metadata belongs to the vendor's app, which is not in Okta yet.",
        hint: 'Finish the "Courier app" step first.',
        stepId: 'app',
      },
    ]);
  });

  it.each(['courier', 'mixpanel', 'millie'] as const)(
    '%s: records the Metadata URL, issuer, SSO URL and certificate, all checks passing',
    async (vendor) => {
      const { h, appId } = await withApp(vendor);
      const writes = h.org.writeCount();
      const view = await h.inspect('metadata');
      expect(view.status).toBe('verified');
      expect(view.changes).toEqual([]);
      expect(Object.fromEntries(view.checks.map((c) => [c.id, c.status]))).toEqual({
        'metadata-url': 'pass',
        issuer: 'pass',
        'sso-url': 'pass',
        'cert-validity': 'pass',
        'cert-signature': 'pass',
        'cert-key': 'pass',
        'cert-active-key': 'pass',
      });
      const record = h.org.state.apps.get(appId);
      const exk = record?.entityKey ?? '';
      const key = record?.signingKeys[0];
      const facts = (await h.current()).facts;
      expect(facts).toMatchObject({
        metadataUrl: `${h.org.url}/app/${exk}/sso/saml/metadata`,
        idpIssuer: `http://www.okta.com/${exk}`,
        idpSsoUrl: `${h.org.url}/app/${record?.name ?? ''}/${exk}/sso/saml`,
      });
      expect(new X509Certificate(facts.certificatePem ?? '').fingerprint256).toBe(
        new X509Certificate(key?.certificatePem ?? '').fingerprint256,
      );
      const observed = MetadataObservedSchema.parse(view.observed);
      expect(observed.report.certificates[0]).toMatchObject({
        keyType: 'RSA',
        keyBits: 2048,
        signatureAlgorithm: 'sha256WithRSAEncryption',
      });
      expect(observed.activeKey).toMatchObject({ kid: key?.kid, matchesMetadata: true });
      expect(h.org.writeCount()).toBe(writes);
    },
  );
});
