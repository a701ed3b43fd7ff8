import { randomBytes } from 'node:crypto';
import type { SandboxContext, SandboxPlugin } from '../context';
import { oktaError } from '../errors';
import type { UserStatus } from '../model';
import { json } from '../router';
import { requireUser } from './users';

/**
 * The user lifecycle operations the Users API documents. Activating a user who has no password
 * gives PROVISIONED (the user finishes activation from the emailed link), not ACTIVE.
 * Deactivating deprovisions the user from every app (provisioning sends the vendor active=false);
 * reactivating gives back only the apps assigned through the user's groups.
 */
export const userLifecyclePlugin: SandboxPlugin = {
  name: 'user-lifecycle',
  install(ctx: SandboxContext) {
    const { state } = ctx;
    const op = (name: string, handler: (userId: string, status: UserStatus, hasPassword: boolean) => unknown) => ({
      method: 'POST' as const,
      path: `/api/v1/users/{id}/lifecycle/${name}`,
      auth: 'users' as const,
      handler: (req: { params: Record<string, string | undefined> }) => {
        const user = requireUser(state, req.params.id ?? '');
        return json(200, handler(user.id, user.status, user.passwordChanged !== null) ?? {});
      },
    });
    ctx.router.add(
      op('activate', (id, status, hasPassword) => {
        if (status === 'ACTIVE')
          throw oktaError(403, 'E0000016', 'Activation failed because the user is already active');
        if (status !== 'STAGED' && status !== 'PROVISIONED' && status !== 'DEPROVISIONED')
          throw oktaError(400, 'E0000001', 'Api validation failed: user', [
            'The user cannot be activated in its status.',
          ]);
        state.setUserStatus(id, hasPassword ? 'ACTIVE' : 'PROVISIONED');
        state.restoreGroupAssignments(id);
        const token = randomBytes(15).toString('base64url');
        return { activationUrl: `${ctx.baseUrl}/welcome/${token}`, activationToken: token };
      }),
      op('deactivate', (id) => {
        state.setUserStatus(id, 'DEPROVISIONED');
        state.removeUserFromApps(id);
      }),
      op('suspend', (id, status) => {
        if (status !== 'ACTIVE')
          throw oktaError(400, 'E0000001', 'Api validation failed: user', ['Cannot suspend a user that is not active']);
        state.setUserStatus(id, 'SUSPENDED');
      }),
      op('unsuspend', (id, status) => {
        if (status !== 'SUSPENDED')
          throw oktaError(400, 'E0000001', 'Api validation failed: user', [
            'Cannot unsuspend a user that is not suspended',
          ]);
        state.setUserStatus(id, 'ACTIVE');
      }),
    );
  },
};
