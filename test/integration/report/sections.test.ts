import { beforeAll, describe, expect, it } from 'vitest';
import { importVendorExport } from '../../../src-main/migrate/import';
import { connectOrg, type OrgAuth } from '../../../src-main/okta/connect';
import { buildConfigReport } from '../../../src-main/report/build';
import { ConfigReportSchema, type ConfigReport } from '../../../src-main/report/model';
import { renderConfigReport } from '../../../src-main/report/render';
import { createRegisterHandlers } from '../../../src-main/services/handlers-register';
import type { ServiceDeps } from '../../../src-main/services/handlers';
import { attachPracticeOrg } from '../../../src-main/services/practice-org';
import { stepHarness, type StepHarness } from '../../support/step-harness';

const ACS = 'https://portal.example.com/saml/acs';
const AUDIENCE = 'https://portal.example.com/saml/metadata';

describe('the registration, migration and group attribute sections of a Custom SAML report, set up through the steps', () => {
  const IMPORTED_AT = '2026-11-20T09:30:00.000Z';
  /** How the readable formats show a time (minutes, UTC). */
  const shown = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  const sectionHtml = (id: string) =>
    new RegExp(`<section aria-labelledby="s-${id}">[\\s\\S]*?</section>`).exec(html)?.[0];
  const sectionMd = (title: string) => md.split(`\n## ${title}\n`)[1]?.split('\n## ')[0];

  let h: StepHarness;
  let report: ConfigReport;
  let html: string;
  let md: string;
  let json: ConfigReport;
  const started = Date.now();
  beforeAll(async () => {
    h = await stepHarness('custom-saml', { scopedAudit: true });
    await h.save('app', {
      mode: 'custom',
      label: 'Acme Portal',
      ssoAcsUrl: ACS,
      audience: AUDIENCE,
      groupStatements: [{ name: 'groups', nameFormat: 'basic', filterType: 'STARTS_WITH', filterValue: 'Portal-' }],
    });
    await h.apply('app');
    await h.inspect('metadata');
    await h.apply('metadata');

    const deps: ServiceDeps = {
      mode: 'browser',
      workspace: h.workspace,
      secrets: h.secrets,
      audit: h.audit,
      practiceOrg: attachPracticeOrg(h.org.url, h.org.apiToken),
      steps: h.runner,
      connect: (c) =>
        connectOrg({
          clientId: c.id,
          orgUrl: c.orgUrl,
          auth: c.auth as OrgAuth,
          secrets: h.secrets,
          audit: h.audit.append,
        }),
      forgetConnection: () => undefined,
    };
    await h.save('register', { channel: 'email', companyName: 'Acme Corp', supportEmail: 'sso@portal.example' });
    const register = createRegisterHandlers(deps);
    await register.markSent({ integrationId: h.integration.id, via: 'eml' });
    await register.markConfirmed({ integrationId: h.integration.id });

    const okta = await h.connect(h.client);
    const people = (await okta.listUsers({ limit: 200 }).all())
      .filter((u) => u.status === 'ACTIVE' && u.profile.login !== h.org.adminLogin)
      .slice(0, 3);
    const migrated = people.map((u) => u.profile.login);
    const csv = ['Email,Name', ...migrated.map((l) => `${l},Someone`), 'left.company@acme.example,Left Company'].join(
      '\n',
    );
    await importVendorExport(
      h.dataDir,
      h.integration.id,
      { bytes: new TextEncoder().encode(csv), fileName: 'portal-users.csv' },
      new Date(IMPORTED_AT),
    );
    await h.save('migrate', { route: 'direct' });
    await h.apply('migrate');

    report = await buildConfigReport(
      { workspace: h.workspace, runner: h.runner, connect: h.connect, audit: h.audit },
      h.integration.id,
    );
    html = (await renderConfigReport(report, 'html', () => Promise.reject(new Error('no PDF here')))).bytes.toString(
      'utf8',
    );
    md = (await renderConfigReport(report, 'md', () => Promise.reject(new Error('no PDF here')))).bytes.toString(
      'utf8',
    );
    json = JSON.parse(
      (await renderConfigReport(report, 'json', () => Promise.reject(new Error('no PDF here')))).bytes.toString('utf8'),
    ) as ConfigReport;
  }, 240_000);

  it('JSON: the registration record is what the admin reported, labelled self-reported, with the values as sent', async () => {
    const facts = (await h.current()).facts;
    const reg = report.registration!;
    expect(Date.parse(reg.sentAt!)).toBeGreaterThanOrEqual(started);
    expect(Date.parse(reg.confirmedAt!)).toBeGreaterThanOrEqual(Date.parse(reg.sentAt!));
    // Custom SAML has no vendor login page to start from, so nothing proves the vendor's side.
    expect(reg).toEqual({
      selfReported: true,
      channel: 'email',
      via: 'eml',
      sentAt: reg.sentAt,
      to: 'sso@portal.example',
      confirmedAt: reg.confirmedAt,
      values: [
        { key: 'metadataUrl', label: 'Metadata URL', value: facts.metadataUrl },
        { key: 'ssoUrl', label: 'Identity Provider Single Sign-On URL', value: facts.idpSsoUrl },
        { key: 'idpIssuer', label: 'Identity Provider Issuer', value: facts.idpIssuer },
        { key: 'certificatePem', label: 'X.509 Certificate', value: facts.certificatePem },
      ],
      changedSinceSent: [],
    });
    expect(facts.metadataUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app\/exk\w+\/sso\/saml\/metadata$/);
    expect(facts.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(json.registration).toEqual(reg);
  });

  it('JSON: the migration summary counts every row of the export by how it matched and what the step did', () => {
    expect(report.migration).toEqual({
      imported: { rows: 4, fileName: 'portal-users.csv', importedAt: IMPORTED_AT },
      counts: {
        'to-assign': 0,
        assigned: 3,
        'unknown-role': 0,
        'not-in-okta': 1,
        inactive: 0,
        'outside-domains': 0,
        consumer: 0,
        duplicate: 0,
        invalid: 0,
      },
      toAssign: 0,
      toCreate: 0,
      byRole: [],
      route: 'direct',
      done: 3,
      failed: 0,
    });
    expect(json.migration).toEqual(report.migration);
  });

  it('JSON: the group attribute statement set through the app step, as Okta holds it', () => {
    expect(report.app?.groupAttributeStatements).toEqual([
      {
        name: 'groups',
        namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
        format: 'Basic',
        filterType: 'STARTS_WITH',
        filterValue: 'Portal-',
      },
    ]);
    expect(report.app?.attributeStatements).toEqual([
      {
        name: 'email',
        namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
        format: 'Unspecified',
        values: ['user.email'],
      },
    ]);
    expect(json.app?.groupAttributeStatements).toEqual(report.app?.groupAttributeStatements);
    expect(ConfigReportSchema.parse(json)).toEqual(json);
  });

  it('HTML: the three sections, exactly', async () => {
    const facts = (await h.current()).facts;
    const reg = report.registration!;
    expect(sectionHtml('registration')).toBe(
      '<section aria-labelledby="s-registration"><h2 id="s-registration">Registration with the vendor</h2>' +
        '<p class="note warn">Self-reported by the admin: the app cannot read the vendor’s side, so these are the admin’s words.</p>\n' +
        `<dl><div><dt>Channel</dt><dd>email</dd></div><div><dt>Sent</dt><dd>${shown(reg.sentAt!)} via eml</dd></div>` +
        '<div><dt>Sent to</dt><dd>sso@portal.example</dd></div>' +
        `<div><dt>Vendor confirmed</dt><dd>${shown(reg.confirmedAt!)}</dd></div>` +
        '<div><dt>Changed since sent</dt><dd>nothing</dd></div></dl>\n' +
        '<table><caption>Values sent</caption><thead><tr><th scope="col">Value</th><th scope="col">As sent</th></tr></thead><tbody>' +
        `<tr><td>Metadata URL</td><td><code>${facts.metadataUrl}</code></td></tr>` +
        `<tr><td>Identity Provider Single Sign-On URL</td><td><code>${facts.idpSsoUrl}</code></td></tr>` +
        `<tr><td>Identity Provider Issuer</td><td><code>${facts.idpIssuer}</code></td></tr>` +
        `<tr><td>X.509 Certificate</td><td><code>${facts.certificatePem}</code></td></tr></tbody></table></section>`,
    );
    expect(sectionHtml('migration')).toBe(
      '<section aria-labelledby="s-migration"><h2 id="s-migration">Migration of existing users</h2>' +
        `<dl><div><dt>Imported</dt><dd>4 rows from portal-users.csv, ${shown(IMPORTED_AT)}</dd></div>` +
        '<div><dt>Route</dt><dd>direct</dd></div><div><dt>To assign</dt><dd>0</dd></div>' +
        '<div><dt>To create in Okta</dt><dd>0</dd></div><div><dt>Done</dt><dd>3</dd></div>' +
        '<div><dt>Failed</dt><dd class="pass">0</dd></div></dl>\n' +
        '<table><caption>Rows of the export</caption><thead><tr><th scope="col">Match</th><th scope="col">Rows</th></tr></thead>' +
        '<tbody><tr><td>Matched, already assigned</td><td>3</td></tr><tr><td>Not in Okta</td><td>1</td></tr></tbody></table>\n' +
        '<p class="note muted"><strong>Still to assign, by role:</strong> Nobody is left to assign.</p></section>',
    );
    expect(sectionHtml('sso')).toContain(
      '<table><caption>Group attribute statements</caption><thead><tr><th scope="col">Name</th><th scope="col">Name format</th>' +
        '<th scope="col">Filter</th></tr></thead><tbody><tr><td><code>groups</code></td><td>Basic</td><td>STARTS_WITH Portal-</td></tr></tbody></table>',
    );
  });

  it('Markdown: the three sections, exactly', async () => {
    const facts = (await h.current()).facts;
    const reg = report.registration!;
    const pem = facts.certificatePem!.replace(/\n/g, ' ');
    expect(sectionMd('Registration with the vendor')).toBe(
      [
        '',
        '⚠️ Self-reported by the admin: the app cannot read the vendor’s side, so these are the admin’s words.',
        '',
        '| Item | Value |',
        '| --- | --- |',
        '| Channel | email |',
        `| Sent | ${shown(reg.sentAt!)} via eml |`,
        '| Sent to | sso@portal.example |',
        `| Vendor confirmed | ${shown(reg.confirmedAt!)} |`,
        '| Changed since sent | nothing |',
        '',
        '**Values sent**',
        '',
        '| Value | As sent |',
        '| --- | --- |',
        `| Metadata URL | \`${facts.metadataUrl}\` |`,
        `| Identity Provider Single Sign-On URL | \`${facts.idpSsoUrl}\` |`,
        `| Identity Provider Issuer | \`${facts.idpIssuer}\` |`,
        `| X.509 Certificate | \`${pem}\` |`,
        '',
      ].join('\n'),
    );
    expect(sectionMd('Migration of existing users')).toBe(
      [
        '',
        '| Item | Value |',
        '| --- | --- |',
        `| Imported | 4 rows from portal-users.csv, ${shown(IMPORTED_AT)} |`,
        '| Route | direct |',
        '| To assign | 0 |',
        '| To create in Okta | 0 |',
        '| Done | 3 |',
        '| Failed | ✅ 0 |',
        '',
        '**Rows of the export**',
        '',
        '| Match | Rows |',
        '| --- | --- |',
        '| Matched, already assigned | 3 |',
        '| Not in Okta | 1 |',
        '',
        '**Still to assign, by role:** Nobody is left to assign.',
        '',
      ].join('\n'),
    );
    expect(sectionMd('Single sign-on (SAML)')).toContain(
      [
        '**Group attribute statements**',
        '',
        '| Name | Name format | Filter |',
        '| --- | --- | --- |',
        '| `groups` | Basic | STARTS\\_WITH Portal- |',
      ].join('\n'),
    );
  });
});
