import { z } from 'zod';
import { StepIdSchema, StepStatusSchema, VendorIdSchema } from '../api/ids';

/**
 * The configuration report of one integration: what Okta holds now, read back when the report is
 * made (never what the wizard remembers doing), with every check and the audit log of changes.
 * Every format (HTML, PDF, JSON, Markdown, Terraform) renders this one value. It never carries a
 * secret: no API token, SCIM bearer token or private key is read into it.
 *
 * `schemaVersion` changes when a field changes meaning or goes away; new optional fields keep it.
 * The JSON Schema in docs/schemas/config-report.schema.json is made from these zod schemas.
 */
export const CONFIG_REPORT_VERSION = 1;

const Iso = z.string().describe('an ISO 8601 time, UTC');

/** One read-back check with what it rests on, as the step's verify made it during this report. */
export const ReportCheckSchema = z.object({
  stepId: StepIdSchema,
  id: z.string(),
  label: z.string(),
  result: z.enum(['pass', 'warn', 'fail']),
  detail: z.string(),
  evidence: z.string().optional(),
  /** When the read-back behind it ran. */
  at: Iso,
});
export type ReportCheck = z.infer<typeof ReportCheckSchema>;

export const ReportStepSchema = z.object({
  id: StepIdSchema,
  title: z.string(),
  optional: z.boolean(),
  status: StepStatusSchema,
  /**
   * `fresh`: read back from Okta while this report was made; `not-started`: the step was never
   * run, so nothing was read; `skipped`: the admin skipped this optional step; `unreadable`: the
   * read-back failed now (see `error`), so no current result is shown.
   */
  observation: z.enum(['fresh', 'not-started', 'skipped', 'unreadable']),
  verifiedAt: Iso.optional(),
  appliedAt: Iso.optional(),
  skippedAt: Iso.optional(),
  error: z.object({ code: z.string(), message: z.string(), hint: z.string(), at: Iso.optional() }).optional(),
});
export type ReportStep = z.infer<typeof ReportStepSchema>;

/** A SAML attribute statement (`type: EXPRESSION`) as Okta has it. */
export const AttributeStatementSchema = z.object({
  name: z.string(),
  /** Okta's `namespace`, the full NameFormat URN. */
  namespace: z.string(),
  /** The console's words for it: Unspecified, URI Reference, Basic (or the URN when Okta has another). */
  format: z.string(),
  values: z.array(z.string()),
});

/** A group attribute statement (`type: GROUP`): the names of the user's groups passing the filter. */
export const GroupAttributeStatementSchema = z.object({
  name: z.string(),
  namespace: z.string(),
  format: z.string(),
  filterType: z.string(),
  filterValue: z.string(),
});

/** `settings.signOn` of the SAML app as read back (the fields Okta documents for SAML 2.0 apps). */
export const SsoSettingsSchema = z.object({
  ssoAcsUrl: z.string().optional(),
  recipient: z.string().optional(),
  destination: z.string().optional(),
  audience: z.string().optional(),
  idpIssuer: z.string().optional(),
  defaultRelayState: z.string().optional(),
  subjectNameIdFormat: z.string().optional(),
  subjectNameIdTemplate: z.string().optional(),
  responseSigned: z.boolean().optional(),
  assertionSigned: z.boolean().optional(),
  signatureAlgorithm: z.string().optional(),
  digestAlgorithm: z.string().optional(),
  honorForceAuthn: z.boolean().optional(),
  authnContextClassRef: z.string().optional(),
  allowMultipleAcsEndpoints: z.boolean().optional(),
  requestCompressed: z.boolean().optional(),
});
export type SsoSettings = z.infer<typeof SsoSettingsSchema>;

const Primitive = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ReportAppSchema = z.object({
  id: z.string(),
  /** Okta's `name`: the catalog key (`millie`, `mixpanel`) or the generated name of a custom SAML app. */
  name: z.string(),
  label: z.string(),
  status: z.string(),
  signOnMode: z.string(),
  /** `catalog`: added from the Okta Integration Network (Terraform: `preconfigured_app = name`); `custom`: our own SAML 2.0 app. */
  mode: z.enum(['catalog', 'custom']),
  created: Iso.optional(),
  lastUpdated: Iso.optional(),
  features: z.array(z.string()),
  /** `settings.app` (catalog fields such as Millie's slug), plain values only, secret-looking keys left out. */
  appSettings: z.record(z.string(), Primitive),
  userNameTemplate: z.object({ template: z.string().optional(), type: z.string().optional() }).optional(),
  /** `credentials.signing.kid`: the key the app signs with. */
  signingKid: z.string().optional(),
  visibility: z
    .object({
      autoSubmitToolbar: z.boolean().optional(),
      hideIos: z.boolean().optional(),
      hideWeb: z.boolean().optional(),
    })
    .optional(),
  sso: SsoSettingsSchema,
  attributeStatements: z.array(AttributeStatementSchema),
  groupAttributeStatements: z.array(GroupAttributeStatementSchema),
  consoleUrl: z.string().optional(),
  embedLink: z.string().optional(),
});
export type ReportApp = z.infer<typeof ReportAppSchema>;

export const CertificateSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  sha256Fingerprint: z.string(),
  sha1Fingerprint: z.string(),
  notBefore: Iso,
  notAfter: Iso,
  /** Whole days from the report's time to `notAfter` (negative once expired). */
  daysToExpiry: z.number(),
  keyType: z.string(),
  keyBits: z.number(),
  signatureAlgorithm: z.string(),
  /** The signing key's id, when this certificate is the app's active key. */
  kid: z.string().optional(),
});
export type ReportCertificate = z.infer<typeof CertificateSchema>;

export const ReportSamlSchema = z.object({
  metadataUrl: z.string(),
  /** Whether the public metadata URL answered, in words. */
  publicMetadata: z.object({ ok: z.boolean(), detail: z.string() }),
  idpEntityId: z.string(),
  idpSsoUrls: z.array(z.object({ binding: z.string(), location: z.string() })),
  nameIdFormats: z.array(z.string()),
  certificates: z.array(CertificateSchema),
  activeKey: z.object({ kid: z.string(), expiresAt: Iso.optional(), matchesMetadata: z.boolean() }).optional(),
});

export const ReportDomainsSchema = z.object({
  domains: z.array(z.object({ domain: z.string(), display: z.string(), users: z.number(), consumer: z.boolean() })),
  totalUsers: z.number(),
  uncoveredUsers: z.number(),
});

/** What the admin reported about sending the values to the vendor: self-reported unless `vendorProvenAt`. */
export const ReportRegistrationSchema = z.object({
  selfReported: z.literal(true),
  channel: z.string(),
  via: z.enum(['email', 'eml', 'copied', 'api']).optional(),
  to: z.string().optional(),
  sentAt: Iso.optional(),
  confirmedAt: Iso.optional(),
  values: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  changedSinceSent: z.array(z.string()),
  /** When an SP-initiated login through the vendor last passed: the one proof the vendor holds the values. */
  vendorProvenAt: Iso.optional(),
});

const Toggle = z.enum(['ENABLED', 'DISABLED']);

export const ReportProvisioningSchema = z.object({
  path: z.enum(['api', 'console']),
  scimBaseUrl: z.string(),
  /** Whether a SCIM bearer token is stored (the token itself never enters a report). */
  tokenStored: z.boolean(),
  appFeatures: z.array(z.string()),
  connection: z.object({ status: z.string(), authScheme: z.string(), baseUrl: z.string().optional() }).optional(),
  userProvisioning: z.object({ create: Toggle, updateProfile: Toggle, deactivate: Toggle }).optional(),
  /** Each provisioning feature with what shows it is on or off. */
  features: z.array(z.object({ name: z.string(), enabled: z.boolean(), evidence: z.string() })),
  endToEnd: z
    .object({
      passed: z.boolean(),
      startedAt: Iso,
      finishedAt: Iso,
      userLogin: z.string(),
      role: z.string().optional(),
      /** True when it ran against this app, this SCIM URL and the token stored now. */
      current: z.boolean(),
    })
    .optional(),
});

export const ReportRoleSchema = z.object({
  appId: z.string(),
  /** The app user schema property's name (`custom.<name>`); Terraform's `index`. */
  propertyName: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  type: z.string().optional(),
  required: z.boolean().optional(),
  externalName: z.string().optional(),
  externalNamespace: z.string().optional(),
  /** The enumerated values, with the titles admins pick from. */
  values: z.array(z.object({ value: z.string(), title: z.string() })),
  /** Present in Okta now (false: the schema has no such property). */
  present: z.boolean(),
  groupRoles: z.array(z.object({ groupId: z.string(), groupName: z.string(), role: z.string().nullable() })),
  usersNeedingRole: z.number(),
});

export const ReportBookmarkSchema = z.object({
  id: z.string(),
  label: z.string(),
  url: z.string().nullable(),
  status: z.string(),
  groupIds: z.array(z.string()),
});

export const ReportAssignmentsSchema = z.object({
  /** People with the app, each counted once, directly or through a group. */
  people: z.number(),
  direct: z.number(),
  viaGroups: z.number(),
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      priority: z.number().optional(),
      role: z.string().nullable(),
      /** The group assignment's app profile as Okta has it (plain values). */
      profile: z.record(z.string(), Primitive),
    }),
  ),
});

export const ReportMigrationSchema = z.object({
  imported: z.object({ rows: z.number(), fileName: z.string(), importedAt: Iso }).nullable(),
  counts: z.record(z.string(), z.number()),
  toAssign: z.number(),
  toCreate: z.number(),
  byRole: z.array(z.object({ role: z.string().nullable(), people: z.number() })),
  route: z.enum(['direct', 'group']),
  done: z.number(),
  failed: z.number(),
});

export const ReportAuditEntrySchema = z.object({
  time: Iso,
  operation: z.string(),
  target: z.string(),
  outcome: z.enum(['success', 'failure', 'unknown']),
  detail: z.string().optional(),
  stepId: z.string().optional(),
  actor: z.string().optional(),
  resolvedBy: z.enum(['answer', 'read-back', 'reconcile']).optional(),
});

/** The raw ids an `import` block needs, gathered in one place (the sections above hold them too). */
export const ReportImportIdsSchema = z.object({
  samlAppId: z.string().optional(),
  bookmarkAppId: z.string().optional(),
  /** `okta_app_user_schema_property`: imported as `<appId>/<propertyName>`. */
  appUserSchemaProperty: z.object({ appId: z.string(), propertyName: z.string() }).optional(),
  /** `okta_app_group_assignments`: the app and the groups assigned to it now. */
  groupAssignments: z.object({ appId: z.string(), groupIds: z.array(z.string()) }).optional(),
  bookmarkGroupAssignments: z.object({ appId: z.string(), groupIds: z.array(z.string()) }).optional(),
});

/** `verified`: every required step verified now; `failing`: a check fails; `incomplete`: steps left; `unreadable`: Okta could not be read. */
export const ReportStateSchema = z.enum(['verified', 'failing', 'incomplete', 'unreadable']);
export type ReportState = z.infer<typeof ReportStateSchema>;

export const ConfigReportSchema = z.object({
  $schema: z.string().optional(),
  kind: z.literal('okta-onboard-config-report'),
  schemaVersion: z.literal(CONFIG_REPORT_VERSION),
  generatedAt: Iso,
  generator: z.object({ name: z.literal('okta-onboard'), version: z.string() }),
  org: z.object({ url: z.string(), practice: z.boolean() }),
  client: z.object({ id: z.string(), name: z.string() }),
  vendor: z.object({ id: VendorIdSchema, name: z.string(), guide: z.string() }),
  integration: z.object({ id: z.string(), label: z.string(), createdAt: Iso }),
  summary: z.object({
    state: ReportStateSchema,
    requiredSteps: z.number(),
    verifiedRequired: z.number(),
    skipped: z.number(),
    checks: z.object({ pass: z.number(), warn: z.number(), fail: z.number() }),
  }),
  app: ReportAppSchema.nullable(),
  saml: ReportSamlSchema.nullable(),
  emailDomains: ReportDomainsSchema.nullable(),
  registration: ReportRegistrationSchema.nullable(),
  provisioning: ReportProvisioningSchema.nullable(),
  role: ReportRoleSchema.nullable(),
  bookmark: ReportBookmarkSchema.nullable(),
  assignments: ReportAssignmentsSchema.nullable(),
  migration: ReportMigrationSchema.nullable(),
  steps: z.array(ReportStepSchema),
  checks: z.array(ReportCheckSchema),
  auditLog: z.array(ReportAuditEntrySchema),
  importIds: ReportImportIdsSchema,
  /** Reads that failed while the report was made (a section is then null), in words. */
  problems: z.array(z.object({ section: z.string(), message: z.string() })),
});
export type ConfigReport = z.infer<typeof ConfigReportSchema>;

/** One integration in the portfolio report: its state, failing checks and certificate expiry. */
export const PortfolioEntrySchema = z.object({
  client: z.object({ id: z.string(), name: z.string(), orgUrl: z.string() }),
  integration: z.object({ id: z.string(), label: z.string(), vendor: z.string() }),
  state: ReportStateSchema,
  verifiedRequired: z.number(),
  requiredSteps: z.number(),
  failingChecks: z.array(z.object({ stepId: StepIdSchema, label: z.string(), detail: z.string() })),
  /** The soonest `notAfter` of the app's signing certificates, when it has any. */
  certificateExpiry: z.object({ notAfter: Iso, daysToExpiry: z.number(), subject: z.string() }).optional(),
  /** Why it could not be read, when it could not. */
  problem: z.string().optional(),
});
export type PortfolioEntry = z.infer<typeof PortfolioEntrySchema>;

export const PortfolioReportSchema = z.object({
  $schema: z.string().optional(),
  kind: z.literal('okta-onboard-portfolio-report'),
  schemaVersion: z.literal(CONFIG_REPORT_VERSION),
  generatedAt: Iso,
  generator: z.object({ name: z.literal('okta-onboard'), version: z.string() }),
  /** Soonest certificate expiry first; integrations without a certificate last. */
  integrations: z.array(PortfolioEntrySchema),
});
export type PortfolioReport = z.infer<typeof PortfolioReportSchema>;
