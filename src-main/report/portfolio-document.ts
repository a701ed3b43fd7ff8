import type { PortfolioReport } from './model';
import { mono, table, text, when, type Cell, type ReportDocument, type Tone } from './document';

const STATE: Record<PortfolioReport['integrations'][number]['state'], [string, Tone]> = {
  verified: ['Verified', 'pass'],
  failing: ['Failing', 'fail'],
  incomplete: ['Incomplete', 'warn'],
  unreadable: ['Could not be read', 'fail'],
};

function expiryCell(e: PortfolioReport['integrations'][number]): Cell {
  const x = e.certificateExpiry;
  if (!x) return { text: 'no certificate read', tone: 'muted' };
  const days = x.daysToExpiry < 0 ? `expired ${-x.daysToExpiry} days ago` : `in ${x.daysToExpiry} days`;
  return {
    text: `${when(x.notAfter)} (${days})`,
    tone: x.daysToExpiry < 0 ? 'fail' : x.daysToExpiry < 60 ? 'warn' : 'pass',
  };
}

/** Every integration across clients: state, failing checks and certificate expiry, soonest expiry first. */
export function portfolioDocument(r: PortfolioReport): ReportDocument {
  const failing = r.integrations.filter((e) => e.state !== 'verified').length;
  const clients = new Set(r.integrations.map((e) => e.client.id)).size;
  const tone: Tone = r.integrations.some((e) => e.state === 'failing' || e.state === 'unreadable')
    ? 'fail'
    : failing > 0
      ? 'warn'
      : 'pass';
  const failingRows = r.integrations.flatMap((e) =>
    e.failingChecks.map((c) => [
      e.client.name,
      e.integration.label,
      c.stepId,
      c.label,
      { text: c.detail, tone: 'fail' as const },
    ]),
  );
  return {
    title: 'Okta integrations across clients',
    subtitle: `${r.integrations.length} integrations of ${clients} clients · read from Okta ${when(r.generatedAt)}`,
    badge: { text: failing === 0 ? 'All verified' : `${failing} need attention`, tone },
    sections: [
      {
        id: 'integrations',
        title: 'Integrations, soonest certificate expiry first',
        blocks: [
          table(
            'Integrations',
            ['Client', 'Integration', 'Vendor', 'State', 'Required steps', 'Failing checks', 'Certificate expires'],
            r.integrations.map((e) => [
              e.client.name,
              e.integration.label,
              e.integration.vendor,
              { text: STATE[e.state][0], tone: STATE[e.state][1] },
              `${e.verifiedRequired} of ${e.requiredSteps}`,
              String(e.failingChecks.length),
              expiryCell(e),
            ]),
            'There are no integrations yet.',
          ),
        ],
      },
      {
        id: 'failing',
        title: 'Failing checks',
        blocks: [
          table('Failing checks', ['Client', 'Integration', 'Step', 'Check', 'Detail'], failingRows, 'No check fails.'),
        ],
      },
      ...(r.integrations.some((e) => e.problem)
        ? [
            {
              id: 'problems',
              title: 'What could not be read',
              blocks: r.integrations
                .filter((e) => e.problem)
                .map((e) => text(`${e.client.name} · ${e.integration.label}: ${e.problem ?? ''}`, 'fail')),
            },
          ]
        : []),
      {
        id: 'orgs',
        title: 'Okta orgs',
        blocks: [
          table(
            'Okta orgs',
            ['Client', 'Org URL'],
            [...new Map(r.integrations.map((e) => [e.client.id, e.client])).values()].map((c) => [
              c.name,
              mono(c.orgUrl),
            ]),
            'No clients.',
          ),
        ],
      },
    ],
    footer: `okta-onboard ${r.generator.version} · portfolio report schema version ${r.schemaVersion} · contains no secrets`,
  };
}
