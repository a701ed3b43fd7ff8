import { describe, expect, it } from 'vitest';
import type { DomainsObserved } from '../../../src-main/api/step-domains';
import { domainChecks, domainsStep } from '../../../src-main/steps/domains';
import {
  CONSUMER_MAIL_DOMAINS,
  isConsumerMail,
  loginDomain,
  normalizeDomain,
} from '../../../src-main/steps/domain-rules';
import { millie } from '../../../src-main/vendors/millie';
import { courier } from '../../../src-main/vendors/courier';

describe('normalizeDomain', () => {
  it('lower-cases, trims, drops a leading address part and a trailing dot', () => {
    expect(normalizeDomain('  Acme.COM. ')).toEqual({ ok: true, domain: 'acme.com' });
    expect(normalizeDomain('alice@Labs.Acme.com')).toEqual({ ok: true, domain: 'labs.acme.com' });
  });

  it('turns an internationalised domain into punycode', () => {
    expect(normalizeDomain('Bücher.example')).toEqual({ ok: true, domain: 'xn--bcher-kva.example' });
    expect(normalizeDomain('例え.テスト')).toEqual({ ok: true, domain: 'xn--r8jz45g.xn--zckzah' });
  });

  it('refuses what is not a mail domain, saying what a domain looks like', () => {
    expect(normalizeDomain('')).toEqual({
      ok: false,
      message: 'Enter a domain; a domain looks like acme.com or mail.acme.co.uk',
    });
    expect(normalizeDomain('localhost')).toEqual({
      ok: false,
      message: '"localhost" has no top-level domain; a domain looks like acme.com or mail.acme.co.uk',
    });
    expect(normalizeDomain('https://acme.com')).toEqual({
      ok: false,
      message:
        '"https://acme.com" is not a domain (no spaces, slashes or ports); a domain looks like acme.com or mail.acme.co.uk',
    });
    expect(normalizeDomain('-acme.com')).toEqual({
      ok: false,
      message: '"-acme.com" is not a valid domain name; a domain looks like acme.com or mail.acme.co.uk',
    });
    expect(normalizeDomain('10.0.0.1')).toEqual({
      ok: false,
      message: '"10.0.0.1" is an IP address, not a mail domain; a domain looks like acme.com or mail.acme.co.uk',
    });
    expect(normalizeDomain('acme..com').ok).toBe(false);
  });

  it('reads the domain of a login, or nothing when the login is not an address', () => {
    expect(loginDomain('Ava.Adams@ACME.example')).toBe('acme.example');
    expect(loginDomain('ava')).toBeUndefined();
  });
});

describe('consumer mail list', () => {
  it('holds the free providers the vendors name', () => {
    for (const domain of [
      'gmail.com',
      'googlemail.com',
      'outlook.com',
      'hotmail.com',
      'live.com',
      'yahoo.com',
      'icloud.com',
      'me.com',
      'aol.com',
      'proton.me',
      'protonmail.com',
      'gmx.com',
      'yandex.com',
      'mail.com',
    ]) {
      expect(CONSUMER_MAIL_DOMAINS.has(domain)).toBe(true);
    }
    expect(isConsumerMail('acme.com')).toBe(false);
  });
});

describe('domains input', () => {
  const parse = (profile: typeof millie, domains: string[]) =>
    domainsStep.input.safeParse({ ...domainsStep.defaults(profile, {}), domains });

  it('normalises every domain', () => {
    const parsed = parse(courier, ['ACME.example', 'bücher.example']);
    expect(parsed.success && parsed.data.domains).toEqual(['acme.example', 'xn--bcher-kva.example']);
  });

  it('names the duplicate, after normalising', () => {
    const parsed = parse(courier, ['acme.example', 'Acme.Example.']);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['domains.1', 'acme.example is listed twice; list each domain once.'],
    ]);
  });

  it("refuses consumer mail for Millie with Millie's reason", () => {
    const parsed = parse(millie, ['acme.example', 'gmail.com']);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['domains.1', `gmail.com is a consumer mail domain and cannot be used: ${millie.domains.why}`],
    ]);
  });

  it('lets consumer mail through where the vendor only flags it', () => {
    expect(parse(courier, ['gmail.com']).success).toBe(true);
  });

  it('asks the admin to list domains while there are none', () => {
    const observed: DomainsObserved = {
      totalUsers: 0,
      suggestions: [],
      listed: [],
      uncovered: { users: 0, sample: [] },
      consumerMail: { policy: 'flag', why: '' },
    };
    expect(domainsStep.plan({ domains: [], consumerMail: 'flag', consumerWhy: '' }, observed, millie)).toEqual([
      {
        id: 'domains-choose',
        kind: 'manual',
        target: 'Email domains for Millie',
        summary: "List your company's email domains: add them, or pick from the login domains of your Okta users.",
        details: [],
      },
    ]);
  });

  it('plans nothing: no Okta writes', () => {
    const observed: DomainsObserved = {
      totalUsers: 0,
      suggestions: [],
      listed: [],
      uncovered: { users: 0, sample: [] },
      consumerMail: { policy: 'flag', why: '' },
    };
    expect(
      domainsStep.plan({ domains: ['acme.example'], consumerMail: 'flag', consumerWhy: '' }, observed, courier),
    ).toEqual([]);
  });
});

describe('domain checks', () => {
  const base: DomainsObserved = {
    totalUsers: 10,
    suggestions: [],
    listed: [
      { domain: 'acme.example', display: 'acme.example', users: 7, consumer: false },
      { domain: 'gmail.com', display: 'gmail.com', users: 2, consumer: true },
      { domain: 'typo.example', display: 'typo.example', users: 0, consumer: false },
    ],
    uncovered: { users: 1, sample: ['bob@other.example'] },
    consumerMail: { policy: 'flag', why: 'Consumer domains are shared.' },
  };

  it('counts users per domain, flags consumer mail and lists users outside', () => {
    expect(domainChecks(base)).toEqual([
      {
        id: 'domain:acme.example',
        label: 'Users in acme.example',
        status: 'pass',
        detail: '7 of 10 Okta users sign in with an address in acme.example.',
      },
      {
        id: 'domain:gmail.com',
        label: 'Users in gmail.com',
        status: 'pass',
        detail: '2 of 10 Okta users sign in with an address in gmail.com.',
      },
      {
        id: 'domain:typo.example',
        label: 'Users in typo.example',
        status: 'warn',
        detail:
          'No Okta user signs in with an address in typo.example; check the spelling, or that these users exist in Okta.',
      },
      {
        id: 'consumer-mail',
        label: 'No consumer mail domains',
        status: 'warn',
        detail: 'gmail.com is a consumer mail domain: Consumer domains are shared.',
      },
      {
        id: 'uncovered-users',
        label: 'Users outside these domains',
        status: 'warn',
        detail:
          '1 of 10 Okta users sign in with an address in no listed domain; the vendor will not route them to Okta.',
        evidence: 'bob@other.example',
      },
    ]);
  });

  it('fails consumer mail where the vendor refuses it', () => {
    const checks = domainChecks({ ...base, consumerMail: { policy: 'refuse', why: 'Never.' } });
    expect(checks.find((c) => c.id === 'consumer-mail')?.status).toBe('fail');
  });
});
