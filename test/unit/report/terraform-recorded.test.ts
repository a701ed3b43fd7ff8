import { parse } from '@cdktf/hcl2json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OktaOrgClient } from '../../../src-main/okta/org-client';
import { renderTerraform } from '../../../src-main/report/terraform/render';
import type { TerraformSetup } from '../../../src-main/report/terraform/setup';
import { recordedOrgClient, serveRecorded } from '../../support/recorded-okta';
import { providerExample } from '../../support/terraform-provider-docs';

// Ids as the real orgs recorded them (terraform-provider-okta's cassettes, test/fixtures/okta-vcr).
const SAML_APP = '0oakwrj4p8zRhF0WU1d7';
const SCHEMA_APP = '0oauj9plkc70q0Hyp1d7';
const ASSIGN_APP = '0oauj96z2dGonI16R1d7';
const GROUP_APP = '0oauj8lxpakUbVDPF1d7';

type Body = Record<string, unknown>;
type Parsed = { resource?: Record<string, Record<string, Body[]>>; import?: Body[] };

let served: Awaited<ReturnType<typeof serveRecorded>>;
let okta: OktaOrgClient;

beforeAll(async () => {
  served = await serveRecorded({
    [`GET /api/v1/apps/${SAML_APP}`]: 'app-saml-read',
    [`GET /api/v1/meta/schemas/apps/${SCHEMA_APP}/default`]: 'app-user-schema-read',
    [`GET /api/v1/apps/${ASSIGN_APP}/users`]: 'app-users-list',
    [`GET /api/v1/apps/${GROUP_APP}/groups`]: 'app-groups-list',
  });
  okta = recordedOrgClient(served.url);
});
afterAll(() => served.close());

/** The real SAML app, with the real schema property, group and user assignments read through our client. */
async function recordedSetup(): Promise<TerraformSetup> {
  const app = await okta.getApp(SAML_APP);
  const schema = await okta.getAppUserSchema(SCHEMA_APP);
  const groups = await okta.listAppGroups(GROUP_APP).all();
  const users = await okta.listAppUsers(ASSIGN_APP).all();
  return {
    name: 'Recorded',
    client: 'recorded',
    vendor: 'Custom SAML',
    orgUrl: 'https://oie-00.okta.com',
    app: app!,
    catalog: false,
    role: { index: 'testIndex', property: schema.custom['testIndex']! },
    groups: groups.map((g) => ({ id: g.id, name: g.id, priority: g.priority, profile: g.profile })),
    people: users.map((u) => ({ id: u.id, userName: u.userName, profile: u.profile })),
    provisioning: undefined,
    provisioningInConsole: false,
    bookmark: undefined,
  };
}

async function resources(hcl: string, file = 'main.tf'): Promise<Parsed> {
  return (await parse(file, hcl)) as Parsed;
}

function only(parsed: Parsed, type: string): Body {
  const byName = parsed.resource?.[type] ?? {};
  const bodies = Object.values(byName).flat();
  expect(bodies).toHaveLength(1);
  return bodies[0]!;
}

describe('Terraform from real Okta answers, held against the provider’s own configurations', () => {
  it('sets every argument of the provider test that made the recorded SAML app, to the same value', async () => {
    const ours = only(
      await resources(renderTerraform([await recordedSetup()], { readAt: new Date(0) })),
      'okta_app_saml',
    );
    // updated.tf is the configuration terraform-provider-okta applied before recording this app.
    const theirs = only(await resources(providerExample('okta_app_saml-updated.tf')), 'okta_app_saml');
    for (const [key, value] of Object.entries(theirs)) {
      if (key === 'label') continue; // the test harness replaces the label with a random one
      expect.soft(ours[key], key).toEqual(key === 'attribute_statements' ? expectTypes(value) : value);
    }
    expect(ours['label']).toBe('testAcc_826687444');
    const extra = Object.keys(ours).filter((k) => !(k in theirs));
    // What we add is the app's state as read: Okta's defaults, which the provider reads the same.
    expect(extra.sort()).toEqual(['request_compressed', 'status', 'user_name_template', 'user_name_template_type']);
    expect([
      ours['request_compressed'],
      ours['status'],
      ours['user_name_template'],
      ours['user_name_template_type'],
    ]).toEqual([false, 'ACTIVE', '$${source.login}', 'BUILT_IN']);
  });

  it('writes the recorded role-like property as the provider test that made it did', async () => {
    const hcl = renderTerraform([await recordedSetup()], { readAt: new Date(0) });
    const ours = only(await resources(hcl), 'okta_app_user_schema_property');
    const theirs = only(
      await resources(providerExample('okta_app_user_schema_property-basic.tf')),
      'okta_app_user_schema_property',
    );
    expect(ours['app_id']).toBe('${okta_app_saml.recorded.id}');
    for (const key of ['index', 'title', 'type', 'description', 'min_length', 'max_length', 'enum', 'one_of'])
      expect.soft(ours[key], key).toEqual(theirs[key]);
    // The recorded answer carries no `master`, `permissions` or property-level `required`: what
    // Okta did not say is left out rather than guessed.
    expect(['master', 'permissions', 'required'].filter((k) => k in ours)).toEqual([]);
  });

  it('adopts the recorded group and user assignments with import blocks that name them', async () => {
    const parsed = await resources(renderTerraform([await recordedSetup()], { readAt: new Date(0) }));
    const groups = only(parsed, 'okta_app_group_assignments');
    expect(groups['group']).toEqual([
      { id: '00guj90kg96LqOIHe1d7', priority: 1 },
      { id: '00guj8zou7VWfrcSU1d7', priority: 2 },
      { id: '00guj8ne98IJOkphV1d7', priority: 3 },
    ]);
    const people = only(parsed, 'okta_app_user');
    expect(people['for_each']).toBe('${local.recorded_people}');
    expect(parsed.import).toEqual([
      { to: '${okta_app_saml.recorded}', id: SAML_APP },
      { to: '${okta_app_user_schema_property.recorded_testIndex}', id: `${SAML_APP}/testIndex` },
      { to: '${okta_app_group_assignments.recorded_groups}', id: SAML_APP },
      {
        for_each: '${local.recorded_people}',
        to: '${okta_app_user.recorded_people[each.key]}',
        id: `${SAML_APP}/\${each.value.user_id}`,
      },
    ]);
  });
});

/**
 * The provider's config leaves a statement's `type` and `namespace` at their defaults (EXPRESSION,
 * unspecified); we write what Okta read back, which is those defaults.
 */
function expectTypes(statements: unknown): unknown {
  return (statements as Body[]).map((s) => ({
    type: 'EXPRESSION',
    namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
    ...s,
  }));
}
