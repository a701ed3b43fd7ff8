import type { StepId } from '../api/model';
import type { AnyStep } from './step';
import { slugStep } from './slug';
import { appStep } from './app';
import { metadataStep } from './metadata';
import { scimStep } from './scim';
import { provisioningStep } from './provisioning';
import { roleStep } from './role';
import { bookmarkStep } from './bookmark';
import { assignStep } from './assign';
import { domainsStep } from './domains';
import { registerStep } from './register';
import { testLoginStep } from './test-login';
import { migrateStep } from './migrate';

/** Every step the wizard can run, by id. A vendor profile picks which of them it uses. */
export const wizardSteps: Partial<Record<StepId, AnyStep>> = {
  slug: slugStep,
  app: appStep,
  metadata: metadataStep,
  scim: scimStep,
  provisioning: provisioningStep,
  role: roleStep,
  bookmark: bookmarkStep,
  assign: assignStep,
  domains: domainsStep,
  register: registerStep,
  'test-login': testLoginStep,
  migrate: migrateStep,
};
