import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigReportSchema, type ConfigReport } from '../../../src-main/report/model';
import { reportedSetup, type ReportedSetup } from './setup';

describe('the configuration report of a Courier integration set up against the practice org', () => {
  let setup: ReportedSetup;
  let report: ConfigReport;
  beforeAll(async () => {
    setup = await reportedSetup('courier');
    report = await setup.build();
  }, 240_000);
  afterAll(async () => {
    await setup?.scim.close();
  });

  it('is a valid report; every step the setup ran is verified by this read-back, the others named as not started', () => {
    expect(ConfigReportSchema.parse(report)).toEqual(report);
    expect(report.steps.map((s) => [s.id, s.observation, s.status])).toEqual([
      ['app', 'fresh', 'verified'],
      ['metadata', 'fresh', 'verified'],
      ['register', 'not-started', 'not-started'],
      ['scim', 'fresh', 'verified'],
      ['role', 'fresh', 'verified'],
      ['provisioning', 'fresh', 'verified'],
      ['bookmark', 'fresh', 'verified'],
      ['assign', 'fresh', 'verified'],
      ['migrate', 'not-started', 'not-started'],
      ['test-login', 'not-started', 'not-started'],
    ]);
    expect(report.summary).toMatchObject({ state: 'incomplete', checks: { fail: 0 } });
    for (const step of report.steps.filter((s) => s.observation === 'fresh'))
      expect(Date.parse(step.verifiedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(report.generatedAt) - 120_000);
  });

  it('holds the SAML app as Okta has it, with the ids Terraform imports', async () => {
    const facts = (await setup.h.current()).facts;
    expect(report.app).toMatchObject({
      id: facts.appId,
      mode: 'custom',
      signOnMode: 'SAML_2_0',
      sso: {
        ssoAcsUrl: 'https://courier.example.com/saml/acs',
        audience: 'https://courier.example.com/saml/metadata',
        responseSigned: true,
        assertionSigned: true,
      },
    });
    expect(report.app?.attributeStatements.map((s) => s.name).sort()).toEqual([
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      'id',
    ]);
    expect(report.importIds).toMatchObject({
      samlAppId: facts.appId,
      bookmarkAppId: facts.bookmarkAppId,
      appUserSchemaProperty: { appId: facts.appId, propertyName: 'role' },
    });
    expect(report.saml?.certificates[0]?.sha256Fingerprint).toMatch(/^[0-9A-F:]+$/i);
    expect(report.saml?.certificates[0]?.kid).toBe(report.saml?.activeKey?.kid);
  });

  it('names the groups with their roles, counts people, and lists the bookmark and provisioning evidence', () => {
    const engineering = report.assignments?.groups.find((g) => g.name === 'Engineering');
    expect(engineering).toMatchObject({ role: 'DEVELOPER' });
    expect(report.role?.values.map((v) => v.value)).toContain('DEVELOPER');
    expect(report.role?.groupRoles).toEqual(
      expect.arrayContaining([expect.objectContaining({ groupName: 'Support', role: 'SUPPORT_SPECIALIST' })]),
    );
    expect(report.assignments?.people).toBeGreaterThan(0);
    expect(report.bookmark).toMatchObject({ url: 'https://app.courier.example/login' });
    expect(report.provisioning?.features.every((f) => f.enabled && f.evidence.length > 0)).toBe(true);
    expect(report.provisioning?.endToEnd).toMatchObject({ passed: true, current: true });
    expect(report.auditLog.length).toBeGreaterThan(3);
    expect(report.auditLog.every((e) => e.outcome === 'success')).toBe(true);
  });
});
