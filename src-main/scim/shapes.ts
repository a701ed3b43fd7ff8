import { z } from 'zod';
import { ScimSchemas } from './types';

/**
 * What a vendor's SCIM answers must look like for Okta to use them (RFC 7644 plus Okta's own
 * demands, such as integer paging numbers). Extra attributes are always allowed.
 */

const schemasContaining = (urn: string) =>
  z
    .array(z.string(), { error: 'is missing (must be an array of schema URNs)' })
    .refine((list) => list.includes(urn), { error: `does not include ${urn}` });

const integer = (min: number) =>
  z
    .number({
      error: (issue) =>
        issue.input === undefined ? 'is missing' : `must be an integer, got ${JSON.stringify(issue.input)}`,
    })
    .int({ error: 'must be an integer' })
    .min(min, { error: `must be ${min} or more` });

export const scimUserResource = z.looseObject({
  schemas: schemasContaining(ScimSchemas.user),
  id: z.string({ error: 'is missing' }).min(1, { error: 'is empty' }),
  userName: z.string({ error: 'is missing' }),
  externalId: z.string().optional(),
  active: z.boolean({ error: 'must be true or false' }).optional(),
  name: z.looseObject({ givenName: z.string().optional(), familyName: z.string().optional() }).optional(),
});
export type ScimUserResource = z.infer<typeof scimUserResource>;

export const scimListResponse = z
  .looseObject({
    schemas: schemasContaining(ScimSchemas.listResponse),
    totalResults: integer(0),
    Resources: z.array(z.unknown(), { error: 'must be an array' }).optional(),
    startIndex: integer(1).optional(),
    itemsPerPage: integer(0).optional(),
  })
  .refine((list) => list.totalResults === 0 || list.Resources !== undefined, {
    error: 'is missing although totalResults is not 0',
    path: ['Resources'],
  });
export type ScimListResponse = z.infer<typeof scimListResponse>;

export const scimErrorResponse = z.looseObject({
  schemas: schemasContaining(ScimSchemas.error),
  status: z.union([z.string(), z.number()]).optional(),
  scimType: z.string().optional(),
  detail: z.string().optional(),
});
export type ScimErrorResponse = z.infer<typeof scimErrorResponse>;

export const scimServiceProviderConfig = z.looseObject({
  schemas: schemasContaining(ScimSchemas.serviceProviderConfig),
  patch: z.looseObject({ supported: z.boolean() }).optional(),
  filter: z.looseObject({ supported: z.boolean() }).optional(),
});
export type ScimServiceProviderConfig = z.infer<typeof scimServiceProviderConfig>;

export type Read<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function read<T>(schema: z.ZodType<T>, body: unknown): Read<T> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      problems: [
        `the body is ${body === undefined ? 'empty' : Array.isArray(body) ? 'a JSON array' : `not a JSON object (${typeof body})`}`,
      ],
    };
  }
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'body'} ${issue.message}`),
  };
}

export const readUserResource = (body: unknown): Read<ScimUserResource> => read(scimUserResource, body);
export const readListResponse = (body: unknown): Read<ScimListResponse> => read(scimListResponse, body);
export const readServiceProviderConfig = (body: unknown): Read<ScimServiceProviderConfig> =>
  read(scimServiceProviderConfig, body);

export function readScimError(body: unknown): ScimErrorResponse | undefined {
  const result = read(scimErrorResponse, body);
  return result.ok ? result.value : undefined;
}

/** The user resources in a ListResponse that are SCIM Users (others are ignored). */
export function listedUsers(list: ScimListResponse): ScimUserResource[] {
  return (list.Resources ?? []).flatMap((resource) => {
    const user = readUserResource(resource);
    return user.ok ? [user.value] : [];
  });
}

export type BodyKind = 'empty' | 'scim-json' | 'json' | 'json-mislabelled' | 'invalid-json' | 'html' | 'text';

/**
 * How an answer was encoded. Okta parses JSON; `json-mislabelled` is JSON sent with another
 * Content-Type, which strict clients refuse.
 */
export function bodyKind(contentType: string, body: unknown): BodyKind {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (body === undefined) return 'empty';
  if (typeof body === 'string') {
    if (type === 'text/html' || /^\s*<(!doctype|html|head|body)/i.test(body)) return 'html';
    return /json/.test(type) ? 'invalid-json' : 'text';
  }
  if (type === 'application/scim+json') return 'scim-json';
  // Every vendor answer in Okta's SCIM 2.0 protocol reference is labelled text/json;charset=UTF-8,
  // so Okta reads that as JSON too, and a vendor following the reference must not be warned.
  if (type === 'application/json' || type === 'text/json') return 'json';
  return 'json-mislabelled';
}
