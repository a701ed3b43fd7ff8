import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import type { SandboxOrg } from '../sandbox/server';
import type { OrgData } from '../sandbox/state';
import type { SeededIdentities } from '../sandbox/seed';
import { writeFileAtomic } from '../workspace/atomic-file';
import { idFileName } from '../workspace/id-file-name';

/**
 * The built-in sandbox orgs that practice clients run against: one per client, so two practice
 * clients never see each other's apps. Each starts on first use, on 127.0.0.1 with a random port,
 * and keeps its state in the data folder, so practice work is still there after a restart.
 */
export interface PracticeOrg {
  /** URLs of the practice orgs running now (their console pages open like a real org's). */
  urls(): string[];
  /** The client's practice org, started (from its saved state, if any) on first use. */
  ensureStarted(clientId: string): Promise<{ url: string; apiToken: string }>;
  /**
   * Stops the client's practice org and deletes its saved state; the next use starts a new one.
   * `external` when the org runs in another process and cannot be discarded from here.
   */
  discard(clientId: string): Promise<'discarded' | 'external'>;
  close(): Promise<void>;
}

/** What is saved of one practice org: its data and who its admins are. */
interface SavedOrg {
  version: 1;
  identities: SeededIdentities;
  org: OrgData;
}

/** Where a client's practice org is saved in the data folder. */
export function practiceOrgFile(dataDir: string, clientId: string): string {
  return join(dataDir, 'practice-orgs', `${idFileName(clientId)}.json`);
}

async function readSaved(path: string): Promise<SavedOrg | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const saved = JSON.parse(text) as SavedOrg;
  if (saved.version !== 1) {
    throw new AppError(
      'PRACTICE_ORG_UNREADABLE',
      `The saved practice org ${path} is from another version of the app.`,
      'Reset the practice org to start a new one (this deletes what was in it).',
    );
  }
  return saved;
}

function identitiesOf(org: SandboxOrg): SeededIdentities {
  const { apiToken, adminLogin, adminUserId, readOnlyApiToken, readOnlyLogin } = org;
  return { apiToken, adminLogin, adminUserId, readOnlyApiToken, readOnlyLogin };
}

interface Running {
  org: SandboxOrg;
  /** The latest save; saves run one at a time and the last one always holds the latest state. */
  saving: Promise<void>;
}

export function createPracticeOrg(options: {
  dataDir: string;
  /** Told the URL each time a client's org starts (a new port every launch), so records can follow it. */
  onStarted?: (clientId: string, url: string) => Promise<unknown>;
}): PracticeOrg {
  const running = new Map<string, Promise<Running>>();
  const urlsNow = new Map<string, string>();

  const start = async (clientId: string): Promise<Running> => {
    const path = practiceOrgFile(options.dataDir, clientId);
    const [{ createSandboxOrg }, { OrgState }, saved] = await Promise.all([
      import('../sandbox/server'),
      import('../sandbox/state'),
      readSaved(path),
    ]);
    const entry: Running = { org: undefined as unknown as SandboxOrg, saving: Promise.resolve() };
    const save = (): void => {
      entry.saving = entry.saving.then(() => {
        const data: SavedOrg = { version: 1, identities: identitiesOf(entry.org), org: entry.org.state.toData() };
        // The file holds the practice org's own API tokens, so only the user may read it.
        return writeFileAtomic(path, JSON.stringify(data), 0o600);
      });
    };
    entry.org = await createSandboxOrg({
      ...(saved ? { restore: { state: OrgState.fromData(saved.org), identities: saved.identities } } : {}),
      onWrite: save,
    });
    if (!saved) save();
    await entry.saving;
    await options.onStarted?.(clientId, entry.org.url);
    return entry;
  };

  return {
    urls: () => [...urlsNow.values()],
    ensureStarted(clientId) {
      let entry = running.get(clientId);
      if (!entry) {
        entry = start(clientId);
        running.set(clientId, entry);
        entry.then(
          (r) => urlsNow.set(clientId, r.org.url),
          () => running.delete(clientId),
        );
      }
      return entry.then(({ org }) => ({ url: org.url, apiToken: org.apiToken }));
    },
    async discard(clientId) {
      const entry = running.get(clientId);
      running.delete(clientId);
      urlsNow.delete(clientId);
      if (entry) {
        const r = await entry.catch(() => undefined);
        if (r) {
          await r.saving.catch(() => undefined);
          await r.org.close();
        }
      }
      await rm(practiceOrgFile(options.dataDir, clientId), { force: true });
      return 'discarded';
    },
    async close() {
      const all = [...running.values()];
      running.clear();
      urlsNow.clear();
      for (const entry of all) {
        const r = await entry.catch(() => undefined);
        if (!r) continue;
        await r.saving.catch(() => undefined);
        await r.org.close();
      }
    },
  };
}

/**
 * A sandbox org already running elsewhere (`okta-onboard sandbox`), used as every client's practice
 * org. End-to-end tests use it to count, at the sandbox, the writes the wizard makes.
 */
export function attachPracticeOrg(url: string, apiToken: string): PracticeOrg {
  return {
    urls: () => [url],
    ensureStarted: async () => ({ url, apiToken }),
    discard: async () => 'external',
    close: async () => undefined,
  };
}
