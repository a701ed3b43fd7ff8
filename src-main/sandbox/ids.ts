import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Okta ids are 20 characters: a 3-character type prefix (`00u`, `0oa`, `00g`, `exk`…) and 17 alphanumerics. */
export function oktaId(prefix: string): string {
  const bytes = randomBytes(17);
  let id = prefix;
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

export const IdPrefix = {
  user: '00u',
  group: '00g',
  app: '0oa',
  entityKey: 'exk',
  appLink: 'aln',
  role: 'ra1',
  csr: 'crs',
} as const;

/** A random opaque secret (SSWS tokens are 42 characters starting with `00`). */
export function apiTokenValue(): string {
  return `00${randomBytes(30).toString('base64url').slice(0, 40)}`;
}

/** Timestamps exactly as Okta prints them: ISO 8601 with milliseconds and `Z`. */
export function now(): string {
  return new Date().toISOString();
}
