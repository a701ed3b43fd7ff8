import { describe, it } from 'vitest';
import { setupUnderFaults } from './full-setup';

describe('a full Courier setup while about 20% of Okta API calls fail (429, 5xx, drops, lost answers)', () => {
  it('completes; Okta and the vendor hold no duplicate and no leftover test object; the audit log matches the org', async () => {
    await setupUnderFaults('courier', 20261127);
  }, 180_000);
});
