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

/**
 * The id of a client or an integration (`cli_…`, `int_…`): an opaque token the app made. Ids become
 * file names (audit log, registration emails), so one read from a tampered workspace file must
 * never be a path: letters and digits after a short lowercase prefix, nothing else.
 */
export const RECORD_ID_PATTERN = /^[a-z]{2,8}_[A-Za-z0-9]{1,64}$/;
export const RecordIdSchema = z
  .string()
  .regex(RECORD_ID_PATTERN, 'an id is a short prefix, "_" and letters or digits (e.g. cli_3f9a…)');
