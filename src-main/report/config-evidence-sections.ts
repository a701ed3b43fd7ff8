/**
 * The configuration report's closing sections: every check with its evidence, the audit log, the
 * identifiers and what could not be read.
 */
import type { ConfigReport } from './model';
import { facts, mono, orDash, table, text, when, type Cell, type Section, type Tone } from './document';

const RESULT_TONE: Record<'pass' | 'warn' | 'fail', Tone> = { pass: 'pass', warn: 'warn', fail: 'fail' };

/** Evidence longer than this is cut in the readable formats; the JSON report keeps all of it. */
const EVIDENCE_SHOWN = 320;

function evidenceCell(evidence: string | undefined): Cell {
  if (!evidence) return { text: '—' };
  if (evidence.length <= EVIDENCE_SHOWN) return mono(evidence);
  return mono(
    `${evidence.slice(0, EVIDENCE_SHOWN)}… (${evidence.length - EVIDENCE_SHOWN} more characters in the JSON report)`,
  );
}

export function checksSection(r: ConfigReport): Section {
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

export function auditAndIds(r: ConfigReport): Section[] {
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
