import type { VendorProfile } from './profile';

/** Millie: an OIN catalog app with a "Slug Name" field; metadata URL and domains go to support. */
export const millie: VendorProfile = {
  id: 'millie',
  name: 'Millie',
  description: 'Catalog app with a company slug; metadata URL, company name and email domains sent to Millie support.',
  guide: 'Integrating Millie SAML with Okta',
  steps: [
    {
      id: 'slug',
      title: 'Company slug',
      summary: "The Company Slug shown on Millie's Settings / SSO page, written into the app's Slug Name field.",
    },
    {
      id: 'app',
      title: 'Millie app',
      summary: 'Add the Millie app from the Okta catalog, then finish it through the API.',
    },
    {
      id: 'metadata',
      title: 'Metadata & certificate',
      summary: "The app's Metadata URL and signing certificate, checked.",
    },
    {
      id: 'domains',
      title: 'Email domains',
      summary:
        "Your company's email domains. Millie identifies the company by the email domain, so Gmail can never be used.",
    },
    {
      id: 'register',
      title: 'Send to Millie',
      summary: 'Email the Metadata URL, company name and email domains to Millie support.',
    },
    { id: 'assign', title: 'Assign users', summary: 'Assign the Millie app to one or more users or groups.' },
    {
      id: 'migrate',
      title: 'Migrate existing users',
      summary: "Import Millie's user export, match it to Okta and assign everyone.",
      optional: true,
    },
    {
      id: 'test-login',
      title: 'Test login',
      summary: 'IdP-initiated and SP-initiated logins, checked on the real SAML assertion.',
    },
  ],
  app: { kind: 'catalog', catalogName: 'millie', label: 'Millie', slugField: 'slugName' },
  domains: {
    consumerMail: 'refuse',
    why: 'Millie uses the email domain to find the company and its IdP, so consumer mail such as gmail.com can never be used with Millie SSO.',
  },
  registration: {
    channel: 'email',
    subject: 'SAML SSO setup for {companyName}',
    values: [
      { key: 'metadataUrl', label: 'Metadata URL' },
      { key: 'companyName', label: 'Company name' },
      { key: 'emailDomains', label: 'Email domains' },
    ],
    afterwards:
      "Millie updates your account from the Metadata URL and domains and emails you when done; the changes then show on Millie's Settings / SSO page.",
  },
  migration: {
    followUp: [
      'Consumer addresses (gmail.com and the like) cannot use SSO in Millie: give those people a company address in Okta, or leave them on password sign-in.',
    ],
  },
  login: {
    idpInitiated: true,
    catalogSaml: {
      acsUrl: 'https://app.milliegiving.com/saml/{slugName}/acs',
      audience: 'https://app.milliegiving.com/saml/{slugName}/metadata',
    },
  },
};
