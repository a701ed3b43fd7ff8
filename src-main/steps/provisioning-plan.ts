import {
  PROOF_BLOCKED_FIELD,
  TOKEN_FIELD,
  type ProvisioningInput,
  type ProvisioningObserved,
} from '../api/step-provisioning';
import type { Change, Check } from '../api/steps';
import type { VendorProfile } from '../vendors/profile';

export const ChangeId = {
  connection: 'provisioning-connection',
  features: 'provisioning-features',
  consoleEnable: 'provisioning-console-enable',
  consoleIntegration: 'provisioning-console-integration',
  consoleToApp: 'provisioning-console-to-app',
  endToEnd: 'provisioning-end-to-end',
} as const;

/** What Okta's `app.features` shows once the Provisioning tab's To App sections are on. */
export const TO_APP_FEATURES = [
  { feature: 'PUSH_NEW_USERS', label: 'Create Users' },
  { feature: 'PUSH_PROFILE_UPDATES', label: 'Update User Attributes' },
  { feature: 'PUSH_USER_DEACTIVATION', label: 'Deactivate Users' },
] as const;

export function endToEndPassed(observed: ProvisioningObserved): boolean {
  return observed.endToEndCurrent && observed.endToEnd?.passed === true;
}

/** Every value of the Provisioning tab's Integration section, in the order Okta's form asks for them. */
export function integrationValues(
  observed: Pick<ProvisioningObserved, 'scimBaseUrl'>,
  profile: VendorProfile,
): Change['details'] {
  const unique = profile.scim?.userNameAttribute ?? 'userName';
  return [
    { field: 'SCIM connector base URL', to: observed.scimBaseUrl },
    { field: 'Unique identifier field for users', to: unique },
    { field: 'Supported provisioning actions', to: 'Push New Users, Push Profile Updates' },
    { field: 'Authentication Mode', to: profile.scim?.authMode ?? 'HTTP Header' },
    { field: TOKEN_FIELD, to: `the SCIM bearer token from ${profile.name} (the one the SCIM step checked)` },
  ];
}

function missingToApp(observed: ProvisioningObserved): string[] {
  return TO_APP_FEATURES.filter((f) => !observed.appFeatures.includes(f.feature)).map((f) => f.label);
}

/** A setting the proof depends on, seen switched off in Okta. */
export interface ProofBlocker {
  setting: 'Create Users' | 'Deactivate Users';
  /** The leg of the proof that cannot pass without it. */
  leg: string;
}

const PROOF_NEEDS = [
  { setting: 'Create Users', feature: 'PUSH_NEW_USERS', leg: 'push the test user to the vendor' },
  { setting: 'Deactivate Users', feature: 'PUSH_USER_DEACTIVATION', leg: 'deactivate the test user at the vendor' },
] as const;

/**
 * Pure: the settings the end-to-end proof needs that Okta shows switched off, so the proof is
 * refused up front instead of waiting out its timeout. On the API path, `enablingFeatures` says this
 * apply turns the features on first. Update User Attributes is not listed: the proof never updates.
 */
export function proofBlockers(observed: ProvisioningObserved, enablingFeatures: boolean): ProofBlocker[] {
  if (observed.path === 'console') {
    // Without SCIM provisioning at all, the To App sections are not there to read; PROVISIONING_NOT_ON says that.
    if (!observed.appFeatures.includes('SCIM_PROVISIONING')) return [];
    return PROOF_NEEDS.filter((n) => !observed.appFeatures.includes(n.feature)).map(({ setting, leg }) => ({
      setting,
      leg,
    }));
  }
  if (enablingFeatures) return [];
  const now = {
    'Create Users': observed.userProvisioning?.create,
    'Deactivate Users': observed.userProvisioning?.deactivate,
  };
  return PROOF_NEEDS.filter((n) => now[n.setting] !== 'ENABLED').map(({ setting, leg }) => ({ setting, leg }));
}

/** The sentence that names what is off and what Okta therefore cannot do. */
export function proofBlockedText(blockers: ProofBlocker[], appLabel: string): string {
  const settings = blockers.map((b) => b.setting).join(' and ');
  const legs = blockers.map((b) => b.leg).join(' or ');
  return `${settings} ${blockers.length === 1 ? 'is' : 'are'} switched off for ${appLabel} in Okta, so Okta would not ${legs}, and the end-to-end test could only wait out its time and fail.`;
}

function apiChanges(observed: ProvisioningObserved): Change[] {
  const changes: Change[] = [];
  const target = `Okta app "${observed.app.label}" provisioning`;
  const connection = observed.connection;
  // Okta never shows the token back, so a token changed in the SCIM step is sent again.
  if (connection?.status !== 'ENABLED' || connection.baseUrl !== observed.scimBaseUrl || observed.tokenChanged) {
    changes.push({
      id: ChangeId.connection,
      kind: connection?.status === 'ENABLED' ? 'update' : 'create',
      target,
      summary: `Set the provisioning connection: token authentication with the SCIM token, base URL ${observed.scimBaseUrl}, enabled`,
      details: [
        {
          field: 'Authentication',
          ...(connection ? { from: connection.authScheme } : {}),
          to: "TOKEN (the SCIM step's token, sent by main only)",
        },
        { field: 'Base URL', ...(connection?.baseUrl ? { from: connection.baseUrl } : {}), to: observed.scimBaseUrl },
        { field: 'Status', ...(connection ? { from: connection.status } : {}), to: 'ENABLED' },
        ...(observed.tokenChanged
          ? [{ field: 'Token', from: 'the token of the last test', to: 'the new SCIM token' }]
          : []),
      ],
    });
  }
  const feature = observed.userProvisioning;
  const wanted = [
    { field: 'Create Users', now: feature?.create },
    { field: 'Update User Attributes', now: feature?.updateProfile },
    { field: 'Deactivate Users', now: feature?.deactivate },
  ].filter((f) => f.now !== 'ENABLED');
  if (wanted.length > 0) {
    changes.push({
      id: ChangeId.features,
      kind: 'update',
      target,
      summary: `Turn on ${wanted.map((f) => f.field).join(', ')}`,
      details: wanted.map((f) => ({ field: f.field, ...(f.now ? { from: f.now } : {}), to: 'ENABLED' })),
    });
  }
  return changes;
}

function consoleChanges(observed: ProvisioningObserved, profile: VendorProfile): Change[] {
  const changes: Change[] = [];
  const target = `Okta Admin Console: ${observed.app.label}`;
  if (!observed.appFeatures.includes('SCIM_PROVISIONING')) {
    changes.push({
      id: ChangeId.consoleEnable,
      kind: 'manual',
      target,
      summary: 'Switch provisioning on: General tab > App Settings > Edit > Provisioning: SCIM > Save',
      details: [{ field: 'Provisioning', to: 'SCIM' }],
    });
  }
  // The API cannot read the base URL or token back, so only a passing end-to-end test settles them.
  if (!endToEndPassed(observed)) {
    changes.push({
      id: ChangeId.consoleIntegration,
      kind: 'manual',
      target,
      summary: 'Provisioning tab > Integration > Edit: enter these values, Test Connector Configuration, Save',
      details: integrationValues(observed, profile),
    });
  }
  const missing = missingToApp(observed);
  if (missing.length > 0) {
    changes.push({
      id: ChangeId.consoleToApp,
      kind: 'manual',
      target,
      summary: `Provisioning tab > To App > Edit: enable ${missing.join(', ')} > Save`,
      details: missing.map((label) => ({ field: label, to: 'Enable' })),
    });
  }
  return changes;
}

function blockedDetail(observed: ProvisioningObserved, changes: Change[]): Change['details'] {
  const blockers = proofBlockers(
    observed,
    changes.some((c) => c.id === ChangeId.features),
  );
  if (blockers.length === 0) return [];
  const settings = blockers.map((b) => b.setting).join(' and ');
  return [
    {
      field: PROOF_BLOCKED_FIELD,
      to: `${settings} ${blockers.length === 1 ? 'is' : 'are'} enabled on the Provisioning tab > To App`,
    },
  ];
}

/** Pure: the writes (API path) or console work (console path), then the end-to-end proof. */
export function planProvisioning(
  input: ProvisioningInput,
  observed: ProvisioningObserved,
  profile: VendorProfile,
): Change[] {
  const changes = observed.path === 'api' ? apiChanges(observed) : consoleChanges(observed, profile);
  if (!endToEndPassed(observed)) {
    const who = input.testUser ? `test user ${input.testUser}` : 'a test user (choose one above)';
    changes.push({
      id: ChangeId.endToEnd,
      kind: 'send',
      target: `Okta app "${observed.app.label}" and ${observed.scimBaseUrl}`,
      summary: `Assign ${who}, wait up to ${input.waitSeconds} s for it at the vendor's SCIM endpoint, then unassign it and see it deactivated`,
      details: [
        { field: 'Assign', to: input.testUser ?? 'not chosen yet' },
        ...(observed.roleAttribute
          ? [{ field: 'Role', to: input.testRole || observed.roleAttribute.values[0] || 'none' }]
          : []),
        {
          field: 'Expect at the vendor',
          to: `userName, name, email, externalId = the Okta user id${observed.roleAttribute ? ', role' : ''}; then active: false`,
        },
        ...blockedDetail(observed, changes),
      ],
    });
  }
  return changes;
}

/** Pure: read-back checks from what inspect saw and the recorded end-to-end run. */
export function provisioningChecks(observed: ProvisioningObserved): Check[] {
  const checks: Check[] = [];
  if (observed.path === 'api') {
    const c = observed.connection;
    const connected = c?.status === 'ENABLED' && c.baseUrl === observed.scimBaseUrl;
    checks.push({
      id: 'provisioning-connection',
      label: 'Provisioning connection',
      status: connected ? 'pass' : 'fail',
      detail: connected
        ? `Enabled, token authentication, base URL ${observed.scimBaseUrl}.`
        : `Okta shows status ${c?.status ?? 'none'}${c?.baseUrl ? ` and base URL ${c.baseUrl}` : ''}; expected ENABLED with ${observed.scimBaseUrl}.`,
      evidence: JSON.stringify(c ?? null),
    });
    const f = observed.userProvisioning;
    const off = [
      ['Create Users', f?.create],
      ['Update User Attributes', f?.updateProfile],
      ['Deactivate Users', f?.deactivate],
    ]
      .filter(([, s]) => s !== 'ENABLED')
      .map(([l]) => l);
    checks.push({
      id: 'provisioning-features',
      label: 'Create, update and deactivate users',
      status: off.length === 0 ? 'pass' : 'fail',
      detail:
        off.length === 0
          ? 'USER_PROVISIONING has create, profile update and deactivation enabled.'
          : `Not enabled: ${off.join(', ')}.`,
      evidence: JSON.stringify(f ?? null),
    });
  } else {
    const missing = [
      ...(observed.appFeatures.includes('SCIM_PROVISIONING') ? [] : ['Provisioning: SCIM']),
      ...missingToApp(observed),
    ];
    checks.push({
      id: 'provisioning-console',
      label: 'Provisioning switched on in the console',
      status: missing.length === 0 ? 'pass' : 'fail',
      detail:
        missing.length === 0
          ? "Okta's app features show SCIM provisioning with Create Users, Update User Attributes and Deactivate Users."
          : `Okta's app features do not show: ${missing.join(', ')}. Save them on the app's Provisioning tab.`,
      evidence: `features: ${JSON.stringify(observed.appFeatures)}`,
    });
  }
  if (observed.endToEnd !== undefined && observed.endToEndCurrent) {
    checks.push(...observed.endToEnd.checks);
  } else {
    checks.push({
      id: 'provisioning-e2e',
      label: 'End-to-end test',
      status: 'fail',
      detail: `No end-to-end test has run against ${observed.scimBaseUrl} for this app yet. Apply to assign a test user and watch it arrive.`,
    });
  }
  return checks;
}
