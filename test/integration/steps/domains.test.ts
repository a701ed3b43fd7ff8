import { describe, expect, it } from 'vitest';
import { DomainsObservedSchema } from '../../../src-main/api/step-domains';
import { isAppError } from '../../../src-main/errors';
import { stepHarness } from '../../support/step-harness';

describe('domains step against the seeded org', () => {
  it("suggests the login domains of the org's users with their counts", async () => {
    const h = await stepHarness('custom-saml');
    const view = await h.save('domains', { domains: ['acme.example'] });
    const observed = DomainsObservedSchema.parse(view.observed);
    expect(observed.totalUsers).toBe(53);
    expect(observed.suggestions).toEqual([
      { domain: 'acme.example', display: 'acme.example', users: 42, consumer: false },
      { domain: 'labs.acme.example', display: 'labs.acme.example', users: 6, consumer: false },
      { domain: 'gmail.com', display: 'gmail.com', users: 3, consumer: true },
      { domain: 'outlook.com', display: 'outlook.com', users: 2, consumer: true },
    ]);
    expect(observed.listed).toEqual([{ domain: 'acme.example', display: 'acme.example', users: 42, consumer: false }]);
    expect(observed.uncovered.users).toBe(11);
    expect(observed.uncovered.sample).toHaveLength(10);
  });

  it('suggests domains before any is listed, asking the admin to list them', async () => {
    const h = await stepHarness('millie');
    const view = await h.inspect('domains');
    expect(view.status).toBe('planned');
    expect(view.changes.map((c) => [c.id, c.kind])).toEqual([['domains-choose', 'manual']]);
    expect(DomainsObservedSchema.parse(view.observed).suggestions.map((s) => s.domain)).toEqual([
      'acme.example',
      'labs.acme.example',
      'gmail.com',
      'outlook.com',
    ]);
  });

  it('plans no Okta write, verifies with counts and learns the domains; a second apply writes nothing', async () => {
    const h = await stepHarness('millie');
    const writes = h.org.writeCount();
    const view = await h.save('domains', { domains: [' ACME.example', 'labs.acme.example'] });
    expect(view.changes).toEqual([]);
    expect(view.status).toBe('verified');
    expect(view.checks.map((c) => [c.id, c.status, c.detail])).toEqual([
      ['domain:acme.example', 'pass', '42 of 53 Okta users sign in with an address in acme.example.'],
      ['domain:labs.acme.example', 'pass', '6 of 53 Okta users sign in with an address in labs.acme.example.'],
      ['consumer-mail', 'pass', 'None of the domains is a free mail provider.'],
      [
        'uncovered-users',
        'warn',
        '5 of 53 Okta users sign in with an address in no listed domain; the vendor will not route them to Okta.',
      ],
    ]);
    expect((await h.current()).facts.emailDomains).toEqual(['acme.example', 'labs.acme.example']);
    const again = await h.apply('domains');
    expect(again.status).toBe('verified');
    expect(h.org.writeCount()).toBe(writes);
  });

  it("refuses gmail.com for Millie, naming the field and Millie's reason", async () => {
    const h = await stepHarness('millie');
    const error = await h.save('domains', { domains: ['acme.example', 'gmail.com'] }).catch((e: unknown) => e);
    expect(isAppError(error) && [error.code, error.field, error.message]).toEqual([
      'INVALID_INPUT',
      'domains.1',
      'domains.1: gmail.com is a consumer mail domain and cannot be used: Millie uses the email domain to find the company and its IdP, so consumer mail such as gmail.com can never be used with Millie SSO.',
    ]);
  });

  it('flags consumer mail with a warning where the vendor allows it', async () => {
    const h = await stepHarness('mixpanel');
    const view = await h.save('domains', { domains: ['acme.example', 'gmail.com'] });
    expect(view.status).toBe('verified');
    expect(view.checks.find((c) => c.id === 'consumer-mail')).toEqual({
      id: 'consumer-mail',
      label: 'No consumer mail domains',
      status: 'warn',
      detail:
        'gmail.com is a consumer mail domain: Mixpanel only provisions usernames in domains your organization has claimed; a consumer domain cannot be claimed.',
    });
  });
});
