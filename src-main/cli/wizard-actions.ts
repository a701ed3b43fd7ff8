import { readFile, writeFile } from 'node:fs/promises';
import type { StepId } from '../api/model';
import { AppError } from '../errors';
import type { CliRunner } from './wizard-runner';
import type { Workspace } from '../workspace/workspace';

/**
 * What a screen lets the admin do on a step beyond inspect / apply / verify, as `apply --step`
 * options: save the step's input, report what was done by hand, sign in as the test user.
 */
export const ACTION_OPTIONS = {
  set: { type: 'string', multiple: true },
  'secret-file': { type: 'string', multiple: true },
  sent: { type: 'string' },
  confirmed: { type: 'boolean' },
  'save-eml': { type: 'string' },
  'password-file': { type: 'string' },
  'saml-response-file': { type: 'string' },
  mode: { type: 'string' },
} as const;

export interface ActionFlags {
  set?: string[] | undefined;
  'secret-file'?: string[] | undefined;
  sent?: string | undefined;
  confirmed?: boolean | undefined;
  'save-eml'?: string | undefined;
  'password-file'?: string | undefined;
  'saml-response-file'?: string | undefined;
  mode?: string | undefined;
}

export const actionUsage = [
  "  apply --step <id> also takes what the step's screen takes:",
  "      --set <field>=<value>        save a field of the step's input first (repeatable; JSON for lists,",
  "                                   e.g. --set 'domains=[\"acme.com\"]'); checked with the screen's rules",
  '      --secret-file <field>=<file> a secret field (the SCIM token) read from a file, never the command line',
  '      --step register --save-eml <file>          the registration email, metadata attached, as an .eml',
  '      --step register --sent email|eml|copied    you sent or pasted the values (reported by you)',
  '      --step register --confirmed                the vendor confirmed (reported by you)',
  '      --step test-login --password-file <file> [--mode idp|sp]   sign in as the test user (password used once)',
  '      --step test-login --saml-response-file <file> --mode idp|sp   a SAMLResponse captured with a SAML tracer',
].join('\n');

/** The flags given that only make sense on one step with apply. */
export function actionsGiven(flags: ActionFlags): string[] {
  return Object.keys(ACTION_OPTIONS).filter((k) => flags[k as keyof ActionFlags] !== undefined);
}

async function readGiven(path: string, flag: string, what: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).replace(/\r?\n$/, '');
  } catch {
    throw new AppError(
      'INVALID_ARGUMENT',
      `--${flag}: cannot read ${path}.`,
      `Save ${what} in a file and pass its path.`,
      flag,
    );
  }
}

function pair(spec: string, flag: string): [string, string] {
  const at = spec.indexOf('=');
  if (at < 1)
    throw new AppError(
      'INVALID_ARGUMENT',
      `--${flag} "${spec}" is not <field>=<value>.`,
      flag === 'set'
        ? 'For example: --set userLogin=ann@acme.com or --set \'domains=["acme.com"]\''
        : 'For example: --secret-file token=./scim-token',
      flag,
    );
  return [spec.slice(0, at).trim(), spec.slice(at + 1)];
}

/** A value as typed: JSON when it reads as a list, object, number or true/false, else the text itself. */
function valueOf(text: string): unknown {
  if (/^\s*[[{]/.test(text) || /^(true|false|-?\d+(\.\d+)?)$/.test(text.trim())) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AppError(
        'INVALID_ARGUMENT',
        `--set: ${text} is not valid JSON.`,
        'Quote lists for the shell, e.g. --set \'domains=["acme.com","acme.co.uk"]\'',
        'set',
      );
    }
  }
  return text;
}

async function inputOf(stepId: StepId, flags: ActionFlags): Promise<Record<string, unknown>> {
  const secret = await secretFields(stepId);
  const input: Record<string, unknown> = {};
  for (const spec of flags.set ?? []) {
    const [field, text] = pair(spec, 'set');
    if (secret.has(field))
      throw new AppError(
        'INVALID_ARGUMENT',
        `--set ${field}: a secret is never typed on the command line (it would stay in the shell history).`,
        `Use --secret-file ${field}=<file>.`,
        'set',
      );
    input[field] = valueOf(text);
  }
  for (const spec of flags['secret-file'] ?? []) {
    const [field, path] = pair(spec, 'secret-file');
    if (!secret.has(field))
      throw new AppError(
        'INVALID_ARGUMENT',
        `--secret-file ${field}: the ${stepId} step has no secret field "${field}".`,
        secret.size > 0 ? `Its secret fields: ${[...secret].join(', ')}.` : 'Give its fields with --set.',
        'secret-file',
      );
    input[field] = (await readGiven(path, 'secret-file', 'the secret')).trim();
  }
  return input;
}

/** A step's secret input fields (the SCIM token): read from files, never typed. */
export async function secretFields(stepId: StepId): Promise<Set<string>> {
  const { wizardSteps } = await import('../steps/registry');
  return new Set(wizardSteps[stepId]?.secretInputs ?? []);
}

/** How the command line does what a change or blocker asks for on the screen. */
export function cliWay(
  stepId: StepId,
  what: { id?: string; field?: string | undefined },
  target: string,
  secret: ReadonlySet<string>,
): string | undefined {
  // The migration's own hint names its command (migrate plan --vendor-users).
  if (stepId === 'migrate') return undefined;
  if (what.field !== undefined)
    return secret.has(what.field)
      ? `${target} --step ${stepId} --secret-file ${what.field}=<file>`
      : `${target} --step ${stepId} --set ${what.field}=<value>`;
  if (what.id === 'register-send')
    return `${target} --step register --sent email|eml|copied   (after sending; --save-eml <file> saves the email)`;
  if (what.id === 'register-confirm') return `${target} --step register --confirmed   (when the vendor has answered)`;
  return stepId === 'test-login' && what.id !== undefined
    ? `${target} --step test-login --password-file <file> [--mode idp|sp]   (or --saml-response-file <file> --mode idp|sp)`
    : undefined;
}

function modeOf(text: string): 'idp' | 'sp' {
  if (text === 'idp' || text === 'sp') return text;
  throw new AppError('INVALID_ARGUMENT', `--mode: "${text}" is not idp or sp.`, 'Use --mode idp or --mode sp.', 'mode');
}

function refuse(flag: string, stepId: StepId, belongs: StepId): never {
  throw new AppError(
    'USAGE',
    `--${flag} belongs to --step ${belongs}, not ${stepId}.`,
    `For example: okta-onboard apply --client "Acme" --integration "Courier" --step ${belongs} --${flag} ...`,
    flag,
  );
}

/** What an action printed for the person (files written), besides the step's own outcome. */
export interface ActionNotes {
  notes: string[];
  files: Record<string, string>;
}

/**
 * Runs the actions given on `apply --step <id>` through the screens' own handlers, before the step
 * itself is applied and read back; every refusal is an input error (exit 2) or Okta's (exit 3).
 */
export async function runActions(
  cli: CliRunner,
  workspace: Workspace,
  integrationId: string,
  stepId: StepId,
  flags: ActionFlags,
): Promise<ActionNotes> {
  const done: ActionNotes = { notes: [], files: {} };
  const registerOnly = (['sent', 'confirmed', 'save-eml'] as const).filter((f) => flags[f] !== undefined);
  const loginOnly = (['password-file', 'saml-response-file', 'mode'] as const).filter((f) => flags[f] !== undefined);
  if (stepId !== 'register' && registerOnly[0]) refuse(registerOnly[0], stepId, 'register');
  if (stepId !== 'test-login' && loginOnly[0]) refuse(loginOnly[0], stepId, 'test-login');
  const ref = { integrationId, stepId };

  const input = await inputOf(stepId, flags);
  if (Object.keys(input).length > 0) {
    await cli.runner.saveInput(ref, input);
    done.notes.push(`Saved ${Object.keys(input).join(', ')} on the ${stepId} step.`);
  }
  const deps = { steps: cli.runner, workspace, connect: cli.connect };
  if (stepId === 'register') {
    const { createRegisterHandlers } = await import('../services/handlers-register');
    const register = createRegisterHandlers(deps);
    if (flags['save-eml'] !== undefined) {
      const observed = (await cli.runner.inspect(ref)).observed as { channel?: string; vendor?: string } | undefined;
      if (observed?.channel !== 'email')
        throw new AppError(
          'INVALID_ARGUMENT',
          `--save-eml: ${observed?.vendor ?? 'this vendor'} takes the values ${observed?.channel === 'api' ? 'through its registration API' : 'pasted into its settings'}, not by email.`,
          observed?.channel === 'api'
            ? 'Run apply --step register: it posts the values.'
            : 'Paste the values plan --step register lists, then record it with --sent copied.',
          'save-eml',
        );
      const email = await register.prepareEmail({ integrationId });
      await writeFile(flags['save-eml'], Buffer.from(email.eml.base64, 'base64'), { mode: 0o600 });
      done.files.eml = flags['save-eml'];
      done.notes.push(
        `Saved the email to ${email.to} ("${email.subject}"), metadata attached, as ${flags['save-eml']}.`,
      );
    }
    if (flags.sent !== undefined) {
      if (flags.sent !== 'email' && flags.sent !== 'eml' && flags.sent !== 'copied')
        throw new AppError(
          'INVALID_ARGUMENT',
          `--sent: "${flags.sent}" is not how the values went.`,
          'Use --sent email (sent from your mail app), eml (the saved .eml) or copied (pasted into the vendor).',
          'sent',
        );
      await register.markSent({ integrationId, via: flags.sent });
      done.notes.push(
        `Recorded: values ${flags.sent === 'copied' ? 'copied to' : 'sent to'} the vendor (reported by you).`,
      );
    }
    if (flags.confirmed) {
      await register.markConfirmed({ integrationId });
      done.notes.push('Recorded: the vendor confirmed (reported by you).');
    }
  }
  if (stepId === 'test-login' && (flags['password-file'] !== undefined || flags['saml-response-file'] !== undefined)) {
    const { createTestLoginHandlers } = await import('../services/handlers-test-login');
    const login = createTestLoginHandlers(deps);
    const mode = flags.mode === undefined ? undefined : modeOf(flags.mode);
    if (flags['saml-response-file'] !== undefined) {
      if (mode === undefined)
        throw new AppError(
          'MISSING_ARGUMENT',
          '--mode is required with --saml-response-file: say how the captured sign-in started.',
          'Use --mode idp (from the Okta tile) or --mode sp (from the vendor).',
          'mode',
        );
      const samlResponse = await readGiven(flags['saml-response-file'], 'saml-response-file', 'the SAMLResponse');
      await login.submitPasted({ integrationId, mode, samlResponse });
      done.notes.push(
        `Checked the ${mode === 'idp' ? 'IdP' : 'SP'}-initiated SAMLResponse from ${flags['saml-response-file']}.`,
      );
    } else {
      const password = await readGiven(flags['password-file']!, 'password-file', "the test user's Okta password");
      if (password === '')
        throw new AppError(
          'INVALID_ARGUMENT',
          '--password-file: the file is empty.',
          "Put the test user's Okta password in it.",
          'password-file',
        );
      const view = await cli.runner.inspect(ref);
      const required = (view.observed as { required?: ('idp' | 'sp')[] } | undefined)?.required ?? ['idp'];
      for (const m of mode ? [mode] : required) {
        await login.signInWithPassword({ integrationId, mode: m, password });
        done.notes.push(
          `Signed in ${m === 'idp' ? 'IdP' : 'SP'}-initiated as the test user with the password (kept nowhere).`,
        );
      }
    }
  }
  return done;
}
