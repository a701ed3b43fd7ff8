import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { Workspace } from '../../../src-main/workspace/workspace';
import { buildNodeBins } from '../../support/build-node-bins';
import { makeTempDir } from '../../support/temp-dir';

let bins: Awaited<ReturnType<typeof buildNodeBins>>;

beforeAll(async () => {
  bins = await buildNodeBins();
}, 120_000);
afterAll(() => bins?.remove());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], onLine?: (line: string) => void): { done: Promise<Run>; kill(): void } {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine?.(line);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { done, kill: () => child.kill('SIGKILL') };
}

async function namesOnDisk(dir: string): Promise<string[]> {
  const file = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as { clients: { name: string }[] };
  return file.clients.map((c) => c.name);
}

describe('one workspace shared by several processes', () => {
  it('keeps every acknowledged write when the CLI and two other processes write at once', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      const writers = ['alpha', 'beta'].map((prefix) => run([bins.writer, 'add', dir, prefix, '60']));
      const acknowledgedByCli: string[] = [];
      const cliFailures: string[] = [];
      const cliLoop = (async () => {
        for (let n = 0; n < 12; n += 1) {
          const name = `cli-${n}`;
          const result = await run([
            bins.cli,
            'clients',
            'add',
            '--name',
            name,
            '--org-url',
            `https://cli-${n}.okta.com`,
            '--data-dir',
            dir,
          ]).done;
          if (result.code === 0) acknowledgedByCli.push(name);
          else cliFailures.push(`${name}: exit ${result.code}: ${result.stderr}`);
        }
      })();
      const [alpha, beta] = await Promise.all(writers.map((w) => w.done));
      await cliLoop;

      expect(alpha?.stderr).toBe('');
      expect(beta?.stderr).toBe('');
      expect(alpha?.code).toBe(0);
      expect(beta?.code).toBe(0);
      expect(cliFailures).toEqual([]);
      const acknowledged = [
        ...(alpha?.stdout ?? '').split('\n').filter(Boolean),
        ...(beta?.stdout ?? '').split('\n').filter(Boolean),
        ...acknowledgedByCli,
      ];
      expect(acknowledged).toHaveLength(60 + 60 + 12);
      const onDisk = await namesOnDisk(dir);
      expect(onDisk.filter((name) => !acknowledged.includes(name))).toEqual([]);
      expect(acknowledged.filter((name) => !onDisk.includes(name))).toEqual([]);
      expect(onDisk).toHaveLength(acknowledged.length);
      expect((await readdir(dir)).sort()).toEqual(['workspace.json']);
    } finally {
      await remove();
    }
  }, 240_000);

  it('takes over the lock of a process killed while holding it, and then saves', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      const holder = run([bins.writer, 'hold', dir], (line) => line === 'held' && held());
      await holding;
      holder.kill();
      expect((await holder.done).code).toBe(null);
      expect((await readdir(dir)).includes('workspace.json.lock')).toBe(true);

      const workspace = await Workspace.open(dir);
      await workspace.addClient({ name: 'After the kill', orgUrl: 'https://after.okta.com', sandbox: false });
      expect(await namesOnDisk(dir)).toEqual(['After the kill']);
      expect(await readdir(dir)).toEqual(['workspace.json']);
    } finally {
      await remove();
    }
  }, 90_000);
});

describe('leftovers of a killed writer', () => {
  it('removes its temp files when the workspace is opened, and keeps everything else', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      const first = await Workspace.open(dir);
      await first.addClient({ name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false });
      await writeFile(join(dir, '.workspace.json.0a1b2c3d4e5f.tmp'), '{"half": ');
      await writeFile(join(dir, 'notes.tmp'), 'not ours');

      const reopened = await Workspace.open(dir);
      expect((await readdir(dir)).sort()).toEqual(['notes.tmp', 'workspace.json']);
      expect((await reopened.listClients()).map((c) => c.name)).toEqual(['Acme']);
    } finally {
      await remove();
    }
  });

  it("removes a killed writer's temp file of the secrets file on the next save", async () => {
    const { dir, remove } = await makeTempDir();
    try {
      await writeFile(join(dir, '.secrets.json.0a1b2c3d4e5f.tmp'), '{"cli_a": {"tok');
      const secrets = new FileSecretStore(dir);
      await secrets.set('cli_0123456789abcdef', 'api-token', 'planted-value');
      expect((await readdir(dir)).sort()).toEqual(['secrets.json']);
      expect(await secrets.get('cli_0123456789abcdef', 'api-token')).toBe('planted-value');
    } finally {
      await remove();
    }
  });

  it('recovers a lock folder whose holder stopped refreshing it long ago', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      const lock = join(dir, 'workspace.json.lock');
      await mkdir(lock);
      const longAgo = new Date(Date.now() - 60_000);
      await utimes(lock, longAgo, longAgo);

      const workspace = await Workspace.open(dir);
      await workspace.addClient({ name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false });
      expect(await namesOnDisk(dir)).toEqual(['Acme']);
      await expect(stat(lock)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await remove();
    }
  });
});
