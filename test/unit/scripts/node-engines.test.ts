import { readFileSync } from 'node:fs';
import { minVersion, satisfies } from 'semver';
import { describe, expect, it } from 'vitest';

interface Lock {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;

/** Every installed package whose own `engines.node` refuses the project's floor, with its range. */
function refusingFloor(floor: string): string[] {
  return Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .flatMap(([path, entry]) => {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      if (range === undefined || satisfies(floor, range)) return [];
      return [`${path.replace(/^.*node_modules\//, '')} ${range}`];
    })
    .sort();
}

describe('Node versions: package.json, the README and the dependencies agree', () => {
  const floor = minVersion(pkg.engines.node)?.version ?? '';

  it('the floor in engines is what the README says, and CI runs at least that', () => {
    expect(floor).toBe('20.19.0');
    expect(readFileSync('README.md', 'utf8')).toContain('Node 20.19 or later');
    expect(satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });

  it('only the Electron download and packaging tools ask for more (Node 22.12), exactly the ones the README names', () => {
    const refusing = refusingFloor(floor);
    expect(refusing).toEqual([
      '@electron-internal/extract-zip >=22.12.0',
      '@electron/get >=22.12.0',
      '@electron/rebuild >=22.12.0',
      'electron >= 22.12.0',
      'node-abi >=22.12.0',
    ]);
    const readme = readFileSync('README.md', 'utf8');
    for (const name of refusing.map((line) => line.split(' ')[0] ?? ''))
      expect(readme, `README names ${name}`).toContain(`\`${name}\``);
  });
});
