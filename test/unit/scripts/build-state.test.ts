import { spawnSync } from 'node:child_process';
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../support/temp-dir';

const script = resolve('scripts/build-state.mjs');

function run(root: string, command: string): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, [script, command, '--root', root], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout + result.stderr };
}

async function put(root: string, file: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, file)), { recursive: true });
  await writeFile(join(root, file), text);
}

/** A project as the build sees it: sources, configs, and the outputs the app starts from. */
async function project(root: string): Promise<void> {
  await put(root, 'src-main/cli.ts', 'export const a = 1;\n');
  await put(root, 'src-renderer/App.tsx', 'export const b = 2;\n');
  await put(root, 'package.json', '{"name":"x"}\n');
  await put(root, 'package-lock.json', '{}\n');
  for (const file of ['out/cli/okta-onboard.js', 'out/renderer/index.html', 'out/main/index.js'])
    await put(root, file, 'built\n');
}

describe('scripts/build-state.mjs: start browser mode at once when out/ is current', () => {
  it('needs a build until "npm run build" stamps out/, then starts at once without building', async () => {
    await withTempDir(async (root) => {
      await project(root);
      expect(run(root, 'check')).toEqual({
        code: 1,
        out: 'build needed: out/ was not built by "npm run build" (no stamp)\n',
      });
      expect(run(root, 'stamp').code).toBe(0);
      expect(run(root, 'check')).toEqual({ code: 0, out: 'build is current\n' });
      expect(run(root, 'ensure')).toEqual({ code: 0, out: 'The build in out/ is current; starting at once.\n' });
    });
  });

  it('needs a build after a source, the lock file or a new file changes, but not after a mere touch', async () => {
    await withTempDir(async (root) => {
      await project(root);
      run(root, 'stamp');
      const later = new Date(Date.now() + 60_000);
      await utimes(join(root, 'src-main/cli.ts'), later, later);
      expect(run(root, 'check').code).toBe(0);
      for (const [file, text] of [
        ['src-main/cli.ts', 'export const a = 2;\n'],
        ['package-lock.json', '{"lockfileVersion":3}\n'],
        ['src-renderer/steps/New.tsx', 'export {};\n'],
      ] as const) {
        await put(root, file, text);
        expect([file, run(root, 'check')]).toEqual([
          file,
          { code: 1, out: 'build needed: sources changed since the last build\n' },
        ]);
        run(root, 'stamp');
      }
      await rm(join(root, 'src-renderer/steps/New.tsx'));
      expect(run(root, 'check').code).toBe(1);
    });
  });

  it('needs a build when an output the app starts from is missing', async () => {
    await withTempDir(async (root) => {
      await project(root);
      run(root, 'stamp');
      await rm(join(root, 'out/main/index.js'));
      expect(run(root, 'check')).toEqual({ code: 1, out: 'build needed: out/main/index.js is missing\n' });
    });
  });
});
