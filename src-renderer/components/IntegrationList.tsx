import type { Client, Integration, VendorSummary } from '../../src-main/api';
import { useUi } from '../state/ui';
import { NewIntegration } from './NewIntegration';

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
  if (integrations.length === 0) {
    return (
      <section className="overview" aria-labelledby="overview-title">
        <h1 id="overview-title">Which vendor are you connecting to {client.name}?</h1>
        <NewIntegration clientId={client.id} vendors={vendors} />
      </section>
    );
  }
  return (
    <section className="overview" aria-labelledby="overview-title">
      <h1 id="overview-title">{client.name}</h1>
      <ul className="integration-list">
        {integrations.map((i) => {
          const steps = Object.values(i.steps);
          const verified = steps.filter((s) => s.status === 'verified').length;
          const failed = steps.filter((s) => s.status === 'failed').length;
          return (
            <li key={i.id}>
              <button type="button" className="integration-card" onClick={() => selectIntegration(i.id)}>
                <strong>{i.label}</strong>
                <span>{vendors.find((v) => v.id === i.vendorId)?.name}</span>
                <progress
                  max={steps.length}
                  value={verified}
                  aria-label={`${verified} of ${steps.length} steps verified`}
                />
                <span>
                  {verified} of {steps.length} verified{failed ? ` · ${failed} failed` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
