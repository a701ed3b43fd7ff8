/** SCIM 2.0 schema and message URNs (RFC 7643 / RFC 7644). */
export const ScimSchemas = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
} as const;

export interface ScimName {
  givenName?: string;
  familyName?: string;
  formatted?: string;
  [attribute: string]: unknown;
}

export interface ScimMultiValue {
  value: string;
  type?: string;
  primary?: boolean;
  display?: string;
  [attribute: string]: unknown;
}

/** A SCIM User resource as sent or received; vendor and extension attributes ride along. */
export interface ScimUser {
  schemas: string[];
  id?: string;
  externalId?: string;
  userName: string;
  name?: ScimName;
  displayName?: string;
  emails?: ScimMultiValue[];
  locale?: string;
  active?: boolean;
  groups?: ScimMultiValue[];
  password?: string;
  [attribute: string]: unknown;
}

export interface ScimPatchOperation {
  op: 'add' | 'replace' | 'remove';
  path?: string;
  value?: unknown;
}

/** Why a request got no HTTP answer at all; each needs a different fix from the admin. */
export type NetworkFailure = 'timeout' | 'refused' | 'reset' | 'dns' | 'tls' | 'network';

/** One HTTP request and what came back, safe to show: the bearer token is redacted. */
export interface ScimExchange {
  method: string;
  url: string;
  /** Authorization is always `Bearer ••••`. */
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  /** 0 when no HTTP response arrived (see `failure`). */
  status: number;
  /** Lower-cased names. */
  responseHeaders: Record<string, string>;
  /** Parsed JSON when the body parses, else the text; absent when the body was empty. */
  responseBody?: unknown;
  durationMs: number;
  /** Set when no response arrived, or its body could not be read. */
  error?: string;
  failure?: NetworkFailure;
}

export interface ScimReply {
  status: number;
  body: unknown;
  /** The response Content-Type, '' when absent or no response arrived. */
  contentType: string;
  exchange: ScimExchange;
}
