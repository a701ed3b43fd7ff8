import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdfWithChromium } from '../../../src-main/report/pdf-chromium';
import { renderConfigReport } from '../../../src-main/report/render';
import { terraformOf } from '../../../src-main/report/terraform/from-report';
import { buildPortfolioReport } from '../../../src-main/report/portfolio';
import { renderPortfolioReport } from '../../../src-main/report/render';
import { pdfPages } from '../../support/report-checks';
import { reportedSetup, SCIM_TOKEN, type ReportedSetup } from './setup';

/**
 * Secrets planted where a careless report would find them: the org's API token and the SCIM token
 * in the secret store (as the app keeps them), a private key there too (as a service-app client
 * keeps its key), and a token and a private key in the Okta app's own settings, where an admin
 * may have pasted them. No format may carry any of them.
 */
describe('no report format carries a secret', () => {
  let setup: ReportedSetup;
  const texts: Record<string, string> = {};
  let secrets: { name: string; needle: string }[];
  let appSettingsNow: Record<string, unknown> | undefined;
  beforeAll(async () => {
    setup = await reportedSetup('courier');
    const { h } = setup;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keyBody = pem.split('\n')[5] ?? '';
    const appToken = 'plantedAppSettingToken0123456789abcdef';
    await h.secrets.set(h.client.id, 'service-app-private-key', pem);
    const okta = await h.connect(h.client);
    const facts = (await h.current()).facts;
    const app = (await okta.getApp(facts.appId!))!;
    await okta.updateApp(app.id, {
      name: app.name,
      label: app.label,
      signOnMode: app.signOnMode,
      settings: { ...app.settings, app: { ...app.settings.app, apiToken: appToken, privateKey: pem } },
      ...(app.credentials ? { credentials: app.credentials } : {}),
    });
    appSettingsNow = (await okta.getApp(app.id))?.settings.app;
    secrets = [
      { name: 'Okta API token', needle: h.org.apiToken },
      { name: 'SCIM bearer token', needle: SCIM_TOKEN },
      { name: 'private key header', needle: 'PRIVATE KEY' },
      { name: 'private key body', needle: keyBody },
      { name: 'token in the app settings', needle: appToken },
    ];
    const report = await setup.build();
    const print = (html: string) => htmlToPdfWithChromium(html);
    for (const format of ['html', 'json', 'md'] as const)
      texts[format] = (await renderConfigReport(report, format, print)).bytes.toString('utf8');
    texts.pdf = (await pdfPages((await renderConfigReport(report, 'pdf', print)).bytes)).text;
    texts.tf = await terraformOf(okta, [report], new Date(report.generatedAt));
    const portfolio = await buildPortfolioReport(setup.deps);
    for (const format of ['html', 'json', 'md'] as const)
      texts[`portfolio ${format}`] = (await renderPortfolioReport(portfolio, format, print)).bytes.toString('utf8');
  }, 300_000);
  afterAll(async () => {
    await setup?.scim.close();
  });

  it('the planted secrets are really there to find (the store and the app hold them)', async () => {
    const { h } = setup;
    expect(await h.secrets.get(h.client.id, 'api-token')).toBe(h.org.apiToken);
    expect(await h.secrets.get(h.client.id, 'service-app-private-key')).toContain('PRIVATE KEY');
    expect(appSettingsNow).toMatchObject({ apiToken: secrets[4]!.needle });
    expect(String(appSettingsNow?.privateKey)).toContain(secrets[3]!.needle);
    expect(secrets.every((s) => s.needle.length >= 11)).toBe(true);
    expect(texts.pdf!.length).toBeGreaterThan(1000);
  });

  it.each(['html', 'json', 'md', 'pdf', 'tf', 'portfolio html', 'portfolio json', 'portfolio md'])(
    '%s holds none of them',
    (format) => {
      const text = texts[format]!;
      expect(secrets.filter((s) => text.includes(s.needle)).map((s) => s.name)).toEqual([]);
    },
  );
});
