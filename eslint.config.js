import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettierConfig from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the Electron shell may touch Electron; everything else must run in plain Node.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-main/app may import electron.' }] },
      ],
    },
  },
  {
    // CommonJS scripts exist to load CommonJS artifacts (the sandboxed preload) the way Electron does.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-main/app/**/*.ts', 'test/unit/app/**/*.ts', 'electron.vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/api/**/*.ts'],
    rules: {
      // The contract is shared with the renderer: zod only, no Node, no other layer.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', '../*', '!./*'],
              message: 'src-main/api holds the contract only: import zod and sibling api modules, nothing else.',
            },
          ],
          paths: [{ name: 'electron', message: 'The api contract must not import electron.' }],
        },
      ],
    },
  },
  {
    files: ['src-main/sandbox/**/*.ts'],
    rules: {
      // The practice org is a test peer, not a mirror: if it shared our protocol code, a wrong
      // belief about Okta would pass every test. It imitates Okta from Okta's documents instead.
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src-main/app may import electron.' }],
          patterns: [
            {
              group: ['**/scim', '**/scim/*', '**/steps', '**/steps/*'],
              message:
                "The practice org shares no protocol code with the wizard's client: imitate Okta from Okta's documents.",
            },
            {
              // SAML issuance and its keys are the sandbox's own (sandbox/sso); only the escaper is shared.
              regex: '(^|/)saml(/(?!xml-escape$)|$)',
              message: "The practice org shares no protocol code with the wizard's client (the XML escaper aside).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    // The composition root: the only modules that start a practice org (the app's and the CLI's).
    ignores: ['src-main/sandbox/**', 'src-main/services/practice-org.ts', 'src-main/cli/sandbox.ts'],
    rules: {
      // One code path for every org: production code talks to the practice org only as it talks to
      // a real one (HTTP), so it never imports it, statically or lazily. A separate rule from
      // no-restricted-imports, which the api and app blocks set for their own files.
      'no-restricted-syntax': [
        'error',
        ...['ImportDeclaration', 'ImportExpression', 'ExportAllDeclaration', 'ExportNamedDeclaration'].map((node) => ({
          selector: `${node}[source.value=/(^|\\/)sandbox\\//]`,
          message:
            'Only the composition root (services/practice-org.ts, cli/sandbox.ts) may import src-main/sandbox: the app treats the practice org as any Okta org.',
        })),
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox: no Node built-ins.' },
            {
              group: ['**/src-main/*', '!**/src-main/api', '!**/src-main/api/*'],
              message: 'The renderer may import only src-main/api.',
            },
          ],
          paths: [{ name: 'electron', message: 'The renderer talks to main through window.api only.' }],
        },
      ],
    },
  },
  // Prettier owns layout; ESLint keeps only the rules that are about meaning.
  prettierConfig,
);
