import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanFile, planFileJsonSchema } from '../../../src-main/plans/plan-file';
import { mixpanel } from '../../../src-main/vendors/mixpanel';
import { AppError } from '../../../src-main/errors';

const schemaFile = fileURLToPath(new URL('../../../docs/schemas/plan-file.schema.json', import.meta.url));

function messageOf(text: string, file = 'plan.yaml'): string {
  try {
    parsePlanFile(text, file);
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('plan files', () => {
  it('the committed JSON Schema is the one made from the zod schema (UPDATE_SCHEMAS=1 rewrites it)', async () => {
    const current = `${JSON.stringify(planFileJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS === '1') await writeFile(schemaFile, current);
    // Compared as JSON: Prettier owns the file's layout.
    expect(JSON.parse(await readFile(schemaFile, 'utf8'))).toEqual(JSON.parse(current));
  });

  it('names the path and the expected value of a wrong role value', () => {
    const text = [
      'kind: okta-onboard-plan',
      'version: 1',
      'vendor: custom-saml',
      'steps:',
      '  role:',
      '    values:',
      '      - { title: Admin, value: ADMIN }',
      '      - { title: User, value: USER }',
      '      - { title: Bad, value: "has spaces" }',
    ].join('\n');
    expect(messageOf(text)).toBe(
      'INVALID_PLAN_FILE: plan.yaml: steps.role.values[2].value: Enter the value the vendor expects: letters, digits, _ . : - only, e.g. "ADMINISTRATOR"',
    );
  });

  it('refuses an unknown version, a step the vendor lacks, and a secret', () => {
    expect(messageOf('{"kind":"okta-onboard-plan","version":2,"vendor":"mixpanel","steps":{}}', 'p.json')).toBe(
      'INVALID_PLAN_FILE: p.json: version: Invalid input: expected 1',
    );
    expect(messageOf('kind: okta-onboard-plan\nversion: 1\nvendor: mixpanel\nsteps:\n  role: {}\n')).toBe(
      `INVALID_PLAN_FILE: plan.yaml: steps.role: Mixpanel has no "role" step; its steps are ${mixpanel.steps.map((s) => s.id).join(', ')}.`,
    );
    expect(
      messageOf('kind: okta-onboard-plan\nversion: 1\nvendor: mixpanel\nsteps:\n  scim: { token: abc }\n'),
    ).toMatch(/^INVALID_PLAN_FILE: plan\.yaml: steps\.scim\.token: a secret never belongs in a plan file/);
    expect(messageOf('kind: okta-onboard-plan\nversion: 1\nvendor: mixpanel\nsteps: {}\n', 'plan.txt')).toBe(
      'INVALID_PLAN_FILE: plan.txt: a plan file ends in .yaml, .yml or .json.',
    );
  });

  it('accepts a valid file and keeps only what it sets', () => {
    const plan = parsePlanFile(
      'kind: okta-onboard-plan\nversion: 1\nvendor: mixpanel\nlabel: Mixpanel EU\nsteps:\n  app: { mode: custom }\n  domains: { domains: [acme.example] }\n',
      'plan.yml',
    );
    expect(plan).toEqual({
      kind: 'okta-onboard-plan',
      version: 1,
      vendor: 'mixpanel',
      label: 'Mixpanel EU',
      steps: { app: { mode: 'custom' }, domains: { domains: ['acme.example'] } },
    });
  });
});
