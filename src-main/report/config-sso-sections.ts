/**
 * The configuration report's sections on the SAML app: its settings, metadata and certificate, the
 * email domains and the registration with the vendor.
 */
import type { ConfigReport } from './model';
import { facts, mono, orDash, table, text, when, yesNo, type Cell, type Section, type Tone } from './document';

export function ssoSection(r: ConfigReport): Section | undefined {
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

export function metadataSection(r: ConfigReport): Section | undefined {
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

export function domainsSection(r: ConfigReport): Section | undefined {
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

export function registrationSection(r: ConfigReport): Section | undefined {
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
