import { authnPlugin } from './authn';
import type { SandboxPlugin } from './context';
import { consolePlugin } from './console';
import { oauthPlugin } from './oauth';
import { provisioningPlugin } from './provisioning';
import { appAssignmentsPlugin } from './routes/app-assignments';
import { appCsrsPlugin } from './routes/app-csrs';
import { appKeysPlugin } from './routes/app-keys';
import { appsPlugin } from './routes/apps';
import { groupWritesPlugin } from './routes/group-writes';
import { groupsPlugin } from './routes/groups';
import { metadataPlugin } from './routes/metadata';
import { orgMetadataPlugin } from './routes/org-metadata';
import { schemasPlugin } from './routes/schemas';
import { userLifecyclePlugin } from './routes/user-lifecycle';
import { usersPlugin } from './routes/users';
import { ssoPlugin } from './sso';

/** Installed into every sandbox org, in this order: the Management API first, then OAuth, the Authentication API, SSO and provisioning. */
export const builtInPlugins: readonly SandboxPlugin[] = [
  appsPlugin,
  appKeysPlugin,
  appCsrsPlugin,
  metadataPlugin,
  orgMetadataPlugin,
  appAssignmentsPlugin,
  schemasPlugin,
  usersPlugin,
  groupsPlugin,
  groupWritesPlugin,
  userLifecyclePlugin,
  oauthPlugin,
  authnPlugin,
  ssoPlugin,
  provisioningPlugin,
  consolePlugin,
];
