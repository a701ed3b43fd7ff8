import type { VendorId, VendorSummary } from '../api/model';
import { courier } from './courier';
import { customSaml } from './custom-saml';
import { millie } from './millie';
import { mixpanel } from './mixpanel';
import type { VendorProfile } from './profile';

export type { VendorProfile } from './profile';

export const vendorProfiles: Record<VendorId, VendorProfile> = {
  millie,
  mixpanel,
  courier,
  'custom-saml': customSaml,
};

export function vendorProfile(id: VendorId): VendorProfile {
  return vendorProfiles[id];
}

export function vendorSummary(profile: VendorProfile): VendorSummary {
  return {
    id: profile.id,
    name: profile.name,
    description: profile.description,
    guide: profile.guide,
    steps: profile.steps.map((s) => ({ id: s.id, title: s.title, summary: s.summary, optional: s.optional ?? false })),
    ...(profile.scim ? { scimTokenSource: profile.scim.tokenSource } : {}),
  };
}
