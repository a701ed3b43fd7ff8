import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import type { MetadataReport } from '../saml/types';
import { Exit, exitCodesHelp, fail, type CliCommand } from './io';

const usage = [
  '  okta-onboard metadata inspect <file|url> [--timeout-ms <ms>] [--json]',
  '',
  "  Reads IdP metadata (a saved XML file or the Okta app's metadata URL) and reports its entity ID,",
  '  single sign-on URLs, signing certificates (validity, fingerprints, key) and anything wrong.',
  '',
  '  An error finding (e.g. an expired certificate) exits 1; a metadata URL that does not answer, 3.',
  `  ${exitCodesHelp}`,
].join('\n');

const LEVEL_LABEL = { error: 'ERROR', warning: 'WARN ', info: 'INFO ' } as const;

export function formatMetadataReport(report: MetadataReport, source: string): string {
  const lines = [`IdP metadata from ${source}`, `  Entity ID (issuer): ${report.entityId}`];
  for (const service of report.ssoServices)
    lines.push(`  SSO ${service.binding.split(':').pop() ?? service.binding}: ${service.location}`);
  lines.push(`  NameID formats: ${report.nameIdFormats.join(', ') || '(none listed)'}`);
  lines.push(`  Signed AuthnRequests wanted: ${report.wantAuthnRequestsSigned ? 'yes' : 'no'}`);
  report.certificates.forEach((cert, index) => {
    lines.push(
      `  Signing certificate ${index + 1}: ${cert.subject}`,
      `    issuer:     ${cert.issuer}`,
      `    valid:      ${cert.notBefore} → ${cert.notAfter} (${cert.daysToExpiry < 0 ? `expired ${-cert.daysToExpiry} days ago` : `${cert.daysToExpiry} days left`})`,
      `    key:        ${cert.keyType} ${cert.keyBits} bits, signed with ${cert.signatureAlgorithm}`,
      `    SHA-1:      ${cert.sha1Fingerprint}`,
      `    SHA-256:    ${cert.sha256Fingerprint}`,
    );
  });
  lines.push('');
  if (report.findings.length === 0) lines.push('No findings.');
  for (const finding of report.findings)
    lines.push(`${LEVEL_LABEL[finding.level]} ${finding.code}: ${finding.message}`);
  return lines.join('\n');
}

export const command: CliCommand = {
  summary: 'Inspect SAML IdP metadata and its signing certificate',
  usage,
  async run(args, io) {
    const json = wantsJson(args);
    try {
      const { values, positionals } = parseCommandLine(
        args,
        { 'timeout-ms': { type: 'string' } },
        { command: 'okta-onboard metadata', usage, positionals: true },
      );
      const [sub, source, ...extra] = positionals;
      if (sub !== 'inspect') {
        throw new AppError(
          'USAGE',
          sub ? `Unknown subcommand "metadata ${sub}".` : 'Missing subcommand.',
          `Use:\n${usage}`,
        );
      }
      if (source === undefined || extra.length > 0) {
        throw new AppError(
          'USAGE',
          source === undefined
            ? 'Give the metadata file or URL to inspect.'
            : `Give one metadata file or URL, not ${extra.length + 1}.`,
          'For example: okta-onboard metadata inspect https://acme.okta.com/app/exk123/sso/saml/metadata',
          'source',
        );
      }
      const timeoutMs = values['timeout-ms'] === undefined ? undefined : Number(values['timeout-ms']);
      if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs <= 0)) {
        throw new AppError(
          'USAGE',
          `--timeout-ms: "${values['timeout-ms']}" is not a positive whole number of milliseconds.`,
          'For example: --timeout-ms 10000',
          'timeout-ms',
        );
      }
      const [{ loadMetadata }, { inspectMetadata }] = await Promise.all([
        import('../saml/load-metadata'),
        import('../saml/metadata'),
      ]);
      const loaded = await loadMetadata(source, timeoutMs === undefined ? {} : { timeoutMs });
      const report = inspectMetadata(loaded.xml, new Date());
      if (json) {
        io.out(
          JSON.stringify(
            {
              ...report,
              certificates: report.certificates.map(({ findings: _findings, ...facts }) => facts),
            },
            null,
            2,
          ),
        );
      } else {
        io.out(formatMetadataReport(report, source));
      }
      return report.findings.some((finding) => finding.level === 'error') ? Exit.failed : Exit.ok;
    } catch (error) {
      // Bad arguments, an unreadable file, hostile or non-metadata XML: 2; a URL that does not answer: 3.
      return fail(io, error, json);
    }
  },
};
