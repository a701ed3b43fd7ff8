import { MATCH_CLASS_TITLES } from '../migrate/match';
import type { ConfigReport } from './model';
import {
  facts,
  mono,
  orDash,
  table,
  text,
  when,
  yesNo,
  type Cell,
  type ReportDocument,
  type Section,
  type Tone,
} from './document';

const STATE_WORDS: Record<ConfigReport['summary']['state'], [string, Tone]> = {
  verified: ['Verified', 'pass'],
  failing: ['Failing', 'fail'],
  incomplete: ['Incomplete', 'warn'],
  unreadable: ['Could not be read', 'fail'],
};

const RESULT_TONE: Record<'pass' | 'warn' | 'fail', Tone> = { pass: 'pass', warn: 'warn', fail: 'fail' };

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

function ssoSection(r: ConfigReport): Section | undefined {
  const app = r.app;
  if (!app) return undefined;
  const s = app.sso;
  const rows: [string, Cell | string][] = [
    ['App label', app.label],
    ['App id', mono(app.id)],
    ['App name', mono(app.name)],
    ['Kind', app.mode === 'catalog' ? 'Okta Integration Network (catalog) app' : 'Custom SAML 2.0 app'],
    ['Status', app.status],
    ['Sign-on mode', app.signOnMode],
  ];
  const settings: [string, string | undefined][] = [
    ['Single sign-on URL (ACS)', s.ssoAcsUrl],
    ['Recipient URL', s.recipient],
    ['Destination URL', s.destination],
    ['Audience URI (SP Entity ID)', s.audience],
    ['Name ID format', s.subjectNameIdFormat],
    ['Name ID value', s.subjectNameIdTemplate],
    ['Signature algorithm', s.signatureAlgorithm],
    ['Digest algorithm', s.digestAlgorithm],
    ['Authentication context', s.authnContextClassRef],
    ['Default relay state', s.defaultRelayState],
  ];
  for (const [label, value] of settings) if (value !== undefined) rows.push([label, mono(value)]);
  rows.push(['Response signed', yesNo(s.responseSigned)], ['Assertion signed', yesNo(s.assertionSigned)]);
  if (s.honorForceAuthn !== undefined) rows.push(['Honor ForceAuthn', yesNo(s.honorForceAuthn)]);
  for (const [key, value] of Object.entries(app.appSettings)) rows.push([`App setting "${key}"`, mono(orDash(value))]);
  if (app.userNameTemplate?.template) rows.push(['Application username', mono(app.userNameTemplate.template)]);
  if (app.signingKid) rows.push(['Signing key id (kid)', mono(app.signingKid)]);
  const catalogNote =
    app.mode === 'catalog' && !s.ssoAcsUrl
      ? [text('The catalog app keeps its SAML URLs in Okta’s app template; Okta returns no signOn values for it.')]
      : [];
  return {
    id: 'sso',
    title: 'Single sign-on (SAML)',
    blocks: [
      facts(rows),
      ...catalogNote,
      table(
        'Attribute statements',
        ['Name', 'Name format', 'Value (Okta expression)'],
        app.attributeStatements.map((a) => [mono(a.name), a.format, mono(a.values.join(', '))]),
        'No attribute statements on the app.',
      ),
      table(
        'Group attribute statements',
        ['Name', 'Name format', 'Filter'],
        app.groupAttributeStatements.map((g) => [mono(g.name), g.format, `${g.filterType} ${g.filterValue}`]),
        'No group attribute statements.',
      ),
    ],
  };
}

function metadataSection(r: ConfigReport): Section | undefined {
  const saml = r.saml;
  if (!saml) return undefined;
  const certs = saml.certificates.map((c) => {
    const tone: Tone = c.daysToExpiry < 0 ? 'fail' : c.daysToExpiry < 60 ? 'warn' : 'pass';
    return facts([
      ['Subject', c.subject],
      ['Issuer', c.issuer],
      ['SHA-256 fingerprint', mono(c.sha256Fingerprint)],
      ['Serial number', mono(c.serialNumber)],
      ['Valid from', when(c.notBefore)],
      [
        'Expires',
        {
          text: `${when(c.notAfter)} (${c.daysToExpiry < 0 ? `expired ${-c.daysToExpiry} days ago` : `in ${c.daysToExpiry} days`})`,
          tone,
        },
      ],
      ['Key', `${c.keyType} ${c.keyBits} bits, ${c.signatureAlgorithm}`],
      ['Key id (kid)', mono(orDash(c.kid))],
    ]);
  });
  return {
    id: 'metadata',
    title: 'Metadata and signing certificate',
    blocks: [
      facts([
        ['Metadata URL', mono(saml.metadataUrl)],
        ['Public URL answered', { text: saml.publicMetadata.detail, tone: saml.publicMetadata.ok ? 'pass' : 'fail' }],
        ['IdP entity ID (issuer)', mono(saml.idpEntityId)],
        ...saml.idpSsoUrls.map((u): [string, Cell] => [
          `IdP SSO URL (${u.binding.split(':').pop()})`,
          mono(u.location),
        ]),
        ['Name ID formats offered', saml.nameIdFormats.join(', ') || '—'],
        [
          'Active signing key',
          saml.activeKey
            ? `${saml.activeKey.kid}${saml.activeKey.matchesMetadata ? ', the certificate the metadata publishes' : ', NOT the certificate the metadata publishes'}`
            : '—',
        ],
      ]),
      ...(certs.length > 0 ? certs : [text('The metadata publishes no signing certificate.', 'fail')]),
    ],
  };
}

function domainsSection(r: ConfigReport): Section | undefined {
  const d = r.emailDomains;
  if (!d) return undefined;
  return {
    id: 'domains',
    title: 'Email domains',
    blocks: [
      table(
        'Email domains',
        ['Domain', 'Okta users', 'Consumer mail'],
        d.domains.map((x) => [mono(x.display), String(x.users), yesNo(x.consumer)]),
        'No email domains listed.',
      ),
      text(`${d.totalUsers} users in the org; ${d.uncoveredUsers} have a login in none of these domains.`),
    ],
  };
}

function registrationSection(r: ConfigReport): Section | undefined {
  const g = r.registration;
  if (!g) return undefined;
  return {
    id: 'registration',
    title: 'Registration with the vendor',
    blocks: [
      text(
        g.vendorProvenAt
          ? `Self-reported by the admin; a sign-in started at the vendor passed at ${when(g.vendorProvenAt)}, which proves the vendor holds the values.`
          : 'Self-reported by the admin: the app cannot read the vendor’s side, so these are the admin’s words.',
        g.vendorProvenAt ? 'pass' : 'warn',
      ),
      facts([
        ['Channel', g.channel],
        ['Sent', g.sentAt ? `${when(g.sentAt)} via ${orDash(g.via)}` : 'not reported sent'],
        ['Sent to', orDash(g.to)],
        ['Vendor confirmed', when(g.confirmedAt)],
        [
          'Changed since sent',
          // The step names changed values by key; a reader knows them by the labels the table shows.
          g.changedSinceSent.length > 0
            ? g.changedSinceSent.map((key) => g.values.find((v) => v.key === key)?.label ?? key).join(', ')
            : 'nothing',
        ],
      ]),
      table(
        'Values sent',
        ['Value', 'As sent'],
        g.values.map((v) => [v.label, mono(v.value)]),
        'No values.',
      ),
    ],
  };
}

function provisioningSection(r: ConfigReport): Section | undefined {
  const p = r.provisioning;
  if (!p) return undefined;
  const e2e = p.endToEnd;
  return {
    id: 'provisioning',
    title: 'Provisioning (SCIM)',
    blocks: [
      facts([
        ['SCIM base URL', mono(p.scimBaseUrl)],
        ['Set up through', p.path === 'api' ? 'Okta’s API' : 'the app’s Provisioning tab'],
        ['SCIM token', p.tokenStored ? 'stored in the keychain (never shown)' : 'not stored'],
        ['Connection', p.connection ? `${p.connection.status}, ${p.connection.authScheme}` : '—'],
        [
          'End-to-end proof',
          e2e
            ? {
                text: `${e2e.passed ? 'passed' : 'failed'} ${when(e2e.finishedAt)} with ${e2e.userLogin}${e2e.current ? '' : ' (before the current token or URL)'}`,
                tone: e2e.passed && e2e.current ? 'pass' : 'warn',
              }
            : 'not run',
        ],
      ]),
      table(
        'Provisioning features',
        ['Feature', 'On', 'Evidence'],
        p.features.map((f) => [
          f.name,
          { text: yesNo(f.enabled), tone: f.enabled ? 'pass' : 'warn' },
          mono(f.evidence),
        ]),
        'No features read.',
      ),
    ],
  };
}

function roleSection(r: ConfigReport): Section | undefined {
  const role = r.role;
  if (!role) return undefined;
  return {
    id: 'role',
    title: 'Role attribute and group-to-role map',
    blocks: [
      facts([
        ['App user schema property', mono(`custom.${role.propertyName}`)],
        ['In Okta now', { text: yesNo(role.present), tone: role.present ? 'pass' : 'fail' }],
        ['Display name', orDash(role.title)],
        ['Required', yesNo(role.required)],
        ['Sent to the vendor as', mono(`${orDash(role.externalName)} (${orDash(role.externalNamespace)})`)],
        ['Assigned users without a valid role', String(role.usersNeedingRole)],
      ]),
      table(
        'Role values',
        ['Value sent', 'Title'],
        role.values.map((v) => [mono(v.value), v.title]),
        'No values.',
      ),
      table(
        'Group-to-role map',
        ['Group', 'Group id', 'Role'],
        role.groupRoles.map((g) => [g.groupName, mono(g.groupId), g.role ?? { text: 'none', tone: 'warn' }]),
        'No groups carry a role.',
      ),
    ],
  };
}

function accessSections(r: ConfigReport): Section[] {
  const out: Section[] = [];
  if (r.assignments) {
    const a = r.assignments;
    out.push({
      id: 'assignments',
      title: 'Assignments',
      blocks: [
        facts([
          ['People with the app', String(a.people)],
          ['Assigned directly', String(a.direct)],
          ['Through groups', String(a.viaGroups)],
          ['Groups assigned', String(a.groups.length)],
        ]),
        table(
          'Groups assigned to the app',
          ['Group', 'Group id', 'Role', 'Priority'],
          a.groups.map((g) => [g.name, mono(g.id), orDash(g.role), orDash(g.priority)]),
          'No groups are assigned.',
        ),
      ],
    });
  }
  if (r.bookmark) {
    const b = r.bookmark;
    out.push({
      id: 'bookmark',
      title: 'Bookmark app',
      blocks: [
        facts([
          ['Label', b.label],
          ['App id', mono(b.id)],
          ['URL', mono(orDash(b.url))],
          ['Status', b.status],
          ['Groups assigned', b.groupIds.length > 0 ? mono(b.groupIds.join(', ')) : 'none'],
        ]),
      ],
    });
  }
  if (r.migration) {
    const m = r.migration;
    out.push({
      id: 'migration',
      title: 'Migration of existing users',
      blocks: [
        facts([
          [
            'Imported',
            m.imported
              ? `${m.imported.rows} rows from ${m.imported.fileName}, ${when(m.imported.importedAt)}`
              : 'nothing',
          ],
          ['Route', m.route],
          ['To assign', String(m.toAssign)],
          ['To create in Okta', String(m.toCreate)],
          ['Done', String(m.done)],
          ['Failed', { text: String(m.failed), tone: m.failed > 0 ? 'fail' : 'pass' }],
        ]),
        // Every row of the export by how it matched, so rows left out (not in Okta, duplicates) are named.
        table(
          'Rows of the export',
          ['Match', 'Rows'],
          Object.entries(m.counts)
            .filter(([, n]) => n > 0)
            .map(([key, n]) => [(MATCH_CLASS_TITLES as Record<string, string | undefined>)[key] ?? key, String(n)]),
          'No rows.',
        ),
        // The step counts roles over the people still to assign, not over those already done.
        table(
          'Still to assign, by role',
          ['Role', 'People'],
          m.byRole.map((b) => [orDash(b.role), String(b.people)]),
          'Nobody is left to assign.',
        ),
      ],
    });
  }
  return out;
}

/** Evidence longer than this is cut in the readable formats; the JSON report keeps all of it. */
export const EVIDENCE_SHOWN = 320;

function evidenceCell(evidence: string | undefined): Cell {
  if (!evidence) return { text: '—' };
  if (evidence.length <= EVIDENCE_SHOWN) return mono(evidence);
  return mono(
    `${evidence.slice(0, EVIDENCE_SHOWN)}… (${evidence.length - EVIDENCE_SHOWN} more characters in the JSON report)`,
  );
}

function checksSection(r: ConfigReport): Section {
  return {
    id: 'checks',
    title: 'Checks',
    blocks: [
      text("Every check as read back for this report; each ran at its step's Verified time in the Steps table."),
      table(
        'Checks',
        ['Step', 'Check', 'Result', 'Detail', 'Evidence'],
        r.checks.map((c) => [
          c.stepId,
          c.label,
          { text: c.result, tone: RESULT_TONE[c.result] },
          c.detail,
          evidenceCell(c.evidence),
        ]),
        'No checks ran: no step has been read back yet.',
      ),
    ],
  };
}

function auditAndIds(r: ConfigReport): Section[] {
  const ids = r.importIds;
  const sections: Section[] = [
    {
      id: 'audit',
      title: 'Audit log of changes',
      blocks: [
        table(
          'Writes this app made to Okta for this integration',
          ['Time', 'Step', 'Operation', 'Target', 'Outcome', 'By'],
          r.auditLog.map((e) => [
            when(e.time),
            orDash(e.stepId),
            e.operation,
            mono(e.target),
            { text: e.outcome, tone: e.outcome === 'success' ? 'pass' : e.outcome === 'failure' ? 'fail' : 'warn' },
            orDash(e.actor),
          ]),
          'This app has made no change to Okta for this integration.',
        ),
      ],
    },
    {
      id: 'ids',
      title: 'Identifiers',
      blocks: [
        facts([
          ['SAML app', mono(orDash(ids.samlAppId))],
          ['Bookmark app', mono(orDash(ids.bookmarkAppId))],
          [
            'App user schema property',
            mono(
              ids.appUserSchemaProperty
                ? `${ids.appUserSchemaProperty.appId}/${ids.appUserSchemaProperty.propertyName}`
                : '—',
            ),
          ],
          ['Groups assigned to the SAML app', mono(ids.groupAssignments?.groupIds.join(', ') || '—')],
        ]),
      ],
    },
  ];
  if (r.problems.length > 0)
    sections.push({
      id: 'problems',
      title: 'What could not be read',
      blocks: [
        table(
          'Reads that failed while this report was made',
          ['Section', 'Problem'],
          r.problems.map((p) => [p.section, { text: p.message, tone: 'fail' }]),
          'None.',
        ),
      ],
    });
  return sections;
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
