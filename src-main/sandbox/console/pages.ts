import { escapeXml as escapeHtml } from '../../saml/xml-escape';
import type { CatalogApp } from '../catalog';
import type { AppRecord } from '../model';

/** "slugName" → "Slug Name": how the console labels a catalog app's setting. */
export function settingLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
  <main>
${body}
  </main>
</body>
</html>`;
}

/** Applications > Browse App Catalog, listing the sandbox's catalog. */
export function catalogPage(catalog: readonly CatalogApp[]): string {
  const items = catalog
    .map(
      (c) =>
        `      <li><a href="/admin/app/${encodeURIComponent(c.name)}/instance/_new_/">${escapeHtml(c.displayName)}</a> <small>SAML 2.0</small></li>`,
    )
    .join('\n');
  return page(
    'Browse App Integration Catalog',
    `    <h1>Browse App Integration Catalog</h1>
    <ul id="catalog">
${items}
    </ul>`,
  );
}

export interface AddPageOptions {
  catalog: CatalogApp;
  values: Record<string, string>;
  errors: string[];
}

/** "Add {App}": the catalog app's General Settings with its required fields, and Done. */
export function addAppPage({ catalog, values, errors }: AddPageOptions): string {
  const field = (name: string, label: string, hint: string): string =>
    `      <p><label>${escapeHtml(label)} <input name="${escapeHtml(name)}" value="${escapeHtml(values[name] ?? '')}" required></label> <small>${escapeHtml(hint)}</small></p>`;
  const settings = Object.entries(catalog.requiredSettings)
    .map(([name, rule]) => field(name, settingLabel(name), `e.g. ${rule.example}`))
    .join('\n');
  const errorList =
    errors.length === 0
      ? ''
      : `    <div id="errors" role="alert"><ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></div>\n`;
  return page(
    `Add ${catalog.displayName}`,
    `    <h1>Add ${escapeHtml(catalog.displayName)}</h1>
${errorList}    <form method="post">
      <h2>General Settings</h2>
${field('label', 'Application label', 'The name users see on their dashboard.')}
${settings}
      <button type="submit" id="done">Done</button>
    </form>`,
  );
}

/** The app's page (General / Sign On), where the console lands after Done. */
export function appPage(app: AppRecord, baseUrl: string): string {
  const settingsApp = (app.body.settings as { app?: Record<string, unknown> } | undefined)?.app ?? {};
  const rows: [string, string, string][] = [
    ['app-id', 'App ID', app.id],
    ['app-name', 'App name', app.name],
    ['app-status', 'Status', app.status],
    ...Object.entries(settingsApp).map(([k, v]): [string, string, string] => [
      `setting-${k}`,
      settingLabel(k),
      String(v),
    ]),
    ['metadata-url', 'Metadata URL', `${baseUrl}/app/${app.entityKey}/sso/saml/metadata`],
  ];
  const list = rows
    .map(([id, dt, dd]) => `      <dt>${escapeHtml(dt)}</dt><dd id="${id}">${escapeHtml(dd)}</dd>`)
    .join('\n');
  const instance = `/admin/app/${encodeURIComponent(app.name)}/instance/${encodeURIComponent(app.id)}`;
  return page(
    app.label,
    `    <h1>${escapeHtml(app.label)}</h1>
    <nav aria-label="App tabs"><a href="#tab-general">General</a> <a href="#tab-user-management">Provisioning</a></nav>
    <section id="tab-general">
    <p>Back in the wizard, click Check Okta: it finds this app through the API.</p>
    <dl>
${list}
    </dl>
    </section>
    <script>${tabScript(`${instance}/provisioning`)}</script>`,
  );
}

/**
 * Okta's console is a script that picks the app's tab from the fragment (`#tab-user-management`,
 * `#tab-user-management/api-credentials`); a fragment never reaches a server, so this page's
 * script opens the sandbox's Provisioning tab page for it, keeping the fragment.
 */
function tabScript(provisioningPath: string): string {
  return `
      const provisioning = ${JSON.stringify(provisioningPath)};
      const showTab = () => {
        if (location.hash.startsWith('#tab-user-management')) location.replace(provisioning + location.hash);
      };
      showTab();
      addEventListener('hashchange', showTab);
    `;
}
