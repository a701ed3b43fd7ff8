import { describe, expect, it } from 'vitest';
import { parseCommandLine, wantsJson } from '../../../src-main/cli/args';
import { AppError } from '../../../src-main/errors';

const usage = '  okta-onboard demo --client <name> [--step <id>]';
const how = { command: 'okta-onboard demo', usage };
const options = { client: { type: 'string' }, step: { type: 'string' }, all: { type: 'boolean' } } as const;

function refusal(args: string[], positionals = false): Pick<AppError, 'code' | 'message' | 'hint' | 'field'> {
  try {
    parseCommandLine(args, options, { ...how, positionals });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message, hint: error.hint, field: error.field };
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('the shared command-line parser', () => {
  it('takes every command its options plus the global --data-dir and --json', () => {
    expect(parseCommandLine(['--client', 'Acme', '--data-dir', '/d', '--json', '--all'], options, how).values).toEqual({
      client: 'Acme',
      'data-dir': '/d',
      json: true,
      all: true,
    });
  });

  it('an unknown option names it, the likely meant one and every option the command takes', () => {
    expect(refusal(['--clinet', 'Acme'])).toEqual({
      code: 'USAGE',
      message:
        "Unknown option '--clinet'. Did you mean --client? okta-onboard demo takes --all, --client, --data-dir, --json, --step.",
      hint: `Use:\n${usage}`,
      field: 'clinet',
    });
    expect(refusal(['--zzzzzzzz']).message).toBe(
      "Unknown option '--zzzzzzzz'. okta-onboard demo takes --all, --client, --data-dir, --json, --step.",
    );
  });

  it('an option without its value, or followed by another option, says how to give the value', () => {
    expect(refusal(['--client'])).toEqual({
      code: 'USAGE',
      message: "Option '--client' needs a value.",
      hint: `Write --client <value>.\nUse:\n${usage}`,
      field: 'client',
    });
    expect(refusal(['--client', '--json'])).toEqual({
      code: 'USAGE',
      message: "Option '--client' needs a value, but the next argument is another option.",
      hint: `Write --client <value> (a value that starts with "-" as --client=-value).\nUse:\n${usage}`,
      field: 'client',
    });
  });

  it('a value given to a switch, and a stray argument, are refused by name', () => {
    expect(refusal(['--json=yes'])).toMatchObject({ message: "Option '--json' takes no value.", field: 'json' });
    expect(refusal(['Acme'])).toMatchObject({
      message: "Unexpected argument 'Acme': okta-onboard demo takes options only.",
      hint: `Name each value with its option, e.g. --client "Acme".\nUse:\n${usage}`,
    });
    expect(parseCommandLine(['list', '--all'], options, { ...how, positionals: true }).positionals).toEqual(['list']);
  });

  it('wantsJson reads --json before parsing, but not after --', () => {
    expect(wantsJson(['--bogus', '--json'])).toBe(true);
    expect(wantsJson(['--', '--json'])).toBe(false);
    expect(wantsJson(['--client', 'Acme'])).toBe(false);
  });
});
