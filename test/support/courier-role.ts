/**
 * Courier's role attribute as Okta holds it in the app user schema after the role step: an
 * enumerated string with Courier's titled values, sent to Courier as the SCIM core `role`.
 */
export const COURIER_ROLE_PROPERTY = {
  title: 'Role',
  description: 'Courier Role',
  type: 'string',
  enum: ['ADMINISTRATOR', 'MANAGER', 'DEVELOPER', 'DESIGNER', 'SUPPORT_SPECIALIST', 'ANALYST'],
  oneOf: [
    { const: 'ADMINISTRATOR', title: 'Admin' },
    { const: 'MANAGER', title: 'Manager' },
    { const: 'DEVELOPER', title: 'Developer' },
    { const: 'DESIGNER', title: 'Designer' },
    { const: 'SUPPORT_SPECIALIST', title: 'Support' },
    { const: 'ANALYST', title: 'Analyst' },
  ],
  externalName: 'role',
  externalNamespace: 'urn:ietf:params:scim:schemas:core:2.0:User',
  required: true,
  scope: 'NONE',
  master: { type: 'PROFILE_MASTER' },
};
