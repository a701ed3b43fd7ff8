import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { RegisterObservedSchema } from '../../../src-main/api/step-register';
import { TestLoginObservedSchema } from '../../../src-main/api/step-test-login';
import { StepViewSchema } from '../../../src-main/api/steps';
import { isAppError } from '../../../src-main/errors';
import { createRegisterHandlers } from '../../../src-main/services/handlers-register';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { createTestLoginHandlers } from '../../../src-main/services/handlers-test-login';
import { assign, harnessWithLoginApp } from './login-app';

interface Received {
  method: string;
  contentType: string | undefined;
  body: unknown;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function registrationApi(status: number, reply: unknown): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        contentType: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sso/register`, received };
}

describe('register step', () => {
  it('POSTs the values to a registration API, then waits for the vendor until marked confirmed', async () => {
    const h = await harnessWithLoginApp('custom-saml');
    const facts = (await h.current()).facts;
    const vendor = await registrationApi(201, { status: 'received' });
    const planned = await h.save('register', { channel: 'api', companyName: 'Acme Corp', apiEndpoint: vendor.url });
    expect(planned.status).toBe('planned');
    expect(planned.changes.map((c) => [c.id, c.kind, c.target])).toEqual([
      ['register-send', 'send', `Custom SAML 2.0 registration API (${vendor.url})`],
    ]);

    const handlers = createRegisterHandlers(h.deps);
    const sent = StepViewSchema.parse(await handlers.postToApi({ integrationId: h.integration.id }));
    expect(vendor.received).toEqual([
      {
        method: 'POST',
        contentType: 'application/json',
        body: {
          vendor: 'custom-saml',
          idp: 'okta',
          metadataUrl: facts.metadataUrl,
          ssoUrl: facts.idpSsoUrl,
          idpIssuer: facts.idpIssuer,
          certificatePem: facts.certificatePem,
        },
      },
    ]);
    expect(sent.status).toBe('applied');
    expect(sent.changes.map((c) => [c.id, c.kind])).toEqual([['register-confirm', 'manual']]);
    const observed = RegisterObservedSchema.parse(sent.observed);
    expect(observed.sent?.via).toBe('api');
    expect(observed.sent?.reply).toBe('HTTP 201 {"status":"received"}');

    const confirmed = StepViewSchema.parse(await handlers.markConfirmed({ integrationId: h.integration.id }));
    // The app posted the values itself; the vendor's confirmation is only the admin's word.
    expect(confirmed.status).toBe('applied');
    expect(confirmed.checks.map((c) => [c.id, c.status, c.label])).toEqual([
      ['register-values', 'pass', 'Values Custom SAML 2.0 asks for'],
      ['register-sent', 'pass', 'Sent to Custom SAML 2.0'],
      ['register-confirmed', 'warn', 'Custom SAML 2.0 confirmed · Reported by you, not checked'],
      [
        'register-vendor-side',
        'warn',
        'Custom SAML 2.0 has the values (SP-initiated test login through Custom SAML 2.0)',
      ],
    ]);
    expect(confirmed.changes.map((c) => c.id)).toEqual(['register-unprovable']);
    const again = await h.apply('register');
    expect(again.status).toBe('applied');
    expect(vendor.received).toHaveLength(1);
  });

  it('says what the registration API refused', async () => {
    const h = await harnessWithLoginApp('custom-saml');
    const vendor = await registrationApi(422, { error: 'unknown company' });
    await h.save('register', { channel: 'api', companyName: 'Acme Corp', apiEndpoint: vendor.url });
    const error = await h.apply('register').catch((e: unknown) => e);
    expect(isAppError(error) && [error.code, error.message, error.field]).toEqual([
      'REGISTER_API_REFUSED',
      'Custom SAML 2.0\'s registration API answered HTTP 422: {"error":"unknown company"}',
      'apiEndpoint',
    ]);
  });

  it("prepares Millie's email with the metadata attached, records it as sent, then confirmed", async () => {
    const h = await harnessWithLoginApp('millie');
    await h.workspace.updateIntegration(h.integration.id, (i) => {
      i.facts.emailDomains = ['acme.example'];
    });
    const blocked = await h.save('register', { companyName: 'Acme Corp' }).catch((e: unknown) => e);
    expect(isAppError(blocked) && blocked.field).toBe('supportEmail');
    const planned = await h.save('register', { companyName: 'Acme Corp', supportEmail: 'sso@millie.example' });
    expect(planned.changes.map((c) => [c.kind, c.target, c.summary])).toEqual([
      [
        'send',
        'Millie support (email to sso@millie.example)',
        'Email Metadata URL, Company name, Email domains to Millie support, then mark it as sent.',
      ],
    ]);
    const handlers = createRegisterHandlers(h.deps);

    const email = await handlers.prepareEmail({ integrationId: h.integration.id });
    expect(email.to).toBe('sso@millie.example');
    expect(email.subject).toBe('SAML SSO setup for Acme Corp');
    expect(
      email.mailto.startsWith('mailto:sso@millie.example?subject=SAML%20SSO%20setup%20for%20Acme%20Corp&body='),
    ).toBe(true);
    const eml = await readFile(email.eml.path, 'utf8');
    expect(Buffer.from(email.eml.base64, 'base64').toString('utf8')).toBe(eml);
    expect(eml).toContain('Content-Disposition: attachment; filename="okta-idp-metadata.xml"');
    const attachment = eml.split('filename="okta-idp-metadata.xml"\r\n\r\n')[1]?.split('\r\n--')[0] ?? '';
    expect(Buffer.from(attachment.replace(/\r\n/g, ''), 'base64').toString('utf8')).toContain('<md:EntityDescriptor');

    const applyByHand = await h.apply('register').catch((e: unknown) => e);
    expect(isAppError(applyByHand) && applyByHand.code).toBe('REGISTER_SEND_BY_HAND');
    const sent = StepViewSchema.parse(await handlers.markSent({ integrationId: h.integration.id, via: 'eml' }));
    expect(sent.status).toBe('applied');
    expect(sent.changes[0]?.kind).toBe('manual');
    const confirmed = StepViewSchema.parse(await handlers.markConfirmed({ integrationId: h.integration.id }));
    expect(confirmed.status).toBe('applied');
    expect(confirmed.checks.find((c) => c.id === 'register-confirmed')?.detail).toMatch(
      /^Reported by you: confirmed \d{4}-\d\d-\d\dT/,
    );
    const writes = h.org.writeCount();
    expect((await h.apply('register')).status).toBe('applied');
    expect(h.org.writeCount()).toBe(writes);
  });

  it("stays reported by you after the admin's marks and a practice-org SP login, which never reached Mixpanel", async () => {
    const h = await harnessWithLoginApp('mixpanel', { practice: true });
    await h.save('register', {});
    const handlers = createRegisterHandlers(h.deps);
    await handlers.markSent({ integrationId: h.integration.id, via: 'copied' });
    const reported = StepViewSchema.parse(await handlers.markConfirmed({ integrationId: h.integration.id }));
    expect(reported.status).toBe('applied');
    expect(reported.changes.map((c) => [c.id, c.kind, c.summary])).toEqual([
      [
        'register-prove',
        'manual',
        'Prove Mixpanel has the values: in the "Test login" step, sign in SP-initiated through Mixpanel\'s login page (the sign-in window), then check this step again.',
      ],
    ]);
    expect(reported.checks.map((c) => [c.id, c.status])).toEqual([
      ['register-values', 'pass'],
      ['register-sent', 'warn'],
      ['register-confirmed', 'warn'],
      ['register-vendor-side', 'warn'],
    ]);

    await assign(h, 'ava.adams@acme.example');
    await h.save('test-login', { userLogin: 'ava.adams@acme.example' });
    const login = StepViewSchema.parse(
      await createTestLoginHandlers(h.deps).signInWithPassword({
        integrationId: h.integration.id,
        mode: 'sp',
        password: SANDBOX_PASSWORD,
      }),
    );
    expect(TestLoginObservedSchema.parse(login.observed).results.sp?.via).toBe('password');

    // The password sign-in's SP login is the app's own AuthnRequest: it proves nothing about Mixpanel.
    const after = await h.verify('register');
    expect(after.status).toBe('applied');
    expect(after.changes.map((c) => c.id)).toEqual(['register-prove']);
    expect(after.checks.find((c) => c.id === 'register-vendor-side')).toMatchObject({
      status: 'warn',
      detail:
        'Not proven yet: sign in SP-initiated through Mixpanel\'s login page ("Test login" step, sign-in window) after sending the values.',
    });
    expect(after.checks.find((c) => c.id === 'register-confirmed')?.detail).toMatch(/^Reported by you: confirmed /);
  });

  it('asks to send again when a value changed after sending', async () => {
    const h = await harnessWithLoginApp('mixpanel');
    await h.save('register', {});
    const handlers = createRegisterHandlers(h.deps);
    await handlers.markSent({ integrationId: h.integration.id, via: 'copied' });
    await h.workspace.updateIntegration(h.integration.id, (i) => {
      i.facts.idpIssuer = 'http://www.okta.com/exkrotated';
    });
    const view = await h.inspect('register');
    expect(view.changes.map((c) => [c.kind, c.details])).toEqual([
      [
        'send',
        [
          {
            field: 'Issuer URL (Okta "Identity Provider Issuer")',
            from: expect.stringMatching(/^http:\/\/www\.okta\.com\/exk/),
            to: 'http://www.okta.com/exkrotated',
          },
        ],
      ],
    ]);
  });

  it('refuses to confirm what was never sent', async () => {
    const h = await harnessWithLoginApp('courier');
    const error = await createRegisterHandlers(h.deps)
      .markConfirmed({ integrationId: h.integration.id })
      .catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('REGISTER_NOT_SENT');
  });
});
