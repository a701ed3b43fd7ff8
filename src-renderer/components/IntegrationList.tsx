import { useState } from 'react';
import { integrationProgress, type Client, type Integration, type VendorSummary } from '../../src-main/api';
import { api } from '../api/client';
import { useUi } from '../state/ui';
import { useNow, When } from '../wizard/when';
import { NewIntegration } from './NewIntegration';
import { ExportClientButton, SavePlanButton } from './PlanDialogs';
import '../wizard/status.css';
import './manage.css';

/** Rename, reset (practice orgs only) and delete: each opens a dialog that says what it changes. */
function ClientActions({ client }: { client: Client }) {
  const openDialog = useUi((s) => s.openDialog);
  return (
    <>
      <button type="button" onClick={() => openDialog('import-plan')}>
        Import plan file
      </button>
      <ExportClientButton client={client} />
      <button type="button" onClick={() => openDialog('rename-client')}>
        Rename client
      </button>
      {client.sandbox ? (
        <button type="button" onClick={() => openDialog('reset-practice-org')}>
          Reset practice org
        </button>
      ) : null}
      <button type="button" onClick={() => openDialog('delete-client')}>
        Delete client
      </button>
    </>
  );
}

/** The oldest read-back among the verified steps: "verified" is only as fresh as its stalest step. */
function oldestVerification(integration: Integration): string | undefined {
  const times = Object.values(integration.steps)
    .filter((s) => s.status === 'verified' && s.verifiedAt)
    .map((s) => s.verifiedAt!)
    .sort();
  return times[0];
}

/** A client's integrations with their progress, or the vendor picker when there are none. */
export function IntegrationList({
  client,
  integrations,
  vendors,
}: {
  client: Client;
  integrations: Integration[];
  vendors: VendorSummary[];
}) {
  const selectIntegration = useUi((s) => s.selectIntegration);
  const openDialog = useUi((s) => s.openDialog);
  const dataChanged = useUi((s) => s.dataChanged);
  const now = useNow();
  const [verifying, setVerifying] = useState<string | undefined>(undefined);
  async function verifyAll() {
    for (const integration of integrations) {
      setVerifying(`Re-checking ${integration.label} against Okta (read-only calls)…`);
      await api.integrations.verifyAll({ integrationId: integration.id });
      dataChanged();
    }
    setVerifying(undefined);
  }
  if (integrations.length === 0) {
    return (
      <section className="overview" aria-labelledby="overview-title">
        <div className="overview-header">
          <h1 id="overview-title">Which vendor are you connecting to {client.name}?</h1>
          <div className="overview-actions">
            <ClientActions client={client} />
          </div>
        </div>
        <NewIntegration clientId={client.id} vendors={vendors} />
      </section>
    );
  }
  return (
    <section className="overview" aria-labelledby="overview-title">
      <div className="overview-header">
        <h1 id="overview-title">{client.name}</h1>
        <div className="overview-actions">
          <button type="button" disabled={verifying !== undefined} onClick={() => void verifyAll()}>
            {verifying ? 'Verifying…' : 'Verify all'}
          </button>
          <button type="button" onClick={() => openDialog('drift-audit')}>
            Audit all clients
          </button>
          <button type="button" onClick={() => openDialog('export-portfolio')}>
            Export portfolio
          </button>
          <ClientActions client={client} />
        </div>
      </div>
      <p role="status" aria-live="polite" className="integration-when">
        {verifying ?? ''}
      </p>
      <ul className="integration-list">
        {integrations.map((i) => {
          const progress = integrationProgress(i, vendors.find((v) => v.id === i.vendorId)?.steps ?? []);
          const oldest = oldestVerification(i);
          return (
            <li key={i.id}>
              <button type="button" className="integration-card" onClick={() => selectIntegration(i.id)}>
                <strong>{i.label}</strong>
                <span>{vendors.find((v) => v.id === i.vendorId)?.name}</span>
                <progress max={progress.required} value={progress.requiredVerified} aria-label={progress.text} />
                <span data-testid="integration-progress">{progress.text}</span>
                <span className="integration-when" data-testid="integration-when">
                  {oldest ? (
                    <>
                      Last verified <When iso={oldest} now={now} />
                    </>
                  ) : (
                    'Not verified yet'
                  )}
                </span>
              </button>
              <div className="card-actions" aria-label={`${i.label} actions`} role="group">
                <button type="button" onClick={() => openDialog('drift-audit', i.id)}>
                  Audit
                </button>
                <button type="button" onClick={() => openDialog('audit-log', i.id)}>
                  Audit log
                </button>
                <SavePlanButton integration={i} />
                <button type="button" onClick={() => openDialog('duplicate-integration', i.id)}>
                  Copy to another client
                </button>
                <button type="button" onClick={() => openDialog('export-report', i.id)}>
                  Export
                </button>
                <button type="button" onClick={() => openDialog('rename-integration', i.id)}>
                  Rename
                </button>
                <button type="button" onClick={() => openDialog('delete-integration', i.id)}>
                  Delete
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
