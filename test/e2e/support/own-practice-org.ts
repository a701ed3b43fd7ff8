import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const cli = join(resolve(import.meta.dirname, '..', '..', '..'), 'out', 'cli', 'okta-onboard.js');

/** Browser mode with its own practice orgs (started inside it, saved in its data folder). */
export interface BrowserApp {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

export async function startBrowserApp(dataDir: string): Promise<BrowserApp> {
  const child: ChildProcess = spawn(process.execPath, [cli, 'browser', '--data-dir', dataDir, '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  let text = '';
  const started = await new Promise<{ url: string; origin: string }>((resolveJson, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      try {
        resolveJson(JSON.parse(text) as { url: string; origin: string });
      } catch {
        // Not a whole document yet.
      }
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${stderr.join('')}`)));
  });
  return {
    ...started,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One channel call over the browser-mode bridge, exactly as the renderer makes it. */
export async function call<T>(app: Pick<BrowserApp, 'url' | 'origin'>, wireName: string, request: unknown): Promise<T> {
  const token = /token=([^&]+)/.exec(new URL(app.url).hash)?.[1] ?? '';
  const response = await fetch(`${app.origin}/api/${wireName}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${wireName}: ${result.error.message}`);
  return result.value;
}

/**
 * A practice client's org as it runs now, with its admin's API token read from the org's saved
 * state: the test's own door into the org, "behind the app's back".
 */
export async function practiceOrgOf(
  app: BrowserApp,
  dataDir: string,
  clientName: string,
): Promise<{
  url: string;
  api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}> {
  const clients = await call<{ id: string; name: string; orgUrl: string }[]>(app, 'clients.list', {});
  const client = clients.find((c) => c.name === clientName);
  if (!client) throw new Error(`no client ${clientName}`);
  const saved = JSON.parse(await readFile(join(dataDir, 'practice-orgs', `${client.id}.json`), 'utf8')) as {
    identities: { apiToken: string };
  };
  return {
    url: client.orgUrl,
    api: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${client.orgUrl}${path}`, {
        method,
        headers: {
          Authorization: `SSWS ${saved.identities.apiToken}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}
