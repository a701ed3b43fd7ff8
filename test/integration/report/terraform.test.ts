import { format } from '@cdktf/hcl-tools';
import { parse } from '@cdktf/hcl2json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorId } from '../../../src-main/api/model';
import type { ConfigReport } from '../../../src-main/report/model';
import { terraformOf } from '../../../src-main/report/terraform/from-report';
import { documentedArguments } from '../../support/terraform-provider-docs';
import { reportedSetup, type ReportedSetup } from './setup';

type Body = Record<string, unknown>;
type Parsed = { resource: Record<string, Record<string, Body[]>>; import: Body[] };

const READ_AT = new Date('2026-11-27T12:00:00.000Z');

/** What each vendor's setup leaves in the practice org, by Terraform resource type. */
const EXPECTED_TYPES: Record<Exclude<VendorId, 'custom-saml'>, string[]> = {
  millie: ['okta_app_group_assignments', 'okta_app_saml'],
  // Mixpanel's catalog app takes its SCIM connection through the API, so its features are readable.
  mixpanel: ['okta_app_features', 'okta_app_group_assignments', 'okta_app_saml'],
  // Courier's custom app gets provisioning in the Admin Console: Okta's API does not show it.
  courier: ['okta_app_bookmark', 'okta_app_group_assignments', 'okta_app_saml', 'okta_app_user_schema_property'],
};

describe.each(['millie', 'mixpanel', 'courier'] as const)(
  'Terraform for a %s integration set up against the practice org',
  (vendor) => {
    let setup: ReportedSetup;
    let report: ConfigReport;
    let hcl: string;
    let parsed: Parsed;
    beforeAll(async () => {
      setup = await reportedSetup(vendor);
      report = await setup.build();
      hcl = await terraformOf(await setup.h.connect(setup.h.client), [report], READ_AT);
      parsed = (await parse('main.tf', hcl)) as Parsed;
    }, 300_000);
    afterAll(async () => {
      await setup?.scim.close();
    });

    it('is laid out as terraform fmt lays it out, and uses only documented resources and arguments', async () => {
      expect(await format(hcl)).toBe(hcl);
      expect(Object.keys(parsed.resource).sort()).toEqual(EXPECTED_TYPES[vendor]);
      for (const [type, byName] of Object.entries(parsed.resource)) {
        const documented = documentedArguments(type);
        for (const body of Object.values(byName).flat()) {
          const names = Object.keys(body).filter((k) => k !== 'for_each');
          expect
            .soft(
              names.filter((n) => !documented.all.has(n)),
              type,
            )
            .toEqual([]);
          expect
            .soft(
              [...documented.required].filter((n) => !(n in body)),
              type,
            )
            .toEqual([]);
        }
      }
    });

    it('adopts exactly the objects the wizard made, by the ids Okta gave them', async () => {
      const facts = (await setup.h.current()).facts;
      const imported = Object.fromEntries(
        parsed.import.map((i) => [String(i['to']).replace(/^\$\{|\}$/g, ''), i['id']]),
      );
      const name = Object.keys(parsed.resource['okta_app_saml']!)[0]!;
      expect(imported[`okta_app_saml.${name}`]).toBe(facts.appId);
      expect(imported[`okta_app_bookmark.${name}_bookmark`]).toBe(facts.bookmarkAppId);
      expect(imported[`okta_app_features.${name}_provisioning`]).toBe(
        vendor === 'mixpanel' ? `${facts.appId}/USER_PROVISIONING` : undefined,
      );
      expect(imported[`okta_app_group_assignments.${name}_groups`]).toBe(facts.appId);
      const groups = parsed.resource['okta_app_group_assignments']![`${name}_groups`]![0]!['group'] as Body[];
      expect(groups.map((g) => g['id']).sort()).toEqual(report.assignments!.groups.map((g) => g.id).sort());
      if (vendor === 'courier') {
        expect(imported[`okta_app_user_schema_property.${name}_role`]).toBe(`${facts.appId}/role`);
        expect(hcl).toContain(
          "# Provisioning was set up in the Admin Console, where Okta's API cannot read it, so it is not in this file.\n",
        );
        const role = parsed.resource['okta_app_user_schema_property']![`${name}_role`]![0]!;
        expect(role['enum']).toEqual(report.role!.values.map((v) => v.value));
        expect(groups.map((g) => g['profile']).sort()).toEqual(
          report.assignments!.groups.map((g) => `\${jsonencode({ role = "${g.profile['role']}" })}`).sort(),
        );
      }
    });

    it('sets the app as the report read it', () => {
      const app = Object.values(parsed.resource['okta_app_saml']!)[0]![0]!;
      expect(app['label']).toBe(report.app!.label);
      if (report.app!.mode === 'catalog') {
        expect(app['preconfigured_app']).toBe(report.app!.name);
        return;
      }
      expect([app['sso_url'], app['audience'], app['response_signed'], app['assertion_signed']]).toEqual([
        report.app!.sso.ssoAcsUrl,
        report.app!.sso.audience,
        report.app!.sso.responseSigned,
        report.app!.sso.assertionSigned,
      ]);
      const statements = (app['attribute_statements'] as Body[]).map((s) => s['name']).sort();
      expect(statements).toEqual(report.app!.attributeStatements.map((s) => s.name).sort());
    });

    it('holds no secret', () => {
      expect(hcl).not.toContain(setup.h.org.apiToken);
      expect(hcl).not.toContain('vendor-scim-token-report-7c2');
      expect(hcl).not.toMatch(/PRIVATE KEY/);
    });
  },
);
