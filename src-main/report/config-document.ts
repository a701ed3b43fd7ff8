import { accessSections, provisioningSection, roleSection } from './config-access-sections';
import { auditAndIds, checksSection } from './config-evidence-sections';
import { domainsSection, metadataSection, registrationSection, ssoSection } from './config-sso-sections';
import type { ConfigReport } from './model';
import { facts, mono, table, when, type Cell, type ReportDocument, type Section, type Tone } from './document';

const STATE_WORDS: Record<ConfigReport['summary']['state'], [string, Tone]> = {
  verified: ['Verified', 'pass'],
  failing: ['Failing', 'fail'],
  incomplete: ['Incomplete', 'warn'],
  unreadable: ['Could not be read', 'fail'],
};

const OBSERVATION_WORDS: Record<ConfigReport['steps'][number]['observation'], string> = {
  fresh: 'read back now',
  'not-started': 'not started',
  skipped: 'skipped by the admin',
  unreadable: 'could not be read now',
};

function statusCell(status: string): Cell {
  const tone: Tone = status === 'verified' ? 'pass' : status === 'failed' ? 'fail' : 'warn';
  return { text: status, tone };
}

function summarySection(r: ConfigReport): Section {
  const [state, tone] = STATE_WORDS[r.summary.state];
  return {
    id: 'summary',
    title: 'Summary',
    blocks: [
      facts([
        ['Client', r.client.name],
        ['Okta org', mono(`${r.org.url}${r.org.practice ? ' (practice org)' : ''}`)],
        ['Vendor', r.vendor.name],
        ['Integration', `${r.integration.label} (${r.integration.id})`],
        ['Okta app', r.app ? `${r.app.label} · ${r.app.name} · ${r.app.id}` : 'not found in Okta'],
        ['State', { text: state, tone }],
        ['Required steps verified', `${r.summary.verifiedRequired} of ${r.summary.requiredSteps}`],
        ['Checks', `${r.summary.checks.pass} pass · ${r.summary.checks.warn} warn · ${r.summary.checks.fail} fail`],
        ['Read from Okta', when(r.generatedAt)],
      ]),
      table(
        'Steps',
        ['Step', 'Status', 'This report', 'Verified'],
        r.steps.map((s) => [
          `${s.title}${s.optional ? ' (optional)' : ''}`,
          statusCell(s.status),
          s.error ? `${OBSERVATION_WORDS[s.observation]}: ${s.error.message}` : OBSERVATION_WORDS[s.observation],
          when(s.verifiedAt ?? s.skippedAt),
        ]),
        'The vendor has no steps.',
      ),
    ],
  };
}

/** The configuration report laid out for reading: summary first, evidence and audit log last. */
export function configDocument(r: ConfigReport): ReportDocument {
  const [state, tone] = STATE_WORDS[r.summary.state];
  const sections = [
    summarySection(r),
    ssoSection(r),
    metadataSection(r),
    domainsSection(r),
    registrationSection(r),
    provisioningSection(r),
    roleSection(r),
    ...accessSections(r),
    checksSection(r),
    ...auditAndIds(r),
  ].filter((s): s is Section => s !== undefined);
  return {
    title: `${r.vendor.name} single sign-on for ${r.client.name}`,
    subtitle: `${r.integration.label} · Okta org ${r.org.url} · read from Okta ${when(r.generatedAt)}`,
    badge: {
      text: `${state}: ${r.summary.verifiedRequired} of ${r.summary.requiredSteps} required steps verified`,
      tone,
    },
    sections,
    footer: `okta-onboard ${r.generator.version} · configuration report schema version ${r.schemaVersion} · contains no secrets`,
  };
}
