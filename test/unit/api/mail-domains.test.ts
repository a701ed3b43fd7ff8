import { describe, expect, it } from 'vitest';
import { addressDomain, addressProblem, type AddressRule } from '../../../src-main/api/mail-domains';
import { addressRuleFor } from '../../../src-main/steps/domain-rules';
import { courier } from '../../../src-main/vendors/courier';
import { millie } from '../../../src-main/vendors/millie';
import type { Integration } from '../../../src-main/api/model';

const MILLIE: AddressRule = {
  vendorName: 'Millie',
  consumerMail: 'refuse',
  why: 'Millie uses the email domain to find the company and its IdP, so consumer mail such as gmail.com can never be used with Millie SSO.',
  listed: [],
};

describe("a vendor's address rule", () => {
  it('refuses gmail for Millie, saying why in the guide’s words', () => {
    expect(addressProblem('sam.ito@gmail.com', MILLIE)).toBe(
      'sam.ito@gmail.com is a gmail.com address: Millie uses the email domain to find the company and its IdP, so consumer mail such as gmail.com can never be used with Millie SSO.',
    );
  });

  it('flags consumer mail where the vendor may not route it', () => {
    expect(addressProblem('a@outlook.com', { ...MILLIE, vendorName: 'Courier', consumerMail: 'flag', why: 'W.' })).toBe(
      'a@outlook.com is a outlook.com address, consumer mail that Courier may not route to your Okta org: W.',
    );
  });

  it('flags a company address outside the registered domains, and passes one inside', () => {
    const rule = { ...MILLIE, listed: ['acme.example'] };
    expect(addressProblem('ann@other.example', rule)).toBe(
      'ann@other.example is not in the domains registered with Millie (acme.example), so Millie will not send this person to Okta.',
    );
    expect(addressProblem('Ann@ACME.example', rule)).toBeUndefined();
    expect(addressProblem('not-an-address', rule)).toBeUndefined();
  });

  it('reads the domain of an address, lower-case', () => {
    expect(addressDomain('Ann@Acme.Example.')).toBe('acme.example');
    expect(addressDomain('@acme.example')).toBeUndefined();
  });

  it("builds the rule from the profile and the domains step's saved input", () => {
    const integration = {
      steps: {
        domains: { status: 'verified', input: { domains: ['ACME.example', 'bad domain'] }, changes: [], checks: [] },
      },
    } as unknown as Integration;
    expect(addressRuleFor(millie, integration)).toEqual({ ...MILLIE, listed: ['acme.example'] });
    expect(addressRuleFor(courier, { steps: {} } as unknown as Integration).listed).toEqual([]);
  });
});
