import { z } from 'zod';

export const StepIdSchema = z.enum([
  'slug',
  'app',
  'metadata',
  'domains',
  'register',
  'scim',
  'provisioning',
  'role',
  'bookmark',
  'assign',
  'migrate',
  'test-login',
]);
export type StepId = z.infer<typeof StepIdSchema>;

/** Where a step stands; the rail shows it and only main changes it. */
export const StepStatusSchema = z.enum(['not-started', 'needs-input', 'planned', 'applied', 'verified', 'failed']);
export type StepStatus = z.infer<typeof StepStatusSchema>;

export const VendorIdSchema = z.enum(['millie', 'mixpanel', 'courier', 'custom-saml']);
export type VendorId = z.infer<typeof VendorIdSchema>;
