import type { AppUserSchemaProperty, OktaApp, SamlAttributeStatement } from '../../okta/org-api';
import {
  attr,
  block,
  expr,
  map,
  obj,
  writeFile,
  value as hclValue,
  type HclItem,
  type HclObject,
  type HclValue,
} from './hcl';
import type { TerraformSetup } from './setup';

/**
 * The provider release whose documentation the arguments below were checked against
 * (test/fixtures/terraform-provider-okta). `~>` lets a team take its later 6.x releases.
 */
export const OKTA_PROVIDER = { source: 'okta/okta', version: '~> 6.12' } as const;
/** `import` blocks with `for_each` arrived in Terraform 1.7. */
export const TERRAFORM_VERSION = '>= 1.7.0';

type TopBlock = { comments?: string[]; item: HclItem };

export interface TerraformOptions {
  /** When the setups were read, for the file's header. */
  readAt: Date;
  /** Integrations left out because Okta has no app for them yet, named in the header. */
  notYetInOkta?: readonly string[];
}

/** One `.tf` file for the integrations given: the provider, each one's resources, and their imports. */
export function renderTerraform(setups: readonly TerraformSetup[], options: TerraformOptions): string {
  const blocks: TopBlock[] = [...header(setups, options)];
  const used = new Set<string>();
  for (const setup of setups) blocks.push(...integrationBlocks(setup, uniqueName(setup.name, used)));
  return writeFile(blocks);
}

function header(setups: readonly TerraformSetup[], options: TerraformOptions): TopBlock[] {
  const orgs = [...new Set(setups.map((s) => s.orgUrl))];
  if (orgs.length > 1) throw new Error('A Terraform file covers one Okta org; these integrations are in several.');
  const org = orgs[0];
  const comments = [
    `Made by Okta Onboarding Wizard from what ${org ?? 'the org'} held at ${options.readAt.toISOString()}.`,
    'Every object below already exists: the import blocks adopt them, so the first `terraform plan`',
    'shows imports and no change. No secret is written here: give the provider its API token',
    'through OKTA_API_TOKEN (or its OAuth key through the OKTA_* variables).',
    ...(options.notYetInOkta?.length
      ? [`Not here, since Okta has no app for them yet: ${options.notYetInOkta.join(', ')}.`]
      : []),
  ];
  const terraform = block(
    'terraform',
    [],
    [
      attr('required_version', TERRAFORM_VERSION),
      block(
        'required_providers',
        [],
        [
          map('okta', [
            ['source', OKTA_PROVIDER.source],
            ['version', OKTA_PROVIDER.version],
          ]),
        ],
      ),
    ],
  );
  const cloud = org ? oktaCloudAddress(org) : undefined;
  const provider: TopBlock = cloud
    ? { item: block('provider', ['okta'], [attr('org_name', cloud.orgName), attr('base_url', cloud.baseUrl)]) }
    : {
        comments: [
          `${org ?? 'This org'} is not an address in an Okta cloud domain (a practice org):`,
          'set org_name and base_url (or OKTA_ORG_NAME and OKTA_BASE_URL) for the real org.',
        ],
        item: block('provider', ['okta'], []),
      };
  return [{ comments, item: terraform }, provider];
}

/** `https://acme.okta.com` → org_name `acme`, base_url `okta.com`, as the provider takes them. */
export function oktaCloudAddress(orgUrl: string): { orgName: string; baseUrl: string } | undefined {
  const url = new URL(orgUrl);
  if (url.protocol !== 'https:' || url.port !== '') return undefined;
  const match = /^([a-z0-9-]+)\.((?:okta|oktapreview|okta-emea|okta-gov|okta-mil|trexcloud)\.com)$/i.exec(url.hostname);
  return match ? { orgName: match[1]!, baseUrl: match[2]! } : undefined;
}

/** A Terraform name from a label: `Mixpanel (EU)` → `mixpanel_eu`, unique within the file. */
export function uniqueName(label: string, used: Set<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'integration';
  const start = /^[a-z]/.test(base) ? base : `app_${base}`;
  let name = start;
  for (let n = 2; used.has(name); n++) name = `${start}_${n}`;
  used.add(name);
  return name;
}

function importBlock(to: string, id: string, forEach?: string): TopBlock {
  const body = forEach ? [attr('for_each', expr(forEach)), attr('to', expr(to)), attr('id', expr(id))] : [];
  return { item: block('import', [], forEach ? body : [attr('to', expr(to)), attr('id', id)]) };
}

function integrationBlocks(setup: TerraformSetup, name: string): TopBlock[] {
  const app = setup.app;
  const appRef = `okta_app_saml.${name}`;
  const blocks: TopBlock[] = [
    {
      comments: [
        `${setup.name}: ${setup.vendor} for the client "${setup.client}".`,
        ...(setup.provisioningInConsole
          ? [
              "Provisioning was set up in the Admin Console, where Okta's API cannot read it, so it is not in this file.",
            ]
          : []),
      ],
      item: block('resource', ['okta_app_saml', name], samlAppBody(app, setup.catalog)),
    },
    importBlock(appRef, app.id),
  ];
  if (setup.role) {
    const to = `okta_app_user_schema_property.${name}_${setup.role.index}`;
    blocks.push(
      {
        item: block(
          'resource',
          ['okta_app_user_schema_property', `${name}_${setup.role.index}`],
          roleBody(appRef, setup.role),
        ),
      },
      importBlock(to, `${app.id}/${setup.role.index}`),
    );
  }
  if (setup.groups.length > 0) {
    blocks.push(
      {
        comments: setup.groups.map((g) => `${g.id}: ${g.name}`),
        item: block(
          'resource',
          ['okta_app_group_assignments', `${name}_groups`],
          [
            attr('app_id', expr(`${appRef}.id`)),
            ...setup.groups.map((g) =>
              block(
                'group',
                [],
                [
                  attr('id', g.id),
                  ...(g.priority === undefined ? [] : [attr('priority', g.priority)]),
                  ...(Object.keys(g.profile).length > 0 ? [attr('profile', jsonencode(g.profile))] : []),
                ],
              ),
            ),
          ],
        ),
      },
      importBlock(`okta_app_group_assignments.${name}_groups`, app.id),
    );
  }
  if (setup.people.length > 0) blocks.push(...peopleBlocks(setup, name, appRef));
  if (setup.provisioning) {
    blocks.push(
      {
        item: block('resource', ['okta_app_features', `${name}_provisioning`], featureBody(appRef, setup.provisioning)),
      },
      importBlock(`okta_app_features.${name}_provisioning`, `${app.id}/${setup.provisioning.name}`),
    );
  }
  if (setup.bookmark) {
    blocks.push(
      { item: block('resource', ['okta_app_bookmark', `${name}_bookmark`], bookmarkBody(setup.bookmark)) },
      importBlock(`okta_app_bookmark.${name}_bookmark`, setup.bookmark.id),
    );
  }
  return blocks;
}

function samlAppBody(app: OktaApp, catalog: boolean): HclItem[] {
  const body: HclItem[] = [attr('label', app.label), attr('status', app.status)];
  if (catalog) {
    body.unshift(attr('preconfigured_app', app.name));
    const settings = app.settings.app ?? {};
    if (Object.keys(settings).length > 0) body.push(attr('app_settings_json', jsonencode(settings)));
    return body;
  }
  const signOn = app.settings.signOn ?? {};
  const optional: [string, unknown][] = [
    ['sso_url', signOn.ssoAcsUrl],
    ['recipient', signOn.recipient],
    ['destination', signOn.destination],
    ['audience', signOn.audience],
    ['subject_name_id_template', signOn.subjectNameIdTemplate],
    ['subject_name_id_format', signOn.subjectNameIdFormat],
    ['response_signed', signOn.responseSigned],
    ['assertion_signed', signOn.assertionSigned],
    ['signature_algorithm', signOn.signatureAlgorithm],
    ['digest_algorithm', signOn.digestAlgorithm],
    ['honor_force_authn', signOn.honorForceAuthn],
    ['authn_context_class_ref', signOn.authnContextClassRef],
    ['request_compressed', signOn.requestCompressed],
    ['default_relay_state', signOn.defaultRelayState || undefined],
  ];
  const acs = Array.isArray(signOn['acsEndpoints'])
    ? (signOn['acsEndpoints'] as { url?: unknown; index?: unknown }[])
    : [];
  if (signOn.allowMultipleAcsEndpoints && acs.length > 0)
    optional.push([
      'acs_endpoints',
      [...acs].sort((a, b) => Number(a.index) - Number(b.index)).map((e) => String(e.url)),
    ]);
  const template = userNameTemplate(app);
  if (template) optional.push(['user_name_template', template.template], ['user_name_template_type', template.type]);
  for (const [key, v] of optional) {
    if (typeof v === 'string' || typeof v === 'boolean' || Array.isArray(v)) body.push(attr(key, v as HclValue));
  }
  for (const statement of signOn.attributeStatements ?? []) body.push(statementBlock(statement));
  return body;
}

function userNameTemplate(app: OktaApp): { template: string; type: string | undefined } | undefined {
  const t = app.credentials?.['userNameTemplate'];
  if (typeof t !== 'object' || t === null) return undefined;
  const { template, type } = t as { template?: unknown; type?: unknown };
  return typeof template === 'string' ? { template, type: typeof type === 'string' ? type : undefined } : undefined;
}

function statementBlock(s: SamlAttributeStatement): HclItem {
  const body: HclItem[] = [attr('type', s.type), attr('name', s.name), attr('namespace', s.namespace)];
  if (s.type === 'GROUP') {
    if (s.filterType) body.push(attr('filter_type', s.filterType));
    if (s.filterValue !== undefined) body.push(attr('filter_value', s.filterValue));
  } else body.push(attr('values', s.values ?? []));
  return block('attribute_statements', [], body);
}

function roleBody(appRef: string, role: { index: string; property: AppUserSchemaProperty }): HclItem[] {
  const p = role.property;
  const body: HclItem[] = [
    attr('app_id', expr(`${appRef}.id`)),
    attr('index', role.index),
    attr('title', String(p.title ?? role.index)),
    attr('type', String(p.type ?? 'string')),
  ];
  if (typeof p.description === 'string') body.push(attr('description', p.description));
  if (Array.isArray(p.enum)) body.push(attr('enum', p.enum.map(String)));
  const master = (p.master as { type?: unknown } | undefined)?.type;
  if (typeof master === 'string') body.push(attr('master', master));
  if (typeof p.scope === 'string') body.push(attr('scope', p.scope));
  if (typeof p.minLength === 'number') body.push(attr('min_length', p.minLength));
  if (typeof p.maxLength === 'number') body.push(attr('max_length', p.maxLength));
  if (typeof p.required === 'boolean') body.push(attr('required', p.required));
  if (typeof p.externalName === 'string') body.push(attr('external_name', p.externalName));
  if (typeof p.externalNamespace === 'string') body.push(attr('external_namespace', p.externalNamespace));
  const permission = Array.isArray(p.permissions) ? (p.permissions[0] as { action?: unknown } | undefined) : undefined;
  if (typeof permission?.action === 'string') body.push(attr('permissions', permission.action));
  for (const one of Array.isArray(p.oneOf) ? (p.oneOf as { const?: unknown; title?: unknown }[]) : [])
    body.push(block('one_of', [], [attr('const', String(one.const)), attr('title', String(one.title))]));
  return body;
}

/** Direct assignments as one `for_each` resource: thousands of people stay one readable block. */
function peopleBlocks(setup: TerraformSetup, name: string, appRef: string): TopBlock[] {
  const local = `${name}_people`;
  const userNames = setup.people.map((p) => p.userName);
  const byUserName = userNames.every((u) => u !== undefined) && new Set(userNames).size === userNames.length;
  const entries = setup.people.map((p): [string, HclValue] => [
    byUserName ? p.userName! : p.id,
    obj({ user_id: p.id, profile: toHcl(p.profile) }),
  ]);
  const to = `okta_app_user.${local}[each.key]`;
  return [
    {
      comments: [`People assigned to ${setup.name} directly (people in its groups come with the groups).`],
      item: block('locals', [], [map(local, entries)]),
    },
    {
      item: block(
        'resource',
        ['okta_app_user', local],
        [
          attr('for_each', expr(`local.${local}`)),
          attr('app_id', expr(`${appRef}.id`)),
          attr('user_id', expr('each.value.user_id')),
          attr('profile', expr('jsonencode(each.value.profile)')),
        ],
      ),
    },
    importBlock(to, `"${setup.app.id}/\${each.value.user_id}"`, `local.${local}`),
  ];
}

function featureBody(appRef: string, feature: NonNullable<TerraformSetup['provisioning']>): HclItem[] {
  const c = feature.capabilities;
  const status = (s: { status: string } | undefined) => (s ? [attr('status', s.status)] : []);
  const update: HclItem[] = [];
  if (c.update?.lifecycleDeactivate)
    update.push(block('lifecycle_deactivate', [], status(c.update.lifecycleDeactivate)));
  if (c.update?.password) {
    const pw = c.update.password;
    update.push(
      block(
        'password',
        [],
        [
          ...(pw.change ? [attr('change', pw.change)] : []),
          ...(pw.seed ? [attr('seed', pw.seed)] : []),
          attr('status', pw.status),
        ],
      ),
    );
  }
  if (c.update?.profile) update.push(block('profile', [], status(c.update.profile)));
  const capabilities: HclItem[] = [];
  if (c.create)
    capabilities.push(block('create', [], [block('lifecycle_create', [], status(c.create.lifecycleCreate))]));
  if (update.length > 0) capabilities.push(block('update', [], update));
  return [
    attr('app_id', expr(`${appRef}.id`)),
    attr('name', feature.name),
    attr('status', feature.status),
    ...(capabilities.length > 0 ? [block('capabilities', [], capabilities)] : []),
  ];
}

function bookmarkBody(bookmark: OktaApp): HclItem[] {
  const settings = bookmark.settings.app ?? {};
  const body: HclItem[] = [attr('label', bookmark.label)];
  if (typeof settings['url'] === 'string') body.push(attr('url', settings['url']));
  if (typeof settings['requestIntegration'] === 'boolean')
    body.push(attr('request_integration', settings['requestIntegration']));
  body.push(attr('status', bookmark.status));
  return body;
}

function jsonencode(value: Record<string, unknown>): HclValue {
  return expr(`jsonencode(${hclValue(toHcl(value))})`);
}

/** JSON as read from Okta, as an HCL value; nulls are left out (Okta reads them as "not set"). */
function toHcl(value: Record<string, unknown>): HclObject {
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  return obj(Object.fromEntries(entries.map(([k, v]) => [k, jsonValue(v)])));
}

function jsonValue(v: unknown): HclValue {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(jsonValue);
  if (typeof v === 'object' && v !== null) return toHcl(v as Record<string, unknown>);
  throw new Error(`A profile value of type ${typeof v} cannot be written to Terraform.`);
}
