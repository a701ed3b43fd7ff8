import { z } from 'zod';

export const FindingSchema = z.object({
  level: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
});

export const CertificateFactsSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  daysToExpiry: z.number(),
  sha1Fingerprint: z.string(),
  sha256Fingerprint: z.string(),
  keyType: z.string(),
  keyBits: z.number(),
  signatureAlgorithm: z.string(),
  pem: z.string(),
  findings: z.array(FindingSchema),
});
export type CertificateFactsView = z.infer<typeof CertificateFactsSchema>;

export const SsoServiceSchema = z.object({ binding: z.string(), location: z.string() });

/** What any IdP's metadata says, with the findings an admin should see (`saml.inspectMetadata`). */
export const MetadataReportSchema = z.object({
  entityId: z.string(),
  ssoServices: z.array(SsoServiceSchema),
  nameIdFormats: z.array(z.string()),
  wantAuthnRequestsSigned: z.boolean(),
  certificates: z.array(CertificateFactsSchema),
  findings: z.array(FindingSchema),
});
export type MetadataReportView = z.infer<typeof MetadataReportSchema>;

/** The metadata step reads what Okta publishes; there is nothing to enter. */
export const MetadataInputSchema = z.object({});
export type MetadataInput = z.infer<typeof MetadataInputSchema>;

export const MetadataObservedSchema = z.object({
  appId: z.string(),
  appLabel: z.string(),
  /** Okta's public form, `{org}/app/{exk}/sso/saml/metadata`: what vendors are sent. */
  metadataUrl: z.string(),
  /** Where the public URL answered, or why it did not. */
  publicMetadata: z.object({ ok: z.boolean(), detail: z.string() }),
  report: MetadataReportSchema,
  /** `http://www.okta.com/{exk}` and `{org}/app/{name}/{exk}/sso/saml`, as Okta publishes them. */
  expected: z.object({ issuer: z.string(), ssoUrl: z.string() }),
  /** The app's active signing key and whether the published certificate is it. */
  activeKey: z.object({ kid: z.string(), expiresAt: z.string().optional(), matchesMetadata: z.boolean() }).optional(),
});
export type MetadataObserved = z.infer<typeof MetadataObservedSchema>;
