import { readFile } from 'node:fs/promises';
import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import type { SamlCheckResult, SamlExpectations } from '../saml/response-check';
import { vendorUrlProblem } from '../api/step-app';
import { Exit, exitCodesHelp, fail, type CliCommand } from './io';

const usage = [
  '  okta-onboard saml check --metadata <file|url> --response <file> --audience <uri> --recipient <url>',
  '                          [--destination <url>] [--email <addr>] [--attribute name[=value] ...]',
  '                          [--at <ISO time>] [--clock-skew-ms <ms>] [--json]',
  '',
  "  Checks a captured SAMLResponse the way the vendor will: signature (against the metadata's",
  '  certificate), issuer, audience, recipient, destination (default: the recipient), time window,',
  '  NameID (= --email) and each --attribute (present; with =value, carrying that value).',
  '',
  '  --response  a file with the base64 SAMLResponse as posted, or the whole form body',
  '              (SAMLResponse=...&RelayState=...); line breaks are ignored',
  '  --at        judge the time window as of this instant instead of now, e.g. when the login',
  '              was attempted: 2026-03-01T09:15:00Z (a time zone is required)',
  '',
  `  ${exitCodesHelp}`,
].join('\n');

export function formatCheckResult(result: SamlCheckResult): string {
  const width = Math.max(...result.checks.map((check) => check.name.length));
  const lines = [`SAML response: ${result.valid ? 'VALID' : 'NOT VALID'}`, ''];
  for (const check of result.checks)
    lines.push(`${check.status.toUpperCase().padEnd(4)}  ${check.name.padEnd(width)}  ${check.detail}`);
  return lines.join('\n');
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') {
    throw new AppError('USAGE', `--${flag} is required.`, `Usage:\n${usage}`, flag);
  }
  return value.trim();
}

/** The recipient and destination are the vendor's ACS URL: the same rule the screen applies to it. */
function acsUrl(value: string, flag: 'recipient' | 'destination'): string {
  const problem = vendorUrlProblem(value);
  if (problem)
    throw new AppError(
      'USAGE',
      `--${flag}: ${problem}.`,
      "Give the vendor's ACS URL as the SP expects it, e.g. https://vendor.example/saml/acs",
      flag,
    );
  return value;
}

/** An SP entity ID is any absolute URI: a URL or a URN such as urn:amazon:webservices. */
function audienceUri(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value))
    throw new AppError(
      'USAGE',
      `--audience: "${value}" is not a URI.`,
      "Give the vendor's SP entity ID (audience), e.g. https://vendor.example/saml/metadata or urn:amazon:webservices",
      'audience',
    );
  return value;
}

/** An ISO 8601 date-time with a time zone: without one, "09:15" would mean a different instant on each machine. */
function instant(value: string): Date {
  const trimmed = value.trim();
  const ms = Date.parse(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed) || Number.isNaN(ms))
    throw new AppError(
      'USAGE',
      `--at: "${value}" is not an ISO 8601 time with a time zone.`,
      'For example: --at 2026-03-01T09:15:00Z (UTC) or --at 2026-03-01T10:15:00+01:00',
      'at',
    );
  return new Date(ms);
}

function parseAttribute(spec: string): { name: string; value?: string } {
  const at = spec.indexOf('=');
  const name = (at < 0 ? spec : spec.slice(0, at)).trim();
  if (name === '')
    throw new AppError(
      'USAGE',
      `--attribute "${spec}" has no attribute name.`,
      'Write --attribute email or --attribute role=ADMINISTRATOR.',
      'attribute',
    );
  return at < 0 ? { name } : { name, value: spec.slice(at + 1) };
}

async function readResponseFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read (${code || String(error)})`;
    throw new AppError(
      'USAGE',
      `The response file ${path} ${why}.`,
      'Save the SAMLResponse value (or the whole POST form body) captured with a SAML tracer in a file and pass its path.',
      'response',
    );
  }
}

export const command: CliCommand = {
  summary: 'Check a captured SAMLResponse against metadata and vendor expectations',
  usage,
  async run(args, io) {
    const json = wantsJson(args);
    try {
      const { values, positionals } = parseCommandLine(
        args,
        {
          metadata: { type: 'string' },
          response: { type: 'string' },
          audience: { type: 'string' },
          recipient: { type: 'string' },
          destination: { type: 'string' },
          email: { type: 'string' },
          attribute: { type: 'string', multiple: true },
          'clock-skew-ms': { type: 'string' },
          at: { type: 'string' },
        },
        { command: 'okta-onboard saml', usage, positionals: true },
      );
      const [sub] = positionals;
      if (sub !== 'check' || positionals.length > 1) {
        throw new AppError(
          'USAGE',
          sub === undefined ? 'Missing subcommand.' : `Unknown subcommand "saml ${positionals.join(' ')}".`,
          `Use:\n${usage}`,
        );
      }
      const skew = values['clock-skew-ms'] === undefined ? undefined : Number(values['clock-skew-ms']);
      if (skew !== undefined && (!Number.isInteger(skew) || skew < 0)) {
        throw new AppError(
          'USAGE',
          `--clock-skew-ms: "${values['clock-skew-ms']}" is not a whole number of milliseconds.`,
          'For example: --clock-skew-ms 60000',
          'clock-skew-ms',
        );
      }
      const at = values.at === undefined ? undefined : instant(values.at);
      const metadataSource = required(values.metadata, 'metadata');
      const responsePath = required(values.response, 'response');
      const audience = audienceUri(required(values.audience, 'audience'));
      const recipient = acsUrl(required(values.recipient, 'recipient'), 'recipient');
      const destination = values.destination === undefined ? undefined : acsUrl(values.destination, 'destination');
      const attributes = (values.attribute ?? []).map(parseAttribute);

      const [{ loadMetadata }, { parseIdpMetadata }, { extractSamlResponse }, { checkSamlResponse }] =
        await Promise.all([
          import('../saml/load-metadata'),
          import('../saml/metadata'),
          import('../saml/posted-response'),
          import('../saml/response-check'),
        ]);
      const metadata = parseIdpMetadata((await loadMetadata(metadataSource)).xml);
      const samlResponse = extractSamlResponse(await readResponseFile(responsePath));
      const expect: SamlExpectations = {
        idpCertificates: metadata.signingCertificates,
        idpIssuer: metadata.entityId,
        audience,
        recipient,
        attributes,
        ...(destination === undefined ? {} : { destination }),
        ...(values.email === undefined ? {} : { email: values.email }),
        ...(skew === undefined ? {} : { clockSkewMs: skew }),
        ...(at === undefined ? {} : { now: at }),
      };
      const result = await checkSamlResponse(samlResponse, expect);
      if (json) {
        io.out(
          JSON.stringify(
            { valid: result.valid, checks: result.checks, nameId: result.nameId, attributes: result.attributes },
            null,
            2,
          ),
        );
      } else {
        io.out(formatCheckResult(result));
      }
      if (result.valid) return Exit.ok;
      // A response that does not even decode is unusable input, not a failed login.
      return result.checks[0]?.status === 'fail' ? Exit.usage : Exit.failed;
    } catch (error) {
      return fail(io, error, json);
    }
  },
};
