import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PreflightRecord, ScimExchangeView } from '../api/step-scim';
import type { Check } from '../api/steps';
import type { PreflightReport } from '../scim/preflight';

const REDACTED = '••••';
/** Long bodies are cut in evidence: the admin needs their start, the full text stays in the record. */
const EVIDENCE_BODY_LIMIT = 2_000;

/** A salted digest, so a later run can tell whether the token changed without the token being kept. */
export function tokenDigest(token: string, salt = randomBytes(16).toString('hex')): PreflightRecord['tokenDigest'] {
  return { salt, sha256: createHash('sha256').update(`${salt}:${token.trim()}`).digest('hex') };
}

export function sameToken(digest: PreflightRecord['tokenDigest'], token: string): boolean {
  const again = Buffer.from(tokenDigest(token, digest.salt).sha256, 'hex');
  const kept = Buffer.from(digest.sha256, 'hex');
  return again.length === kept.length && timingSafeEqual(again, kept);
}

/**
 * The report as kept in the workspace. The client already shows `Bearer ••••`; a vendor that
 * echoes the token back in a body or header is caught here too.
 */
export function recordPreflight(report: PreflightReport, token: string): PreflightRecord {
  const secret = token.trim();
  const text = JSON.stringify(report);
  const safe = JSON.parse(
    secret.length > 0 ? text.split(JSON.stringify(secret).slice(1, -1)).join(REDACTED) : text,
  ) as PreflightReport;
  return { ...safe, tokenDigest: tokenDigest(secret) };
}

export function preflightPassed(record: PreflightRecord): boolean {
  return !record.checks.some((c) => c.status === 'fail') && !record.testUser.leftActive;
}

/** A stable check id from a preflight check's name ("Profile update (PUT)" → `scim-profile-update-put`). */
export function checkId(name: string): string {
  return `scim-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** One Check per preflight check; a skipped one is a warning, since nothing proved it. */
export function preflightChecks(record: PreflightRecord): Check[] {
  return record.checks.map((c) => ({
    id: checkId(c.name),
    label: c.name,
    status: c.status === 'pass' ? 'pass' : c.status === 'fail' ? 'fail' : 'warn',
    detail: c.detail,
    ...(c.exchanges.length > 0 ? { evidence: exchangesEvidence(c.exchanges) } : {}),
  }));
}

/** The HTTP exchanges as an admin reads them in a SCIM tool: request, then answer. */
export function exchangesEvidence(exchanges: ScimExchangeView[]): string {
  return exchanges.map(exchangeText).join('\n\n');
}

function exchangeText(e: ScimExchangeView): string {
  const lines = [`> ${e.method} ${e.url}`];
  for (const [name, value] of Object.entries(e.requestHeaders)) lines.push(`> ${name}: ${value}`);
  if (e.requestBody !== undefined) lines.push(`> ${bodyText(e.requestBody)}`);
  lines.push(
    e.status === 0
      ? `< no answer after ${e.durationMs} ms: ${e.error ?? 'network failure'}`
      : `< HTTP ${e.status} (${e.durationMs} ms)`,
  );
  const type = e.responseHeaders['content-type'];
  if (type !== undefined) lines.push(`< content-type: ${type}`);
  if (e.responseBody !== undefined) lines.push(`< ${bodyText(e.responseBody)}`);
  if (e.status !== 0 && e.error !== undefined) lines.push(`< ${e.error}`);
  return lines.join('\n');
}

function bodyText(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > EVIDENCE_BODY_LIMIT
    ? `${text.slice(0, EVIDENCE_BODY_LIMIT)}… (${text.length} characters)`
    : text;
}
