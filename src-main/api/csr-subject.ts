import { z } from 'zod';

/**
 * The subject of a certificate signing request as Okta's `CsrMetadata` takes it, with the limits
 * X.509 sets (RFC 5280's upper bounds). One rule set for the app's form (checked as the admin types)
 * and main (checked again before Okta is asked), so both say the same words next to the same field.
 */
export const CSR_SUBJECT_FIELDS = [
  { key: 'commonName', label: 'Common name (CN)', max: 64 },
  { key: 'organizationName', label: 'Organization (O)', max: 64 },
  { key: 'organizationalUnitName', label: 'Organizational unit (OU)', max: 64 },
  { key: 'localityName', label: 'City or locality (L)', max: 128 },
  { key: 'stateOrProvinceName', label: 'State or province (ST)', max: 128 },
  { key: 'countryName', label: 'Country (C)', max: 2 },
] as const;

export type CsrSubjectKey = (typeof CSR_SUBJECT_FIELDS)[number]['key'];

/** The bounds the channel enforces; the words for a too-long value come from `csrSubjectProblems`. */
export const CsrSubjectSchema = z
  .object({
    commonName: z.string().max(1024).optional(),
    organizationName: z.string().max(1024).optional(),
    organizationalUnitName: z.string().max(1024).optional(),
    localityName: z.string().max(1024).optional(),
    stateOrProvinceName: z.string().max(1024).optional(),
    countryName: z.string().max(1024).optional(),
  })
  .strict();
export type CsrSubjectInput = z.infer<typeof CsrSubjectSchema>;

/** At most this many DNS names in the CSR's subjectAltName. */
export const MAX_CSR_DNS_NAMES = 50;

export interface CsrProblem {
  /** `commonName`, `countryName`, … or `dnsNames`. */
  field: CsrSubjectKey | 'dnsNames';
  message: string;
  hint: string;
}

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

function dnsNameProblem(name: string): string | undefined {
  if (name.length > 253) return `"${name.slice(0, 40)}…" is longer than the 253 characters a DNS name may have.`;
  const labels = name.split('.');
  const [first, ...rest] = labels;
  // A wildcard may stand for the leftmost label only, as CAs issue them (*.sso.acme.example).
  const checked = first === '*' && rest.length >= 2 ? rest : labels;
  if (labels.length < 2 || !checked.every((label) => LABEL.test(label))) {
    return `"${name}" is not a DNS name (letters, digits and hyphens in dot-separated parts, such as sso.acme.example).`;
  }
  return undefined;
}

/** The DNS names as the admin typed them: one a line, or separated by commas or spaces. */
export function splitDnsNames(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Every problem with the subject and DNS names, in the form's order; empty when Okta may be asked. */
export function csrSubjectProblems(subject: CsrSubjectInput, dnsNames: readonly string[]): CsrProblem[] {
  const problems: CsrProblem[] = [];
  for (const { key, label, max } of CSR_SUBJECT_FIELDS) {
    const value = subject[key] ?? '';
    if (key === 'commonName' && value.trim() === '') {
      problems.push({
        field: key,
        message: 'commonName: the CSR needs a common name (the name the certificate is issued to).',
        hint: 'Enter the name your CA expects, for example your company domain or the app name.',
      });
    } else if (key === 'countryName') {
      if (value !== '' && !/^[A-Z]{2}$/.test(value)) {
        problems.push({
          field: key,
          message: `countryName: "${value}" is not a two-letter country code.`,
          hint: 'Use the ISO 3166 code in capitals, for example US or DE, or leave it empty.',
        });
      }
    } else if (value.length > max) {
      problems.push({
        field: key,
        message: `${key}: ${label} is ${value.length} characters; a certificate allows at most ${max}.`,
        hint: 'Shorten it; your CA shows the names it expects in its request instructions.',
      });
    } else if (value !== value.trim() || /\p{Cc}/u.test(value)) {
      problems.push({
        field: key,
        message: `${key}: ${label} starts or ends with a space, or holds a control character.`,
        hint: 'Remove the spaces around the value (CAs compare names exactly).',
      });
    }
  }
  if (dnsNames.length > MAX_CSR_DNS_NAMES) {
    problems.push({
      field: 'dnsNames',
      message: `dnsNames: ${dnsNames.length} DNS names; the app sends at most ${MAX_CSR_DNS_NAMES}.`,
      hint: 'A SAML signing certificate needs few or none; keep the ones your CA requires.',
    });
  } else {
    const bad = dnsNames.map(dnsNameProblem).find((p) => p !== undefined);
    if (bad) {
      problems.push({
        field: 'dnsNames',
        message: `dnsNames: ${bad}`,
        hint: 'Enter host names one a line (or separated by commas), or leave the field empty.',
      });
    }
  }
  return problems;
}

/** The CSR as the PEM file an admin hands to a CA, from Okta's base64 (or base64url) DER. */
export function csrPem(csrBase64: string): string {
  const base64 = csrBase64.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  return `-----BEGIN CERTIFICATE REQUEST-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE REQUEST-----\n`;
}
