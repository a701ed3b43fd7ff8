import { z } from 'zod';
import type {
  AdminRole,
  AppCsr,
  AppFeature,
  AppGroupAssignment,
  AppKey,
  AppUser,
  AppUserSchema,
  AppUserSchemaProperty,
  OktaApp,
  OktaGroup,
  OktaUser,
  ProvisioningCapabilities,
  ProvisioningConnection,
} from './org-api';

const record = z.record(z.string(), z.unknown());
const linkSchema = z.looseObject({ href: z.string(), name: z.string().optional() });

export const appSchema: z.ZodType<OktaApp> = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    label: z.string(),
    status: z.enum(['ACTIVE', 'INACTIVE', 'DELETED']),
    signOnMode: z.string(),
    created: z.string().nullish(),
    lastUpdated: z.string().nullish(),
    features: z.array(z.string()).nullish(),
    settings: z.looseObject({ app: record.nullish(), signOn: record.nullish() }).nullish(),
    credentials: record.nullish(),
    visibility: record.nullish(),
    _links: z
      .looseObject({
        metadata: linkSchema.nullish(),
        appLinks: z.array(linkSchema).nullish(),
      })
      .nullish(),
  })
  .transform((a): OktaApp => {
    const { app, signOn, ...otherSettings } = a.settings ?? {};
    return {
      id: a.id,
      name: a.name,
      label: a.label,
      status: a.status,
      signOnMode: a.signOnMode,
      created: a.created ?? undefined,
      lastUpdated: a.lastUpdated ?? undefined,
      features: a.features ?? [],
      settings: { ...otherSettings, ...(app ? { app } : {}), ...(signOn ? { signOn } : {}) },
      credentials: a.credentials ?? undefined,
      visibility: a.visibility ?? undefined,
      metadataUrl: a._links?.metadata?.href,
      appLinks: (a._links?.appLinks ?? []).map((l) => ({ name: l.name ?? '', href: l.href })),
    };
  });

export const keySchema: z.ZodType<AppKey> = z
  .looseObject({
    kid: z.string(),
    x5c: z.array(z.string()).nullish(),
    'x5t#S256': z.string().nullish(),
    created: z.string().nullish(),
    expiresAt: z.string().nullish(),
  })
  .transform((k) => ({
    kid: k.kid,
    x5c: k.x5c ?? [],
    x5tS256: k['x5t#S256'] ?? undefined,
    created: k.created ?? undefined,
    expiresAt: k.expiresAt ?? undefined,
  }));

export const userSchema: z.ZodType<OktaUser> = z
  .looseObject({
    id: z.string(),
    status: z.string(),
    created: z.string().nullish(),
    lastLogin: z.string().nullish(),
    profile: z.looseObject({
      login: z.string(),
      email: z.string().nullish(),
      firstName: z.string().nullish(),
      lastName: z.string().nullish(),
    }),
  })
  .transform((u) => ({
    id: u.id,
    status: u.status,
    created: u.created ?? undefined,
    lastLogin: u.lastLogin ?? undefined,
    profile: {
      ...u.profile,
      email: u.profile.email ?? undefined,
      firstName: u.profile.firstName ?? undefined,
      lastName: u.profile.lastName ?? undefined,
    },
  }));

export const groupSchema: z.ZodType<OktaGroup> = z
  .looseObject({
    id: z.string(),
    type: z.string(),
    profile: z.looseObject({ name: z.string(), description: z.string().nullish() }),
  })
  .transform((g) => ({
    id: g.id,
    type: g.type,
    name: g.profile.name,
    description: g.profile.description ?? undefined,
  }));

export const roleSchema: z.ZodType<AdminRole> = z
  .looseObject({
    id: z.string(),
    type: z.string(),
    label: z.string().nullish(),
    status: z.string().nullish(),
    assignmentType: z.string().nullish(),
  })
  .transform((r) => ({
    id: r.id,
    type: r.type,
    label: r.label ?? r.type,
    status: r.status ?? 'ACTIVE',
    assignmentType: r.assignmentType ?? undefined,
  }));

export const appUserSchema: z.ZodType<AppUser> = z
  .looseObject({
    id: z.string(),
    scope: z.enum(['USER', 'GROUP']),
    status: z.string().nullish(),
    syncState: z.string().nullish(),
    externalId: z.string().nullish(),
    credentials: z.looseObject({ userName: z.string().nullish() }).nullish(),
    profile: record.nullish(),
    lastUpdated: z.string().nullish(),
  })
  .transform((u) => ({
    id: u.id,
    scope: u.scope,
    status: u.status ?? 'ACTIVE',
    syncState: u.syncState ?? undefined,
    externalId: u.externalId ?? undefined,
    userName: u.credentials?.userName ?? undefined,
    profile: u.profile ?? {},
    lastUpdated: u.lastUpdated ?? undefined,
  }));

export const appGroupSchema: z.ZodType<AppGroupAssignment> = z
  .looseObject({
    id: z.string(),
    priority: z.number().nullish(),
    profile: record.nullish(),
    lastUpdated: z.string().nullish(),
  })
  .transform((g) => ({
    id: g.id,
    priority: g.priority ?? undefined,
    profile: g.profile ?? {},
    lastUpdated: g.lastUpdated ?? undefined,
  }));

const propertiesSchema = z.record(z.string(), z.looseObject({}) as z.ZodType<AppUserSchemaProperty>);
const schemaPart = z.looseObject({ properties: propertiesSchema.nullish() }).nullish();

export const appUserSchemaSchema: z.ZodType<AppUserSchema> = z
  .looseObject({
    id: z.string().nullish(),
    definitions: z.looseObject({ base: schemaPart, custom: schemaPart }).nullish(),
  })
  .transform((s) => ({
    id: s.id ?? undefined,
    base: s.definitions?.base?.properties ?? {},
    custom: s.definitions?.custom?.properties ?? {},
  }));

export const connectionSchema: z.ZodType<ProvisioningConnection> = z
  .looseObject({
    authScheme: z.string().nullish(),
    status: z.string(),
    baseUrl: z.string().nullish(),
    profile: z.looseObject({ authScheme: z.string().nullish() }).nullish(),
  })
  .transform((c) => ({
    authScheme: c.authScheme ?? c.profile?.authScheme ?? 'UNKNOWN',
    status: c.status,
    baseUrl: c.baseUrl ?? undefined,
  }));

export const featureSchema: z.ZodType<AppFeature> = z
  .looseObject({
    name: z.string(),
    status: z.string(),
    description: z.string().nullish(),
    capabilities: (record as z.ZodType<ProvisioningCapabilities>).nullish(),
  })
  .transform((f) => ({
    name: f.name,
    status: f.status,
    description: f.description ?? undefined,
    capabilities: f.capabilities ?? {},
  }));

export const csrSchema: z.ZodType<AppCsr> = z
  .looseObject({ id: z.string(), csr: z.string(), created: z.string().nullish(), kty: z.string().nullish() })
  .transform((c) => ({ id: c.id, csrBase64: c.csr, created: c.created ?? undefined }));
