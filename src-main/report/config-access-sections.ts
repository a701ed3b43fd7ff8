/**
 * The configuration report's sections on who gets in and with what: provisioning, the role
 * attribute, assignments, the bookmark app and the migration of existing users.
 */
import { MATCH_CLASS_TITLES } from '../migrate/match';
import type { ConfigReport } from './model';
import { facts, mono, orDash, table, when, yesNo, type Section } from './document';

export function provisioningSection(r: ConfigReport): Section | undefined {
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

export function roleSection(r: ConfigReport): Section | undefined {
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

export function accessSections(r: ConfigReport): Section[] {
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
