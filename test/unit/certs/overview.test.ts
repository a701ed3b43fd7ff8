import { describe, expect, it } from 'vitest';
import { certExpiry, type CertHealth } from '../../../src-main/api/cert-health';
import type { Client, Integration } from '../../../src-main/api/model';
import { overviewRow, sortOverview } from '../../../src-main/certs/overview';
import type { CertFile } from '../../../src-main/certs/store';
import { vendorProfile, vendorSummary } from '../../../src-main/vendors';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const DAY = 86_400_000;
const courier = vendorSummary(vendorProfile('courier'));

function client(name: string): Client {
  return {
    id: `cli_${name.toLowerCase()}`,
    name,
    orgUrl: 'https://x.okta.com',
    sandbox: false,
    auth: { method: 'api-token' },
    createdAt: NOW.toISOString(),
  };
}

function integration(c: Client, label: string, steps: Integration['steps'] = {}): Integration {
  return {
    id: `int_${c.name}${label}`.toLowerCase(),
    clientId: c.id,
    vendorId: 'courier',
    label,
    createdAt: NOW.toISOString(),
    currentStep: 'app',
    steps,
    facts: { appId: '0oa1' },
  };
}

function health(i: Integration, days: number | 'unreadable'): CertHealth {
  if (days === 'unreadable')
    return {
      integrationId: i.id,
      readAt: NOW.toISOString(),
      message: 'Could not read',
      error: { code: 'OKTA_UNREACHABLE', message: 'Okta did not answer', hint: 'Try again' },
    };
  const expiresAt = new Date(NOW.getTime() + days * DAY + 60_000).toISOString();
  return { integrationId: i.id, readAt: NOW.toISOString(), ...certExpiry(expiresAt, NOW, 'Courier') };
}

describe('the overview of every client', () => {
  it('puts what needs attention on top, then the soonest expiry, and says why', () => {
    const acme = client('Acme');
    const globex = client('Globex');
    const rows = [
      [acme, integration(acme, 'Far'), { version: 1, health: health(integration(acme, 'Far'), 2000) }],
      [acme, integration(acme, 'Soon'), { version: 1, health: health(integration(acme, 'Soon'), 20) }],
      [globex, integration(globex, 'Planning'), { version: 1, health: health(integration(globex, 'Planning'), 80) }],
      [globex, integration(globex, 'Expired'), { version: 1, health: health(integration(globex, 'Expired'), -2) }],
      [globex, integration(globex, 'Unread'), { version: 1 }],
      [acme, integration(acme, 'Down'), { version: 1, health: health(integration(acme, 'Down'), 'unreadable') }],
      [
        globex,
        integration(globex, 'Broken', {
          app: {
            status: 'failed',
            input: {},
            changes: [],
            checks: [{ id: 'x', label: 'The app exists in Okta', status: 'fail', detail: 'gone' }],
          },
        }),
        { version: 1, health: health(integration(globex, 'Broken'), 3000) },
      ],
    ] as const;
    const sorted = sortOverview(rows.map(([c, i, f]) => overviewRow(c, i, courier, f as CertFile)));
    expect(sorted.map((r) => `${r.clientName}/${r.label}`)).toEqual([
      'Globex/Expired',
      'Acme/Soon',
      'Globex/Planning',
      'Globex/Broken',
      'Acme/Down',
      'Acme/Far',
      'Globex/Unread',
    ]);
    const broken = sorted.find((r) => r.label === 'Broken');
    expect(broken?.attention).toEqual(['1 failing check']);
    expect(broken?.failing).toEqual([{ stepId: 'app', stepTitle: 'Courier app', check: 'The app exists in Okta' }]);
    expect(sorted.find((r) => r.label === 'Down')?.attention).toEqual(['Certificate not read: Okta did not answer']);
    expect(sorted.find((r) => r.label === 'Soon')?.attention[0]).toMatch(/^Certificate: Expires in 20 days/);
    expect(sorted.find((r) => r.label === 'Far')?.attention).toEqual([]);
  });
});
