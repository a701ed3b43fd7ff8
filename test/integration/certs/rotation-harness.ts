import { CertRotation } from '../../../src-main/certs/rotation';
import type { RotationDeps } from '../../../src-main/certs/rotation-kit';
import { connectOrg, type OrgAuth } from '../../../src-main/okta/connect';
import { rotationTestLogin } from '../../../src-main/services/cert-test-login';
import { currentAuditScope } from '../../../src-main/workspace/audit-scope';
import { api } from '../../support/sandbox';
import { assign, harnessWithLoginApp, type LoginAppHarness } from '../steps/login-app';

/** Shared by the rotation tests: a practice client with a rotation wired as the app wires it. */
export const ALICE = 'ava.adams@acme.example';

/** A practice client with its Courier app, Alice assigned and chosen as the test user. */
export async function practiceRotation(onWritePoint?: RotationDeps['onWritePoint']) {
  const h = await harnessWithLoginApp('courier', { practice: true });
  await assign(h, ALICE);
  await h.save('test-login', { userLogin: ALICE });
  return { h, rotation: rotationFor(h, onWritePoint) };
}

export function rotationFor(h: LoginAppHarness, onWritePoint?: RotationDeps['onWritePoint']): CertRotation {
  return new CertRotation({
    dataDir: h.dataDir,
    workspace: h.workspace,
    // Wired as the app wires it (services/bootstrap.ts): each Okta write names the scope it was made in.
    connect: (c) =>
      connectOrg({
        clientId: c.id,
        orgUrl: c.orgUrl,
        auth: c.auth as OrgAuth,
        secrets: h.deps.secrets,
        audit: (event) => h.audit.append({ ...event, ...currentAuditScope() }),
      }),
    audit: (event) => h.audit.append(event),
    testLogin: rotationTestLogin(h.deps),
    ...(onWritePoint ? { onWritePoint } : {}),
  });
}

export async function signingKid(h: LoginAppHarness): Promise<string> {
  const app = await api<{ credentials: { signing: { kid: string } } }>(h.org, 'GET', `/api/v1/apps/${h.appId}`);
  return app.body.credentials.signing.kid;
}

export async function keyIds(h: LoginAppHarness): Promise<string[]> {
  return (await api<{ kid: string }[]>(h.org, 'GET', `/api/v1/apps/${h.appId}/credentials/keys`)).body.map(
    (k) => k.kid,
  );
}
