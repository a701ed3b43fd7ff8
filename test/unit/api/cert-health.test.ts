import { describe, expect, it } from 'vitest';
import { certExpiry } from '../../../src-main/api/cert-health';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('signing certificate expiry levels (clock injected)', () => {
  it.each([
    [91 * DAY, 'ok', 91],
    [90 * DAY, 'ok', 90],
    [90 * DAY - 1, 'plan', 89],
    [30 * DAY, 'plan', 30],
    [30 * DAY - 1, 'soon', 29],
    [7 * DAY, 'soon', 7],
    [7 * DAY - 1, 'urgent', 6],
    [60_000, 'urgent', 0],
    [0, 'expired', 0],
    [-3 * DAY, 'expired', -3],
  ])('%d ms before expiry is %s with %d whole days left', (ms, level, daysLeft) => {
    const result = certExpiry(at(ms), NOW, 'Courier');
    expect([result.level, result.daysLeft]).toEqual([level, daysLeft]);
  });

  it('says when and what to do, in words, at each level', () => {
    expect(certExpiry('2036-11-24T12:00:00.000Z', NOW, 'Courier').message).toBe(
      'Valid until 24 Nov 2036 (3,650 days left).',
    );
    expect(certExpiry(at(60 * DAY), NOW, 'Courier').message).toBe(
      'Expires in 60 days (26 Jan 2027): plan the rotation with Courier.',
    );
    expect(certExpiry(at(20 * DAY), NOW, 'Courier').message).toBe(
      'Expires in 20 days (17 Dec 2026): rotate now; Courier must register the new certificate before the switch.',
    );
    expect(certExpiry(at(1 * DAY + 5), NOW, 'Courier').message).toBe(
      'Expires in 1 day (28 Nov 2026): rotate today, or sign-ins to Courier stop working.',
    );
    expect(certExpiry(at(3_600_000), NOW, 'Courier').message).toBe(
      'Expires in less than a day (27 Nov 2026): rotate today, or sign-ins to Courier stop working.',
    );
    expect(certExpiry(at(-2 * DAY), NOW, 'Courier').message).toBe(
      'Expired 2 days ago (25 Nov 2026): sign-ins to Courier fail until the certificate is rotated. Rotate it now.',
    );
    expect(certExpiry(at(-60_000), NOW, 'Courier').message).toMatch(/^Expired today \(27 Nov 2026\)/);
  });
});
