import type { VendorProfile } from './profile';

/** Courier: a custom SAML 2.0 app with URLs from Courier support, SCIM with a role enum, a bookmark app and migration. */
export const courier: VendorProfile = {
  id: 'courier',
  name: 'Courier',
  description:
    'Custom SAML 2.0 app with `id` and emailaddress-claim attributes, metadata URL to Courier support, SCIM with a required `role`, an optional bookmark app and migration of existing users.',
  guide: 'Okta SSO Integration (Courier)',
  steps: [
    {
      id: 'app',
      title: 'Courier app',
      summary:
        'A custom SAML 2.0 app with the SSO URL and Audience URI from Courier Support and the `id` and emailaddress attribute statements.',
    },
    { id: 'metadata', title: 'Metadata URL', summary: "The app's Metadata URL and signing certificate, checked." },
    {
      id: 'register',
      title: 'Send to Courier',
      summary: 'Send the Metadata URL to Courier Support; they configure SSO within 24 hours.',
    },
    {
      id: 'scim',
      title: 'SCIM check',
      summary: "Check Courier's SCIM endpoint with the bearer token before Okta is switched on.",
    },
    {
      id: 'role',
      title: 'Role attribute',
      summary: "A required `role` attribute with Courier's roles, mapped from your groups.",
    },
    {
      id: 'provisioning',
      title: 'Provisioning',
      summary:
        'SCIM connector base URL, userName, HTTP Header token; push new users and profile updates; create, update and deactivate.',
    },
    {
      id: 'bookmark',
      title: 'Bookmark app',
      summary: 'An optional "Courier Login" bookmark app with the URL from Courier Support.',
      optional: true,
    },
    { id: 'assign', title: 'Assign users', summary: 'Assign groups and users, each with a Courier role.' },
    {
      id: 'migrate',
      title: 'Migrate existing users',
      summary: "Import Courier's team export, match it to Okta and assign everyone with their Courier role.",
      optional: true,
    },
    { id: 'test-login', title: 'Test login', summary: 'IdP-initiated login, checked on the real SAML assertion.' },
  ],
  app: {
    kind: 'custom',
    label: 'Courier',
    saml: {
      nameIdFormat: 'emailAddress',
      subjectNameIdTemplate: '${user.email}',
      attributeStatements: [
        { name: 'id', nameFormat: 'unspecified', value: 'user.id' },
        {
          name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
          nameFormat: 'unspecified',
          value: 'user.email',
        },
      ],
      vendorSupplied: ['ssoAcsUrl', 'audience'],
    },
  },
  domains: {
    consumerMail: 'flag',
    why: 'Courier matches users by email address; make sure addresses match between Okta and Courier.',
  },
  registration: {
    channel: 'email',
    subject: 'Okta SAML metadata for {companyName}',
    values: [{ key: 'metadataUrl', label: 'Metadata URL' }],
    afterwards: 'Courier configures the SSO integration on its end within 24 hours of receiving the Metadata URL.',
  },
  scim: {
    via: 'console',
    userNameAttribute: 'userName',
    authMode: 'HTTP Header',
    features: ['create', 'update', 'deactivate'],
    requiredAttributes: ['userName', 'role'],
    tokenSource: 'the SCIM bearer token Courier Support gave you',
  },
  role: {
    attribute: 'role',
    displayName: 'Role',
    description: 'Courier Role',
    externalName: 'role',
    externalNamespace: 'urn:ietf:params:scim:schemas:core:2.0:User',
    required: true,
    values: [
      { title: 'Admin', value: 'ADMINISTRATOR' },
      { title: 'Manager', value: 'MANAGER' },
      { title: 'Developer', value: 'DEVELOPER' },
      { title: 'Designer', value: 'DESIGNER' },
      { title: 'Support', value: 'SUPPORT_SPECIALIST' },
      { title: 'Analyst', value: 'ANALYST' },
    ],
  },
  bookmark: { label: 'Courier Login', urlFromVendor: true },
  migration: {
    followUp: [
      "Remove the migrated people from the team in Courier (Settings > Team) and re-invite them through Okta: the assignment sends each of them Courier's invite.",
      'Roles to set: people who were in Courier before provisioning keep their old Courier role until it is updated in Courier; check each role against the Okta role.',
    ],
    steps: [
      'In Courier, Settings > Security: make sure "Require Google SSO" is unchecked.',
      'In Courier, Settings > Team: remove the users to be migrated.',
      'Re-invite them through Okta (assign them to the Courier app).',
      'Each user signs out of Courier, clicks Join in the invite email, and signs in with their work email.',
    ],
  },
  login: { idpInitiated: true },
};
