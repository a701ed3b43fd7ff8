/**
 * Which addresses a vendor's SSO can serve. Shared by main (assign, test login) and the renderer
 * (the warning as a person is picked), so both say the same thing.
 */

/**
 * Free mail providers: shared by many companies, so a vendor that routes sign-ins by email domain
 * cannot tell whose IdP an address belongs to. Data, not logic: extend it as new providers appear.
 */
export const CONSUMER_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'yandex.com',
  'yandex.ru',
  'mail.com',
  'mail.ru',
  'zoho.com',
  'tutanota.com',
  'fastmail.com',
  'qq.com',
  '163.com',
  '126.com',
]);

export function isConsumerMail(domain: string): boolean {
  return CONSUMER_MAIL_DOMAINS.has(domain);
}

/** A vendor's rule for the addresses of people who sign in with SSO. */
export interface AddressRule {
  vendorName: string;
  /** `refuse`: the vendor can never serve consumer mail (Millie); `flag`: it may not. */
  consumerMail: 'refuse' | 'flag';
  why: string;
  /** The domains registered with the vendor (the domains step), lower-case ASCII; empty when none yet. */
  listed: readonly string[];
}

/** The domain of an address, lower-case; undefined when it is not one. */
export function addressDomain(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  return at < 1
    ? undefined
    : address
        .slice(at + 1)
        .trim()
        .toLowerCase()
        .replace(/\.$/, '') || undefined;
}

/** Why this person cannot (or may not) sign in to the vendor with SSO; undefined when nothing stands in the way. */
export function addressProblem(address: string, rule: AddressRule): string | undefined {
  const domain = addressDomain(address);
  if (domain === undefined) return undefined;
  if (isConsumerMail(domain)) {
    return rule.consumerMail === 'refuse'
      ? `${address} is a ${domain} address: ${rule.why}`
      : `${address} is a ${domain} address, consumer mail that ${rule.vendorName} may not route to your Okta org: ${rule.why}`;
  }
  if (rule.listed.length > 0 && !rule.listed.includes(domain))
    return `${address} is not in the domains registered with ${rule.vendorName} (${rule.listed.join(', ')}), so ${rule.vendorName} will not send this person to Okta.`;
  return undefined;
}
