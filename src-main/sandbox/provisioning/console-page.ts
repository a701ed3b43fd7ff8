import { escapeXml as escapeHtml } from '../../saml/xml-escape';
import type { AppRecord } from '../model';
import { NO_TO_APP, type ProvisioningSettings, type SupportedActions, type ToAppSettings } from './settings';

/** What the admin typed on the Provisioning tab; the token stays as saved when left blank (Okta masks it). */
export interface ConsoleForm {
  scimEnabled: boolean;
  settings: ProvisioningSettings;
}

const ACTION_LABELS: Record<keyof SupportedActions, string> = {
  importNewUsersAndProfileUpdates: 'Import New Users and Profile Updates',
  pushNewUsers: 'Push New Users',
  pushProfileUpdates: 'Push Profile Updates',
  pushGroups: 'Push Groups',
  importGroups: 'Import Groups',
};

const TO_APP_LABELS: Record<keyof ToAppSettings, string> = {
  createUsers: 'Create Users',
  updateUserAttributes: 'Update User Attributes',
  deactivateUsers: 'Deactivate Users',
  syncPassword: 'Sync Password',
};

export function parseConsoleForm(form: URLSearchParams, saved: ProvisioningSettings | undefined): ConsoleForm {
  const on = (name: string): boolean => form.get(name) === 'on';
  const pick = <T extends object>(labels: Record<keyof T & string, string>): T =>
    Object.fromEntries(Object.keys(labels).map((name) => [name, on(name)])) as T;
  const token = (form.get('token') ?? '').trim();
  return {
    scimEnabled: on('scimEnabled'),
    settings: {
      source: 'console',
      connectionStatus: 'ENABLED',
      baseUrl: (form.get('baseUrl') ?? '').trim(),
      uniqueIdentifierField: (form.get('uniqueIdentifierField') ?? '').trim() || 'userName',
      supportedActions: pick<SupportedActions>(ACTION_LABELS),
      token: token === '' ? (saved?.token ?? '') : token,
      toApp: form.has('toAppSection') ? pick<ToAppSettings>(TO_APP_LABELS) : (saved?.toApp ?? NO_TO_APP),
    },
  };
}

export interface ConsolePageOptions {
  app: AppRecord;
  settings: ProvisioningSettings | undefined;
  /** The result line of "Test Connector Configuration" or of saving. */
  notice?: { ok: boolean; text: string; details?: string[] };
}

/** The sandbox's Provisioning tab (Okta: `/admin/app/{name}/instance/{id}/#tab-user-management`). */
export function consolePage({ app, settings, notice }: ConsolePageOptions): string {
  const checked = (on: boolean | undefined): string => (on === true ? ' checked' : '');
  const box = (name: string, label: string, on: boolean | undefined): string =>
    `<label><input type="checkbox" name="${name}"${checked(on)}> ${escapeHtml(label)}</label>`;
  const actions = (Object.keys(ACTION_LABELS) as Array<keyof SupportedActions>)
    .map((name) => box(name, ACTION_LABELS[name], settings?.supportedActions[name]))
    .join('<br>\n        ');
  const toApp = (Object.keys(TO_APP_LABELS) as Array<keyof ToAppSettings>)
    .map((name) => box(name, TO_APP_LABELS[name], settings?.toApp[name]))
    .join('<br>\n        ');
  const noticeHtml =
    notice === undefined
      ? ''
      : `<div id="notice" class="${notice.ok ? 'success' : 'error'}" role="status"><p>${escapeHtml(notice.text)}</p>${
          notice.details === undefined
            ? ''
            : `<ul>${notice.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>`
        }</div>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(app.label)} - Provisioning</title></head>
<body>
  <main>
    <h1>${escapeHtml(app.label)}</h1>
    <h2>Provisioning</h2>
    ${noticeHtml}
    <form method="post">
      <fieldset><legend>General: App Settings</legend>
        ${box('scimEnabled', 'Provisioning: SCIM', settings !== undefined)}
      </fieldset>
      <fieldset><legend>Settings: Integration</legend>
        <label>SCIM connector base URL <input name="baseUrl" type="url" value="${escapeHtml(settings?.baseUrl ?? '')}"></label><br>
        <label>Unique identifier field for users <input name="uniqueIdentifierField" value="${escapeHtml(settings?.uniqueIdentifierField ?? 'userName')}"></label><br>
        <p>Supported provisioning actions</p>
        ${actions}
        <br><label>Authentication Mode <select name="authMode"><option value="HEADER" selected>HTTP Header</option></select></label><br>
        <label>Authorization: Bearer <input name="token" type="password" autocomplete="off" placeholder="${settings?.token ? '••••••••' : ''}"></label>
      </fieldset>
      <fieldset><legend>Settings: To App</legend>
        <input type="hidden" name="toAppSection" value="1">
        ${toApp}
      </fieldset>
      <button type="submit" name="action" value="test" id="test-connector">Test Connector Configuration</button>
      <button type="submit" name="action" value="save" id="save">Save</button>
    </form>
  </main>
</body>
</html>`;
}

/** The ticks Okta shows next to a successful connector test: one per selected action. */
export function selectedActionLabels(actions: SupportedActions): string[] {
  return (Object.keys(ACTION_LABELS) as Array<keyof SupportedActions>)
    .filter((name) => actions[name])
    .map((name) => ACTION_LABELS[name]);
}
