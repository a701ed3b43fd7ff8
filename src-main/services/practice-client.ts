import type { Client } from '../api/model';
import type { SecretStore } from '../workspace/secrets';
import type { Workspace } from '../workspace/workspace';
import type { PracticeOrg } from './practice-org';

/** A practice client's org URL until its org has started (its port changes with every launch). */
const PRACTICE_ORG_PLACEHOLDER = 'http://127.0.0.1';

/** A client on its own practice org, started now, with the org's admin token in the secret store. */
export async function addPracticeClient(
  deps: { workspace: Workspace; practiceOrg: PracticeOrg; secrets: SecretStore },
  name: string,
): Promise<Client> {
  const added = await deps.workspace.addClient({
    name,
    orgUrl: PRACTICE_ORG_PLACEHOLDER,
    sandbox: true,
    auth: { method: 'api-token' },
  });
  // Each practice client gets its own org, so one client's apps never show up in another's.
  const org = await deps.practiceOrg.ensureStarted(added.id);
  await deps.secrets.set(added.id, 'api-token', org.apiToken);
  return deps.workspace.updateClient(added.id, (client) => {
    client.orgUrl = org.url;
  });
}
