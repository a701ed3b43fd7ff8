import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The module boundaries ESLint keeps, checked on code that would cross them. */
const eslint = new ESLint({ cwd: process.cwd() });

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

const PRACTICE_IMPORT =
  'no-restricted-syntax: Only the composition root (services/practice-org.ts, cli/sandbox.ts) may import src-main/sandbox: the app treats the practice org as any Okta org.';

describe('ESLint boundaries', () => {
  it('refuses production code that imports the practice org, statically or lazily', async () => {
    expect(
      await messages(
        'src-main/saml/login-capture/example.ts',
        "import { SANDBOX_PASSWORD } from '../../sandbox/oauth/sign-in';\nexport const p = SANDBOX_PASSWORD;\n",
      ),
    ).toEqual([PRACTICE_IMPORT]);
    expect(
      await messages('src-main/steps/example.ts', "export const load = () => import('../sandbox/server');\n"),
    ).toEqual([PRACTICE_IMPORT]);
    expect(
      await messages('src-main/services/example.ts', "export type { SandboxOrg } from '../sandbox/server';\n"),
    ).toEqual([PRACTICE_IMPORT]);
  });

  it('lets the composition root start the practice org, and the CLI load its sandbox command', async () => {
    expect(
      await messages('src-main/services/practice-org.ts', "export const load = () => import('../sandbox/server');\n"),
    ).toEqual([]);
    expect(
      await messages('src-main/cli/sandbox.ts', "export const load = () => import('../sandbox/server');\n"),
    ).toEqual([]);
    expect(await messages('src-main/cli.ts', "export const load = () => import('./cli/sandbox');\n")).toEqual([]);
  });

  it("keeps the practice org from importing the client's protocol code (the XML escaper aside)", async () => {
    expect(
      await messages(
        'src-main/sandbox/example.ts',
        "import { ScimClient } from '../scim/client';\nexport const c = ScimClient;\n",
      ),
    ).toEqual([
      "no-restricted-imports: '../scim/client' import is restricted from being used by a pattern. The practice org shares no protocol code with the wizard's client: imitate Okta from Okta's documents.",
    ]);
    expect(
      await messages(
        'src-main/sandbox/example.ts',
        "import { escapeXml } from '../saml/xml-escape';\nexport const e = escapeXml;\n",
      ),
    ).toEqual([]);
  });
});
