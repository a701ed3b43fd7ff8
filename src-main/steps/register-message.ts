import type { IntegrationFacts } from '../api/model';
import type { RegisterInput, RegistrationChannel, RegistrationValueView } from '../api/step-register';
import { AppError } from '../errors';
import type { RegistrationValue, VendorProfile } from '../vendors/profile';

/** The channel in force: the admin's pick when the profile allows it, else the vendor's own. */
export function effectiveChannel(profile: VendorProfile, input: Pick<RegisterInput, 'channel'>): RegistrationChannel {
  return allowedChannels(profile).includes(input.channel) ? input.channel : profile.registration.channel;
}

export function allowedChannels(profile: VendorProfile): RegistrationChannel[] {
  return [profile.registration.channel, ...(profile.registration.alternatives ?? [])];
}

function valueOf(key: RegistrationValue['key'], facts: IntegrationFacts, input: RegisterInput): string | undefined {
  switch (key) {
    case 'metadataUrl':
      return facts.metadataUrl;
    case 'companyName':
      return input.companyName;
    case 'emailDomains':
      return facts.emailDomains?.join(', ');
    case 'certificatePem':
      return facts.certificatePem;
    case 'ssoUrl':
      return facts.idpSsoUrl;
    case 'idpIssuer':
      return facts.idpIssuer;
  }
}

const SOURCE: Record<RegistrationValue['key'], string> = {
  metadataUrl: 'the "Metadata" step',
  companyName: 'the company name field above',
  emailDomains: 'the "Email domains" step',
  certificatePem: 'the "Metadata" step',
  ssoUrl: 'the "Metadata" step',
  idpIssuer: 'the "Metadata" step',
};

/** Exactly the values the vendor asks for, in its words; fails naming the first one not known yet. */
export function registrationValues(
  profile: VendorProfile,
  facts: IntegrationFacts,
  input: RegisterInput,
): RegistrationValueView[] {
  return profile.registration.values.map(({ key, label }) => {
    const value = valueOf(key, facts, input);
    if (value === undefined || value === '') {
      throw new AppError(
        'REGISTER_VALUE_MISSING',
        `${profile.name} needs the ${label}, which is not known yet.`,
        `Fill it in from ${SOURCE[key]} first.`,
        key === 'companyName' ? 'companyName' : undefined,
      );
    }
    return { key, label, value };
  });
}

export interface EmailText {
  to: string;
  subject: string;
  body: string;
}

/** The email to the vendor's support, values one per line, ready to send as it is. */
export function registrationEmail(
  profile: VendorProfile,
  input: RegisterInput,
  values: RegistrationValueView[],
): EmailText {
  const company = input.companyName ?? '';
  const subject = (profile.registration.subject ?? 'SAML SSO setup for {companyName}')
    .replace('{companyName}', company)
    .trim();
  const lines = values.map((v) =>
    v.value.includes('\n') ? `${v.label}:\n${v.value.trim()}` : `${v.label}: ${v.value}`,
  );
  const body = [
    `Hello ${profile.name} support,`,
    '',
    `Please set up SAML single sign-on with Okta for ${company || 'our company'}. Here are the values you asked for:`,
    '',
    ...lines,
    '',
    'The IdP metadata XML from Okta is attached to this message when it is sent as a file.',
    '',
    'Thank you,',
    company,
  ]
    .join('\n')
    .trimEnd();
  return { to: input.supportEmail ?? profile.registration.to ?? '', subject, body };
}

/** A mailto: link with subject and body; mail clients take no attachment from a link. */
export function mailtoLink(email: EmailText): string {
  const query = `subject=${encodeURIComponent(email.subject)}&body=${encodeURIComponent(email.body.replace(/\n/g, '\r\n'))}`;
  return `mailto:${encodeURIComponent(email.to).replace(/%40/g, '@')}?${query}`;
}

/** The JSON a registration API receives: each value under its key, domains as a list. */
export function registrationPayload(
  profile: VendorProfile,
  facts: IntegrationFacts,
  values: RegistrationValueView[],
): Record<string, unknown> {
  const payload: Record<string, unknown> = { vendor: profile.id, idp: 'okta' };
  for (const v of values) payload[v.key] = v.key === 'emailDomains' ? (facts.emailDomains ?? []) : v.value;
  return payload;
}
