import { describe, expect, it } from 'vitest';
import { command } from '../../../src-main/cli/migrate';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('okta-onboard migrate plan|apply arguments', () => {
  it('names the missing flag and exits 2', async () => {
    const { io: cli, out } = io();
    const code = await command.run(['plan', '--client', 'Acme', '--json'], cli);
    expect(code).toBe(2);
    expect(JSON.parse(out.join(''))).toMatchObject({
      error: { code: 'MISSING_ARGUMENT', message: '--integration is required.' },
    });
  });

  it('refuses a route that is not direct, group or auto', async () => {
    const { io: cli, out } = io();
    const args = [
      'apply',
      '--client',
      'A',
      '--integration',
      'b',
      '--vendor-users',
      'x.csv',
      '--route',
      'fast',
      '--json',
    ];
    expect(await command.run(args, cli)).toBe(2);
    expect(JSON.parse(out.join(''))).toMatchObject({ error: { message: '--route: "fast" is not a route.' } });
  });

  it('wants the vendor users from exactly one source: a CSV export or the live SCIM read', async () => {
    const base = ['plan', '--client', 'A', '--integration', 'b', '--json'];
    const neither = io();
    expect(await command.run(base, neither.io)).toBe(2);
    expect(JSON.parse(neither.out.join(''))).toMatchObject({
      error: { code: 'MISSING_ARGUMENT', message: '--vendor-users <csv> or --vendor-scim is required.' },
    });
    const both = io();
    expect(await command.run([...base, '--vendor-users', 'x.csv', '--vendor-scim'], both.io)).toBe(2);
    expect(JSON.parse(both.out.join(''))).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', message: 'Give --vendor-users or --vendor-scim, not both.' },
    });
  });
});
