import { domainToASCII, domainToUnicode } from 'node:url';

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

export type DomainCheck = { ok: true; domain: string } | { ok: false; message: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const example = 'a domain looks like acme.com or mail.acme.co.uk';

/** Lower-case ASCII form of an email domain (IDNs to punycode), or why it is not one. */
export function normalizeDomain(raw: string): DomainCheck {
  const trimmed = raw.trim().replace(/^.*@/, '').replace(/\.$/, '');
  if (trimmed === '') return { ok: false, message: `Enter a domain; ${example}` };
  if (/[\s/:?#]/.test(trimmed))
    return { ok: false, message: `"${raw.trim()}" is not a domain (no spaces, slashes or ports); ${example}` };
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (ascii === '') return { ok: false, message: `"${raw.trim()}" is not a valid domain name; ${example}` };
  const labels = ascii.split('.');
  if (labels.length < 2) return { ok: false, message: `"${raw.trim()}" has no top-level domain; ${example}` };
  if (ascii.length > 253 || !labels.every((label) => LABEL.test(label)))
    return { ok: false, message: `"${raw.trim()}" is not a valid domain name; ${example}` };
  if (/^\d+$/.test(labels[labels.length - 1] ?? ''))
    return { ok: false, message: `"${raw.trim()}" is an IP address, not a mail domain; ${example}` };
  return { ok: true, domain: ascii };
}

export function displayDomain(ascii: string): string {
  return domainToUnicode(ascii) || ascii;
}

/** The domain part of a login or email, lower-case ASCII; undefined when it is not an address. */
export function loginDomain(login: string): string | undefined {
  const at = login.lastIndexOf('@');
  if (at < 1) return undefined;
  const checked = normalizeDomain(login.slice(at + 1));
  return checked.ok ? checked.domain : undefined;
}
