import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ClientSchema, IntegrationSchema } from '../api/model';
import { AppError } from '../errors';
import { writeFileAtomic } from './atomic-file';

export const WORKSPACE_SCHEMA_VERSION = 1;

/** The whole file, checked on every read: ids are tokens, unique, and every integration's client exists. */
export const WorkspaceDataSchema = z
  .object({
    schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
    clients: z.array(ClientSchema),
    integrations: z.array(IntegrationSchema),
  })
  .superRefine((data, ctx) => {
    const clientIds = new Set<string>();
    data.clients.forEach((client, index) => {
      if (clientIds.has(client.id))
        ctx.addIssue({ code: 'custom', path: ['clients', index, 'id'], message: `duplicate id ${client.id}` });
      clientIds.add(client.id);
    });
    const integrationIds = new Set<string>();
    data.integrations.forEach((integration, index) => {
      if (integrationIds.has(integration.id))
        ctx.addIssue({
          code: 'custom',
          path: ['integrations', index, 'id'],
          message: `duplicate id ${integration.id}`,
        });
      integrationIds.add(integration.id);
      if (!clientIds.has(integration.clientId))
        ctx.addIssue({
          code: 'custom',
          path: ['integrations', index, 'clientId'],
          message: `no client has the id ${integration.clientId}`,
        });
    });
  });
export type WorkspaceData = z.infer<typeof WorkspaceDataSchema>;

/** A workspace file that could not be used, and where it was moved so nothing is lost. */
export interface SetAside {
  reason: string;
  movedTo: string;
}

export function emptyWorkspace(): WorkspaceData {
  return { schemaVersion: WORKSPACE_SCHEMA_VERSION, clients: [], integrations: [] };
}

export function workspacePath(dataDir: string): string {
  return join(dataDir, 'workspace.json');
}

/**
 * Reads the workspace. A file that is not JSON or does not match the schema is renamed aside
 * (never overwritten) and reported; a file from a newer version of the app is refused untouched.
 */
export async function readWorkspaceFile(
  dataDir: string,
  now: () => Date,
): Promise<{ data: WorkspaceData; setAside?: SetAside }> {
  const path = workspacePath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: emptyWorkspace() };
    throw new AppError(
      'WORKSPACE_UNREADABLE',
      `Cannot read ${path}: ${(error as Error).message}`,
      'Check the permissions of the data folder, or choose another with --data-dir.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      data: emptyWorkspace(),
      setAside: await setAside(path, `it is not valid JSON (${(error as Error).message})`, now),
    };
  }
  const version =
    typeof parsed === 'object' && parsed !== null ? (parsed as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > WORKSPACE_SCHEMA_VERSION) {
    throw new AppError(
      'WORKSPACE_TOO_NEW',
      `${path} was written by a newer version of Okta Onboarding Wizard (schema ${version}; this version reads ${WORKSPACE_SCHEMA_VERSION}).`,
      'Update the app, or point --data-dir at another folder.',
    );
  }
  const result = WorkspaceDataSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'unknown problem';
    return {
      data: emptyWorkspace(),
      setAside: await setAside(path, `it does not match the workspace schema (${where})`, now),
    };
  }
  return { data: result.data };
}

async function setAside(path: string, reason: string, now: () => Date): Promise<SetAside> {
  const movedTo = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, movedTo);
  return { reason, movedTo };
}

export async function writeWorkspaceFile(dataDir: string, data: WorkspaceData): Promise<void> {
  await writeFileAtomic(workspacePath(dataDir), `${JSON.stringify(data, null, 2)}\n`, 0o600);
}
