/** An app's provisioning configuration, as the Provisioning tab (custom apps) or `connections/default` (API apps) sets it. */
export interface ProvisioningSettings {
  /** How provisioning was switched on: the console form (custom apps) or the API connection (catalog apps). */
  source: 'console' | 'api';
  /** The API connection's ENABLED/DISABLED lifecycle; console connections are always enabled once saved. */
  connectionStatus: 'ENABLED' | 'DISABLED';
  baseUrl: string;
  /** SCIM attribute the exists-check filters on ("Unique identifier field for users"). */
  uniqueIdentifierField: string;
  supportedActions: SupportedActions;
  /** Authentication Mode = HTTP Header: Okta sends `Authorization: Bearer <token>`. */
  token: string;
  toApp: ToAppSettings;
}

export interface SupportedActions {
  importNewUsersAndProfileUpdates: boolean;
  pushNewUsers: boolean;
  pushProfileUpdates: boolean;
  pushGroups: boolean;
  importGroups: boolean;
}

/** The "To App" sections of the Provisioning tab. */
export interface ToAppSettings {
  createUsers: boolean;
  updateUserAttributes: boolean;
  deactivateUsers: boolean;
  syncPassword: boolean;
}

export const NO_TO_APP: ToAppSettings = {
  createUsers: false,
  updateUserAttributes: false,
  deactivateUsers: false,
  syncPassword: false,
};

/** What `app.features` shows once provisioning is on (read-only in the API, reflects the console). */
export function appFeatures(settings: ProvisioningSettings): string[] {
  const features: string[] = settings.source === 'console' ? ['SCIM_PROVISIONING'] : [];
  if (settings.supportedActions.importNewUsersAndProfileUpdates)
    features.push('IMPORT_NEW_USERS', 'IMPORT_PROFILE_UPDATES');
  if (settings.toApp.createUsers) features.push('PUSH_NEW_USERS');
  if (settings.toApp.updateUserAttributes) features.push('PUSH_PROFILE_UPDATES');
  if (settings.toApp.deactivateUsers) features.push('PUSH_USER_DEACTIVATION', 'REACTIVATE_USERS');
  if (settings.toApp.syncPassword) features.push('PUSH_PASSWORD_UPDATES');
  if (settings.supportedActions.pushGroups) features.push('GROUP_PUSH');
  return features;
}

const status = (on: boolean): { status: 'ENABLED' | 'DISABLED' } => ({ status: on ? 'ENABLED' : 'DISABLED' });

/** The USER_PROVISIONING app feature object (`/api/v1/apps/{id}/features`). */
export function userProvisioningFeature(
  orgUrl: string,
  appId: string,
  settings: ProvisioningSettings,
): Record<string, unknown> {
  return {
    name: 'USER_PROVISIONING',
    status: settings.connectionStatus,
    description: 'User provisioning settings from Okta to a downstream application',
    capabilities: {
      create: { lifecycleCreate: status(settings.toApp.createUsers) },
      update: {
        profile: status(settings.toApp.updateUserAttributes),
        lifecycleDeactivate: status(settings.toApp.deactivateUsers),
        password: { ...status(settings.toApp.syncPassword), seed: 'RANDOM', change: 'KEEP_EXISTING' },
      },
    },
    _links: {
      self: { href: `${orgUrl}/api/v1/apps/${appId}/features/USER_PROVISIONING`, hints: { allow: ['GET', 'PUT'] } },
    },
  };
}
