import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Client, Integration } from '../../../src-main/api/model';
import { AppError } from '../../../src-main/errors';
import {
  ClientFileSchema,
  clientFileJsonSchema,
  clientFileOf,
  clientFileText,
  parseClientFile,
} from '../../../src-main/plans/client-file';

const schemaFile = fileURLToPath(new URL('../../../docs/schemas/client-file.schema.json', import.meta.url));

/** The committed file, as an editor or a CI job would use it: ajv, not the zod schema it came from. */
async function committedValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(JSON.parse(await readFile(schemaFile, 'utf8')) as object);
}

const valid = {
  kind: 'okta-onboard-client',
  version: 1,
  name: 'Hooli',
  org: { kind: 'okta', url: 'https://hooli.okta.com', signIn: 'api-token' },
  integrations: [
    {
      vendor: 'custom-saml',
      label: 'Vendor SSO',
      steps: { app: { ssoAcsUrl: 'https://vendor.example/acs', audience: 'https://vendor.example/sp' } },
      secretsLeftOut: [{ stepId: 'scim', field: 'token' }],
    },
  ],
};

/** Changes one thing of the valid file. */
function changed(edit: (file: typeof valid & Record<string, unknown>) => void): unknown {
  const copy = structuredClone(valid) as typeof valid & Record<string, unknown>;
  edit(copy);
  return copy;
}

const examples: [string, unknown, boolean][] = [
  ['the valid file', valid, true],
  ['a practice client with no integration', { ...valid, org: { kind: 'practice' }, integrations: [] }, true],
  ['a real org never signed in to', changed((f) => (f.org.signIn = 'none')), true],
  ['an oktapreview org with a trailing slash', changed((f) => (f.org.url = 'https://acme.oktapreview.com/')), true],
  ['a loopback org over http', changed((f) => (f.org.url = 'http://127.0.0.1:4321')), true],
  [
    'secretsLeftOut left out (it defaults to none)',
    changed((f) => delete (f.integrations[0] as Partial<Integration0>).secretsLeftOut),
    true,
  ],
  ['the $schema key an editor adds', { $schema: './client-file.schema.json', ...valid }, true],
  ['another kind of file', { ...valid, kind: 'okta-onboard-plan' }, false],
  ['a version this app does not know', { ...valid, version: 2 }, false],
  ['an empty name', { ...valid, name: '' }, false],
  ['a name of spaces only', { ...valid, name: '   ' }, false],
  ['a name over 80 characters', { ...valid, name: 'x'.repeat(81) }, false],
  ['an unknown key (a token slipped in)', { ...valid, apiToken: '00abc' }, false],
  ['a token inside the org', changed((f) => Object.assign(f.org, { token: '00abc' })), false],
  ['an org over http', changed((f) => (f.org.url = 'http://acme.okta.com')), false],
  ['the Admin Console host', changed((f) => (f.org.url = 'https://acme-admin.okta.com')), false],
  ['an org URL with a path', changed((f) => (f.org.url = 'https://acme.okta.com/app/home')), false],
  ['an org URL without a domain', changed((f) => (f.org.url = 'https://acme')), false],
  ['not a URL', changed((f) => (f.org.url = 'acme.okta.com')), false],
  ['an unknown sign-in method', changed((f) => (f.org.signIn = 'password')), false],
  ['a practice org with a URL', { ...valid, org: { kind: 'practice', url: 'https://acme.okta.com' } }, false],
  ['an unknown vendor', changed((f) => (f.integrations[0]!.vendor = 'zendesk')), false],
  ['an unknown step', changed((f) => Object.assign(f.integrations[0]!.steps, { deploy: {} })), false],
  ['a step input that is not an object', changed((f) => Object.assign(f.integrations[0]!.steps, { app: 'x' })), false],
  ['an empty label', changed((f) => (f.integrations[0]!.label = ' ')), false],
  [
    'a secret name without a field',
    changed((f) => (f.integrations[0]!.secretsLeftOut = [{ stepId: 'scim', field: '' }])),
    false,
  ],
  ['integrations not a list', { ...valid, integrations: {} }, false],
];
type Integration0 = (typeof valid)['integrations'][number];

describe('client file JSON Schema', () => {
  it('the committed JSON Schema is the one made from the zod schema (UPDATE_SCHEMAS=1 rewrites it)', async () => {
    const current = `${JSON.stringify(clientFileJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS === '1') await writeFile(schemaFile, current);
    // Compared as JSON: Prettier owns the file's layout.
    expect(JSON.parse(await readFile(schemaFile, 'utf8'))).toEqual(JSON.parse(current));
  });

  it.each(examples)('the JSON Schema and the zod schema agree on %s', async (_name, document, accepted) => {
    const validate = await committedValidator();
    expect({ zod: ClientFileSchema.safeParse(document).success, jsonSchema: validate(document) }).toEqual({
      zod: accepted,
      jsonSchema: accepted,
    });
  });

  it('what only loading checks: the JSON Schema accepts these, parseClientFile refuses them with the path', async () => {
    const validate = await committedValidator();
    const loadOnly: [unknown, string][] = [
      [
        changed((f) => f.integrations.push({ ...f.integrations[0]!, label: 'vendor sso' })),
        'client.json: integrations[1].label: a second integration named "vendor sso"; each integration of a client needs its own name.',
      ],
      [
        changed((f) => (f.integrations[0]!.steps.app.ssoAcsUrl = 'not a url')),
        'client.json: integrations[0].steps.app.ssoAcsUrl:',
      ],
      [
        changed((f) => (f.integrations[0]!.secretsLeftOut = [{ stepId: 'app', field: 'password' }])),
        'client.json: integrations[0].secretsLeftOut[0]: Custom SAML 2.0 has no secret "app.password".',
      ],
    ];
    for (const [document, message] of loadOnly) {
      expect(validate(document)).toBe(true);
      let refusal = '';
      try {
        parseClientFile(JSON.stringify(document), 'client.json');
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refusal = error.message;
      }
      expect(refusal.startsWith(message), refusal).toBe(true);
    }
  });

  it('a file the app exports is valid under the published schema', async () => {
    const client = {
      id: 'cli_1',
      name: 'Hooli',
      orgUrl: 'https://hooli.okta.com',
      sandbox: false,
      auth: { method: 'api-token' },
    } as Client;
    const integration = {
      id: 'int_1',
      clientId: 'cli_1',
      vendorId: 'custom-saml',
      label: 'Vendor SSO',
      steps: { app: { input: { ssoAcsUrl: 'https://vendor.example/acs', audience: 'https://vendor.example/sp' } } },
    } as unknown as Integration;
    const text = clientFileText(clientFileOf(client, [integration], () => [{ stepId: 'scim', field: 'token' }]));
    expect(text.split('\n')[0]).toBe(
      '# okta-onboard client export (schema: docs/schemas/client-file.schema.json): settings only; no credentials, tokens or keys',
    );
    const validate = await committedValidator();
    expect(validate(parseYaml(text)), JSON.stringify(validate.errors)).toBe(true);
  });
});
