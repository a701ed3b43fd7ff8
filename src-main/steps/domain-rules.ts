import { domainToASCII, domainToUnicode } from 'node:url';
import type { AddressRule } from '../api/mail-domains';
import type { Integration } from '../api/model';
import type { VendorProfile } from '../vendors/profile';

export { CONSUMER_MAIL_DOMAINS, isConsumerMail } from '../api/mail-domains';

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

/** The vendor's address rule for this integration: its consumer-mail policy and the domains registered so far. */
export function addressRuleFor(profile: VendorProfile, integration: Integration): AddressRule {
  const raw = integration.steps.domains?.input.domains;
  const listed = (Array.isArray(raw) ? raw : []).flatMap((d) => {
    const checked = typeof d === 'string' ? normalizeDomain(d) : undefined;
    return checked?.ok ? [checked.domain] : [];
  });
  return { vendorName: profile.name, consumerMail: profile.domains.consumerMail, why: profile.domains.why, listed };
}
