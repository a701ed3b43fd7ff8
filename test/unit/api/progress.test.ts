import { describe, expect, it } from 'vitest';
import { integrationProgress } from '../../../src-main/api/progress';
import type { StepRecord } from '../../../src-main/api/steps';

const record = (status: StepRecord['status'], skippedAt?: string): StepRecord => ({
  status,
  input: {},
  changes: [],
  checks: [],
  ...(skippedAt ? { skippedAt } : {}),
});

const courierLike = [
  { id: 'slug', optional: false },
  { id: 'app', optional: false },
  { id: 'metadata', optional: false },
  { id: 'scim', optional: false },
  { id: 'assign', optional: false },
  { id: 'bookmark', optional: true },
];

describe('integration progress counts required steps and skipped optional ones apart', () => {
  it('reads "5 of 5 required verified, 1 skipped" when the optional bookmark is skipped', () => {
    const steps = {
      slug: record('verified'),
      app: record('verified'),
      metadata: record('verified'),
      scim: record('verified'),
      assign: record('verified'),
      bookmark: record('needs-input', '2026-11-27T14:00:00.000Z'),
    };
    expect(integrationProgress({ steps }, courierLike)).toEqual({
      required: 5,
      requiredVerified: 5,
      skipped: 1,
      optionalOpen: 0,
      optionalVerified: 0,
      failed: 0,
      unchecked: 0,
      text: '5 of 5 required verified, 1 skipped',
    });
  });

  it('counts an optional step still to do, and a failed required step, without calling either verified', () => {
    const steps = {
      slug: record('verified'),
      app: record('failed'),
      metadata: record('not-started'),
      scim: record('not-started'),
      assign: record('not-started'),
      bookmark: record('not-started'),
    };
    expect(integrationProgress({ steps }, courierLike).text).toBe(
      '1 of 5 required verified, 1 optional to do, 1 failed',
    );
  });

  it('a skipped step that had been verified counts as skipped, not verified', () => {
    const steps = { slug: record('verified'), bookmark: record('verified', '2026-11-27T14:00:00.000Z') };
    const progress = integrationProgress({ steps }, [courierLike[0]!, courierLike[5]!]);
    expect(progress.text).toBe('1 of 1 required verified, 1 skipped');
  });

  it('a step whose last check could not reach Okta counts as could not be checked, not as failed or verified', () => {
    const at = '2026-11-27T14:00:00.000Z';
    const steps = {
      slug: record('verified'),
      app: { ...record('failed'), lastError: { code: 'OKTA_UNREACHABLE', message: 'm', hint: 'h', at } },
      metadata: { ...record('failed'), lastError: { code: 'APP_GONE', message: 'm', hint: 'h', at } },
    };
    const progress = integrationProgress({ steps }, courierLike.slice(0, 3));
    expect(progress).toMatchObject({ requiredVerified: 1, failed: 1, unchecked: 1 });
    expect(progress.text).toBe('1 of 3 required verified, 1 failed, 1 could not be checked');
  });
});
