import { api } from './api/client';
import { useMain } from './api/use-main';
import { AddClient } from './components/AddClient';
import { AuditLog } from './components/AuditLog';
import { DriftAudit } from './components/DriftAudit';
import { ExportReport } from './components/ExportReport';
import { AllClients } from './certs/AllClients';
import {
  DeleteClient,
  DeleteIntegration,
  RenameClient,
  RenameIntegration,
  ResetPracticeOrg,
} from './components/ManageDialogs';
import { Connect } from './components/Connect';
import { Dialog } from './components/Dialog';
import { Header } from './components/Header';
import { IntegrationList } from './components/IntegrationList';
import { NewIntegration } from './components/NewIntegration';
import { ImportClient } from './components/ImportClient';
import { DuplicateIntegration, ImportPlan } from './components/PlanDialogs';
import { Toasts } from './components/Toasts';
import { useUi } from './state/ui';
import { Wizard } from './wizard/Wizard';

export function App() {
  const { clientId, integrationId, dialog, dialogTarget, closeDialog, openDialog } = useUi();
  const info = useMain(() => api.workspace.info({}), 'workspace');
  const clients = useMain(() => api.clients.list({}), 'clients');
  const vendors = useMain(() => api.vendors.list({}), 'vendors');
  const integrations = useMain(
    () => api.integrations.list(clientId ? { clientId } : {}),
    `integrations:${clientId ?? ''}`,
  );

  const clientList = clients.state === 'ready' ? clients.value : [];
  const client = clientList.find((c) => c.id === clientId);
  const integrationList =
    client && integrations.state === 'ready' ? integrations.value.filter((i) => i.clientId === client.id) : [];
  const integration = integrationList.find((i) => i.id === integrationId);
  const targeted = integrationList.find((i) => i.id === (dialogTarget ?? integrationId));
  const vendorList = vendors.state === 'ready' ? vendors.value : [];
  const vendor = integration ? vendorList.find((v) => v.id === integration.vendorId) : undefined;
  const workspace = info.state === 'ready' ? info.value : undefined;

  let body;
  if (clients.state === 'loading') {
    body = <p className="muted center">Loading…</p>;
  } else if (clients.state === 'failed') {
    body = (
      <div className="inline-error" role="alert">
        <strong>{clients.error.message}</strong> <span>{clients.error.hint}</span>
      </div>
    );
  } else if (clientList.length === 0) {
    body = (
      <section className="welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">Connect a vendor to Okta, step by step</h1>
        <p>
          The wizard does the Okta side of a vendor's SAML single sign-on and SCIM provisioning guide through Okta's
          API, shows what will change before it changes it, and checks every Okta step by reading it back. What only you
          can do at the vendor is shown as reported by you until a test login through the vendor proves it. Start with a
          client: the customer whose Okta org you are setting up.
        </p>
        <AddClient />
        <p>
          Or start from a client exported on another computer:{' '}
          <button type="button" onClick={() => openDialog('import-client')}>
            Import client
          </button>
        </p>
      </section>
    );
  } else if (!client) {
    body = <AllClients />;
  } else if (integration && vendor) {
    body = <Wizard vendor={vendor} integration={integration} />;
  } else {
    body = <IntegrationList client={client} integrations={integrationList} vendors={vendorList} />;
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header clients={clientList} integrations={integrationList} info={workspace} />
      {workspace?.setAside ? (
        <div className="banner banner-error" role="alert">
          The workspace file could not be read ({workspace.setAside.reason}). It was kept at{' '}
          {workspace.setAside.movedTo}; nothing in it was overwritten.
        </div>
      ) : null}
      {workspace?.secretsMoved ? (
        <div className="banner banner-info" role="status" aria-label="Secrets storage">
          {workspace.secretsMoved}
        </div>
      ) : null}
      <Toasts />
      <main id="main" tabIndex={-1}>
        {body}
      </main>
      {dialog === 'add-client' ? (
        <Dialog title="New client" onClose={closeDialog}>
          <AddClient onDone={closeDialog} />
        </Dialog>
      ) : null}
      {dialog === 'connect' && client ? (
        <Dialog title={`Sign in to ${client.name}'s Okta org`} onClose={closeDialog}>
          <Connect client={client} />
        </Dialog>
      ) : null}
      {dialog === 'rename-client' && client ? (
        <Dialog title={`Rename ${client.name}`} onClose={closeDialog}>
          <RenameClient client={client} onDone={closeDialog} />
        </Dialog>
      ) : null}
      {dialog === 'delete-client' && client ? (
        <Dialog title={`Delete ${client.name}?`} onClose={closeDialog}>
          <DeleteClient client={client} integrations={integrationList} onDone={closeDialog} />
        </Dialog>
      ) : null}
      {dialog === 'reset-practice-org' && client ? (
        <Dialog title={`Reset the practice org of ${client.name}?`} onClose={closeDialog}>
          <ResetPracticeOrg client={client} onDone={closeDialog} />
        </Dialog>
      ) : null}
      {dialog === 'rename-integration' && targeted ? (
        <Dialog title={`Rename ${targeted.label}`} onClose={closeDialog}>
          <RenameIntegration integration={targeted} onDone={closeDialog} />
        </Dialog>
      ) : null}
      {dialog === 'delete-integration' && targeted ? (
        <Dialog title={`Delete ${targeted.label}?`} onClose={closeDialog}>
          <DeleteIntegration integration={targeted} onDone={closeDialog} />
        </Dialog>
      ) : null}
      {dialog === 'audit-log' && targeted ? (
        <Dialog title={`Audit log: ${targeted.label}`} onClose={closeDialog}>
          <AuditLog integration={targeted} />
        </Dialog>
      ) : null}
      {dialog === 'import-plan' && client ? (
        <Dialog title={`Import a plan file for ${client.name}`} onClose={closeDialog}>
          <ImportPlan client={client} onDone={closeDialog} />
        </Dialog>
      ) : null}
      {dialog === 'duplicate-integration' && targeted ? (
        <Dialog title={`Copy ${targeted.label} to another client`} onClose={closeDialog}>
          <DuplicateIntegration integration={targeted} clients={clientList} onDone={closeDialog} />
        </Dialog>
      ) : null}
      {dialog === 'import-client' ? (
        <Dialog title="Import a client" onClose={closeDialog}>
          <ImportClient onDone={closeDialog} />
        </Dialog>
      ) : null}
      {dialog === 'drift-audit' ? (
        <Dialog
          title={targeted ? `Drift audit: ${targeted.label}` : "Drift audit: every client's integrations"}
          onClose={closeDialog}
        >
          <DriftAudit integrationId={targeted?.id} />
        </Dialog>
      ) : null}
      {dialog === 'export-report' && targeted ? (
        <Dialog title={`Export the ${targeted.label} report`} onClose={closeDialog}>
          <ExportReport target={{ kind: 'integration', integrationId: targeted.id }} />
        </Dialog>
      ) : null}
      {dialog === 'export-portfolio' ? (
        <Dialog title="Export the report of every client's integrations" onClose={closeDialog}>
          <ExportReport target={{ kind: 'portfolio' }} />
        </Dialog>
      ) : null}
      {dialog === 'add-integration' && client ? (
        <Dialog title={`New integration for ${client.name}`} onClose={closeDialog}>
          <NewIntegration clientId={client.id} vendors={vendorList} onDone={closeDialog} />
        </Dialog>
      ) : null}
    </div>
  );
}
