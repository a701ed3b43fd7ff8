import type { VendorProfile } from './profile';

/** Any SAML 2.0 service provider: every value is the admin's to enter. */
export const customSaml: VendorProfile = {
  id: 'custom-saml',
  name: 'Custom SAML 2.0',
  description: 'Any SAML 2.0 service provider: SSO URL, audience, attributes, SCIM and roles all editable.',
  guide: 'Okta: create a SAML 2.0 app integration',
  steps: [
    {
      id: 'app',
      title: 'SAML app',
      summary: 'A custom SAML 2.0 app: SSO URL, audience, NameID and attribute statements.',
    },
    {
      id: 'metadata',
      title: 'Metadata & certificate',
      summary: "The app's Metadata URL and signing certificate, checked.",
    },
    {
      id: 'domains',
      title: 'Email domains',
      summary: 'The email domains the vendor should route to Okta.',
      optional: true,
    },
    { id: 'register', title: 'Send to vendor', summary: 'Send the vendor the values it asks for.' },
    {
      id: 'scim',
      title: 'SCIM check',
      summary: "Check the vendor's SCIM endpoint before Okta uses it.",
      optional: true,
    },
    {
      id: 'provisioning',
      title: 'Provisioning',
      summary: 'Switch SCIM provisioning on in Okta and prove it end to end.',
      optional: true,
    },
    {
      id: 'role',
      title: 'Role attribute',
      summary: 'An optional enumerated `role` attribute on the app user profile.',
      optional: true,
    },
    { id: 'bookmark', title: 'Bookmark app', summary: 'An optional bookmark app.', optional: true },
    { id: 'assign', title: 'Assign users', summary: 'Assign groups and users.' },
    {
      id: 'migrate',
      title: 'Migrate existing users',
      summary: "Import the app's user export, match it to Okta and assign everyone.",
      optional: true,
    },
    {
      id: 'test-login',
      title: 'Test login',
      summary: 'IdP- and SP-initiated logins, checked on the real SAML assertion.',
    },
  ],
  app: {
    kind: 'custom',
    label: 'Custom SAML app',
    saml: {
      nameIdFormat: 'emailAddress',
      subjectNameIdTemplate: '${user.email}',
      attributeStatements: [{ name: 'email', nameFormat: 'unspecified', value: 'user.email' }],
      vendorSupplied: ['ssoAcsUrl', 'audience'],
      editable: true,
    },
  },
  domains: {
    consumerMail: 'flag',
    why: 'Consumer mail domains are shared by many companies; a vendor that routes by domain cannot use them.',
  },
  registration: {
    channel: 'email',
    alternatives: ['api', 'paste'],
    subject: 'SAML SSO metadata for {companyName}',
    values: [
      { key: 'metadataUrl', label: 'Metadata URL' },
      { key: 'ssoUrl', label: 'Identity Provider Single Sign-On URL' },
      { key: 'idpIssuer', label: 'Identity Provider Issuer' },
      { key: 'certificatePem', label: 'X.509 Certificate' },
    ],
    afterwards: 'The vendor configures its side from these values.',
  },
  scim: {
    via: 'console',
    userNameAttribute: 'userName',
    authMode: 'HTTP Header',
    features: ['create', 'update', 'deactivate'],
    requiredAttributes: ['userName'],
    tokenSource: 'the SCIM bearer token the vendor issued (its admin settings or support)',
  },
  bookmark: { label: 'Custom SAML app login', urlFromVendor: true },
  migration: {
    followUp: [
      'Tell the migrated people to sign in through Okta from now on; remove their local accounts in the app when it allows.',
    ],
  },
  login: { idpInitiated: true },
};
