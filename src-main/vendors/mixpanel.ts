import type { VendorProfile } from './profile';

const mixpanelAcs = 'https://sso.mixpanel.com/sso/saml2';

/** Mixpanel: catalog app (or a custom app with fixed URLs); certificate, login URL and issuer pasted into Mixpanel. */
export const mixpanel: VendorProfile = {
  id: 'mixpanel',
  name: 'Mixpanel',
  description:
    'Catalog or custom SAML app with fixed Mixpanel URLs and an email attribute; certificate, Redirect Login URL and Issuer pasted into Mixpanel; SCIM through the catalog app.',
  guide: 'Configure Single Sign-On (SSO) with Okta (Mixpanel)',
  steps: [
    {
      id: 'app',
      title: 'Mixpanel app',
      summary:
        "The Mixpanel catalog app, or a custom SAML app with Mixpanel's SSO, Recipient, Destination and Audience URLs and an email attribute.",
    },
    {
      id: 'metadata',
      title: 'Certificate & issuer',
      summary:
        "The X.509 certificate, Redirect Login URL and Identity Provider Issuer from the app's setup instructions.",
    },
    {
      id: 'domains',
      title: 'Claimed domains',
      summary: 'The email domains you claimed in Mixpanel; Okta usernames must be addresses in them.',
    },
    {
      id: 'register',
      title: 'Enable SSO in Mixpanel',
      summary: 'Paste the certificate, Redirect Login URL and Issuer into Organization Settings > SSO.',
    },
    {
      id: 'scim',
      title: 'SCIM check',
      summary: 'Check the Mixpanel SCIM endpoint with your SCIM OAuth token before Okta uses it.',
      optional: true,
    },
    {
      id: 'provisioning',
      title: 'Provisioning',
      summary:
        'Enable API integration with the SCIM token; push new users, profile updates, deactivation and reactivation.',
      optional: true,
    },
    {
      id: 'assign',
      title: 'Assign users',
      summary: 'Assign the users to provision; their Okta username must be an email in a claimed domain.',
    },
    {
      id: 'migrate',
      title: 'Migrate existing users',
      summary: "Import Mixpanel's member export, match it to Okta and assign everyone with their Mixpanel role.",
      optional: true,
    },
    {
      id: 'test-login',
      title: 'Test login',
      summary: 'IdP- and SP-initiated logins, checked on the real SAML assertion.',
    },
  ],
  app: {
    kind: 'catalog-or-custom',
    catalogName: 'mixpanel',
    label: 'Mixpanel',
    saml: {
      ssoAcsUrl: mixpanelAcs,
      recipient: mixpanelAcs,
      destination: mixpanelAcs,
      audience: 'https://mixpanel.com/security/sso/v2/authorize/',
      nameIdFormat: 'emailAddress',
      subjectNameIdTemplate: '${user.email}',
      attributeStatements: [{ name: 'email', nameFormat: 'unspecified', value: 'user.email' }],
      vendorSupplied: [],
    },
  },
  domains: {
    consumerMail: 'flag',
    why: 'Mixpanel only provisions usernames in domains your organization has claimed; a consumer domain cannot be claimed.',
  },
  registration: {
    channel: 'paste',
    where: 'Mixpanel > Organization Settings > SSO',
    values: [
      { key: 'certificatePem', label: 'Public Certificate' },
      { key: 'ssoUrl', label: 'Authentication URL (Okta "Redirect Login URL")' },
      { key: 'idpIssuer', label: 'Issuer URL (Okta "Identity Provider Issuer")' },
    ],
    afterwards:
      'Click Enable in Mixpanel. Organization owners and admins can still log in with a password if SSO is misconfigured.',
  },
  scim: {
    via: 'api',
    baseUrl: 'https://mixpanel.com/api/app/scim/v2',
    userNameAttribute: 'userName',
    authMode: 'HTTP Header',
    features: ['create', 'update', 'deactivate', 'reactivate'],
    requiredAttributes: ['userName', 'name.givenName', 'name.familyName', 'emails[primary]'],
    tokenSource:
      'the SCIM OAuth token an organization admin generates in Mixpanel\'s organization settings, "Access Security" tab',
  },
  migration: {
    followUp: [
      'Invite by hand, in Mixpanel (Organization Settings > Users & Teams), the accounts that are not members of the organisation: provisioning fails for an account that exists outside it.',
      'Claim the missing domains in Mixpanel (Organization Settings > Access Security > Domains): provisioning fails for an address whose domain is not claimed.',
    ],
  },
  login: {
    idpInitiated: true,
    spInitiatedUrl: 'https://mixpanel.com/login/',
    catalogSaml: { acsUrl: mixpanelAcs, audience: 'https://mixpanel.com/security/sso/v2/authorize/' },
  },
};
