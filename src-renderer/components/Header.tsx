import type { Client, Integration, WorkspaceInfo } from '../../src-main/api';
import { ClientSwitcher } from '../certs/ClientSwitcher';
import { useUi } from '../state/ui';

/** Current client and integration, always visible; switching is one keystroke away (Alt+C / Alt+I). */
export function Header({
  clients,
  integrations,
  info,
}: {
  clients: Client[];
  integrations: Integration[];
  info: WorkspaceInfo | undefined;
}) {
  const { clientId, integrationId, selectClient, selectIntegration, openDialog } = useUi();
  const client = clients.find((c) => c.id === clientId);
  const integration = integrations.find((i) => i.id === integrationId);
  // The header cuts long names with an ellipsis; the whole name is always one hover away.
  const clientTitle = client ? `${client.name}${client.sandbox ? ' (practice org)' : ''}` : 'All clients';
  const orgTitle = client
    ? client.sandbox
      ? `Practice org on this machine: ${client.orgUrl}`
      : `Okta org: ${client.orgUrl}`
    : '';
  return (
    <header className="app-header">
      <div className="brand" aria-label="Okta Onboarding Wizard">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span className="brand-name">Onboarding Wizard</span>
      </div>
      {clients.length > 0 ? (
        <nav className="context" aria-label="Client and integration">
          <label className="context-item">
            <span>Client</span>
            <select
              accessKey="c"
              title={clientTitle}
              value={clientId ?? ''}
              onChange={(e) => selectClient(e.target.value || undefined)}
            >
              <option value="">All clients</option>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.sandbox && !/practice/i.test(c.name) ? ' (practice)' : ''}
                </option>
              ))}
            </select>
          </label>
          <ClientSwitcher clients={clients} />
          {client ? (
            <label className="context-item">
              <span>Integration</span>
              <select
                accessKey="i"
                title={integration?.label ?? 'Overview'}
                value={integrationId ?? ''}
                onChange={(e) => selectIntegration(e.target.value || undefined)}
              >
                <option value="">Overview</option>
                {integrations.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {client ? (
            <span className="org-url" title={orgTitle}>
              {/* The host is what tells orgs apart; "https://" only takes the room it needs. */}
              {client.sandbox ? 'Practice org on this machine' : client.orgUrl.replace(/^https:\/\//, '')}
            </span>
          ) : null}
          {client && !client.sandbox ? (
            <button
              type="button"
              className={client.auth.method === 'none' ? 'attention' : ''}
              onClick={() => openDialog('connect')}
            >
              {client.auth.method === 'none' ? 'Sign in to Okta' : 'Okta connection'}
            </button>
          ) : null}
        </nav>
      ) : null}
      <div className="header-actions">
        {info?.mode === 'browser' ? (
          <span className="badge" title={info.secretWarning}>
            Browser mode
          </span>
        ) : null}
        {clients.length > 0 ? (
          <>
            <button type="button" onClick={() => openDialog('add-client')}>
              New client
            </button>
            <button type="button" onClick={() => openDialog('import-client')}>
              Import client
            </button>
            {client ? (
              <button type="button" onClick={() => openDialog('add-integration')}>
                New integration
              </button>
            ) : null}
          </>
        ) : null}
      </div>
    </header>
  );
}
