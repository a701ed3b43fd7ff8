import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { StepId } from '../../src-main/api';
import type { StepScreenProps } from './types';

/** Each step's own screen, loaded only when the admin opens that step. */
export const stepScreens: Partial<Record<StepId, LazyExoticComponent<ComponentType<StepScreenProps>>>> = {
  slug: lazy(() => import('./SlugStep')),
  app: lazy(() => import('./AppStep')),
  metadata: lazy(() => import('./MetadataStep')),
  scim: lazy(() => import('./ScimStep')),
  role: lazy(() => import('./RoleStep')),
  bookmark: lazy(() => import('./BookmarkStep')),
  assign: lazy(() => import('./AssignStep')),
  provisioning: lazy(() => import('./ProvisioningStep')),
  domains: lazy(() => import('./DomainsStep')),
  register: lazy(() => import('./RegisterStep')),
  'test-login': lazy(() => import('./TestLoginStep')),
  migrate: lazy(() => import('./MigrateStep')),
};
