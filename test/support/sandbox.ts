import { afterAll } from 'vitest';
import { createSandboxOrg, type SandboxOptions, type SandboxOrg } from '../../src-main/sandbox/server';

const started = new Set<SandboxOrg>();

// Registered when a test file imports this module, so every org a file starts is closed after it
// (vitest only: Playwright code should call createSandboxOrg and close() itself).
afterAll(async () => {
  const orgs = [...started];
  started.clear();
  await Promise.all(orgs.map((org) => org.close()));
});

/** A sandbox org on a free 127.0.0.1 port, closed automatically after the test file. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxOrg> {
  const org = await createSandboxOrg(options);
  started.add(org);
  return org;
}

export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * One Management API call with the org's Super Admin SSWS token unless `token` is given
 * (`null` sends no Authorization). JSON in, JSON (or text) out.
 */
export async function api<T = unknown>(
  org: SandboxOrg,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = options.token === undefined ? org.apiToken : options.token;
  if (token !== null) headers.authorization = token.includes(' ') ? token : `SSWS ${token}`;
  let payload: string | undefined;
  if (options.body !== undefined) {
    payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(new URL(path, org.url), { method, headers, body: payload });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  return {
    status: response.status,
    headers: response.headers,
    body: (isJson && text !== '' ? JSON.parse(text) : text) as T,
    text,
  };
}

/** A custom SAML app body with the fields Okta's contract requires of a request. */
export function samlAppBody(label: string, acs = 'https://vendor.example/saml/acs'): Record<string, unknown> {
  return {
    label,
    signOnMode: 'SAML_2_0',
    settings: {
      signOn: {
        ssoAcsUrl: acs,
        audience: 'https://vendor.example/saml/metadata',
        recipient: acs,
        destination: acs,
        subjectNameIdTemplate: '${user.email}',
        subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        responseSigned: true,
        assertionSigned: true,
        signatureAlgorithm: 'RSA_SHA256',
        digestAlgorithm: 'SHA256',
        honorForceAuthn: true,
        allowMultipleAcsEndpoints: false,
        requestCompressed: false,
        attributeStatements: [
          {
            type: 'EXPRESSION',
            name: 'email',
            namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
            values: ['user.email'],
          },
        ],
      },
    },
  };
}

/** A bookmark app body as Okta's contract wants it. */
export function bookmarkAppBody(label: string, url = 'https://vendor.example/login'): Record<string, unknown> {
  return { name: 'bookmark', label, signOnMode: 'BOOKMARK', settings: { app: { url, requestIntegration: false } } };
}
