import { describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import type { UserRecord } from '../../../src-main/sandbox/state';
import { buildOktaUser } from '../../../src-main/scim/client';
import { api } from '../../support/sandbox';
import type { ScimTestServer } from '../../support/scim-server';
import { scimServerPool } from '../../support/scim-server-pool';
import { stepHarness, type StepHarness } from '../../support/step-harness';

const TOKEN = 'vendor-scim-token-temporaries-9c2';
const scimServer = scimServerPool(TOKEN).good;

function person(org: SandboxOrg, index: number): UserRecord {
  return [...org.state.users.values()].filter((u) => u.status === 'ACTIVE' && u.id !== org.adminUserId)[index]!;
}

/** Mixpanel: catalog app with provisioning through the API, the SCIM step passed against `scim`. */
async function mixpanelReady(scim: ScimTestServer): Promise<{ h: StepHarness; appId: string }> {
  const h = await stepHarness('mixpanel');
  await h.save('scim', { baseUrl: scim.baseUrl, token: TOKEN });
  expect((await h.apply('scim')).status).toBe('verified');
  const created = await api<{ id: string; name: string; label: string }>(h.org, 'POST', '/api/v1/apps', {
    body: { name: 'mixpanel', label: 'Mixpanel', signOnMode: 'SAML_2_0' },
  });
  await h.workspace.updateIntegration(h.integration.id, (i) => {
    i.facts = { ...i.facts, appId: created.body.id, appName: created.body.name, appLabel: created.body.label };
  });
  return { h, appId: created.body.id };
}

describe('test objects are recorded before they are made and never left behind', () => {
  it('re-sends the unassign DELETE after a 5xx and after a lost answer: the proof passes and nothing is left', async () => {
    const scim = await scimServer();
    const { h, appId } = await mixpanelReady(scim);
    const ann = person(h.org, 0);
    await h.save('provisioning', { testUser: ann.profile.login });
    let deletes = 0;
    h.org.setFaults({
      script: (method) => {
        if (method !== 'DELETE') return undefined;
        deletes += 1;
        return deletes === 1 ? 'server-error' : deletes === 2 ? 'lost-answer' : undefined;
      },
    });
    const view = await h.apply('provisioning');
    h.org.setFaults(undefined);
    expect(view.lastError).toBeUndefined();
    expect(view.checks.find((c) => c.id === 'provisioning-e2e-cleanup')?.status).toBe('pass');
    expect(view.leftovers).toEqual([]);
    expect((await h.current()).temporaries).toBeUndefined();
    expect(h.org.state.assignments.getAppUser(appId, ann.id)).toBeUndefined();
    expect(scim.users()).toEqual([expect.objectContaining({ userName: ann.profile.login, active: false })]);
    const unassign = (await h.audit.read(h.client.id)).filter((e) => e.operation === 'app.user.unassign');
    expect(unassign.map((e) => e.outcome)).toEqual(['intent', 'success']);
  });

  it('cleans up after an assignment whose answer was lost: it landed, so it is found and removed', async () => {
    const scim = await scimServer();
    const { h, appId } = await mixpanelReady(scim);
    const ann = person(h.org, 1);
    await h.save('provisioning', { testUser: ann.profile.login });
    let lost = false;
    h.org.setFaults({
      script: (method, path) => {
        if (method !== 'POST' || !path.endsWith('/users') || lost) return undefined;
        lost = true;
        return 'lost-answer';
      },
    });
    const view = await h.apply('provisioning');
    h.org.setFaults(undefined);
    expect(view.status).toBe('verified');
    expect(h.org.state.assignments.getAppUser(appId, ann.id)).toBeUndefined();
    const assign = (await h.audit.read(h.client.id)).filter((e) => e.operation === 'app.user.assign');
    expect(assign.map((e) => [e.outcome, e.resolvedBy])).toEqual([
      ['intent', undefined],
      ['success', 'read-back'],
    ]);
  });

  it('finishes the clean-up a crash left (assigned in Okta, active at the vendor), then runs the proof again', async () => {
    const scim = await scimServer();
    const { h, appId } = await mixpanelReady(scim);
    const ann = person(h.org, 2);
    await h.save('provisioning', { testUser: ann.profile.login });
    expect((await h.apply('provisioning')).status).toBe('verified');
    // What a kill mid-proof leaves: the records written before the assignment, the assignment, and
    // the user Okta pushed, active with a role.
    await api(h.org, 'POST', `/api/v1/apps/${appId}/users`, {
      body: { id: ann.id, scope: 'USER', profile: {} },
    });
    await h.workspace.updateIntegration(h.integration.id, (i) => {
      i.temporaries = [
        {
          kind: 'okta-assignment',
          id: 'tmp_crashed1',
          stepId: 'provisioning',
          appId,
          appLabel: 'Mixpanel',
          userId: ann.id,
          login: ann.profile.login,
          recordedAt: '2026-11-27T10:00:00.000Z',
        },
        {
          kind: 'vendor-user',
          id: 'tmp_crashed2',
          stepId: 'provisioning',
          scimBaseUrl: scim.baseUrl,
          userName: ann.profile.login,
          remove: 'deactivate',
          recordedAt: '2026-11-27T10:00:00.000Z',
        },
      ];
    });
    const before = await h.inspect('provisioning');
    expect(before.leftovers.map((l) => [l.what, l.problem])).toEqual([
      [`Test user ${ann.profile.login} assigned to Mixpanel in Okta`, undefined],
      [`Test user ${ann.profile.login} at the vendor's SCIM endpoint ${scim.baseUrl}`, undefined],
    ]);
    expect(before.leftovers[0]?.hint).toContain('the next apply of this step removes it first');

    const after = await h.apply('provisioning');
    expect(after.lastError).toBeUndefined();
    expect(after.leftovers).toEqual([]);
    expect(h.org.state.assignments.getAppUser(appId, ann.id)).toBeUndefined();
    expect(scim.users().filter((u) => u.active !== false)).toEqual([]);
  });

  it('shows a leftover it cannot remove, with what to do, and removes it when the step is run again', async () => {
    const scim = await scimServer();
    const { h, appId } = await mixpanelReady(scim);
    const ann = person(h.org, 3);
    await h.save('provisioning', { testUser: ann.profile.login });
    h.org.setFaults({ script: (method) => (method === 'DELETE' ? 'server-error' : undefined) });
    const failed = await h.apply('provisioning');
    expect(failed.checks.find((c) => c.id === 'provisioning-e2e-cleanup')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('Run this step again: it removes the test assignment first.') as unknown,
    });
    expect(failed.leftovers).toEqual([
      {
        what: `Test user ${ann.profile.login} assigned to Mixpanel in Okta`,
        problem: expect.stringContaining('answered HTTP 500') as unknown,
        hint: `Run this step again: it removes the test assignment first. Or remove ${ann.profile.login} by hand in Okta (Applications > Mixpanel > Assignments).`,
      },
      expect.objectContaining({ what: `Test user ${ann.profile.login} at the vendor's SCIM endpoint ${scim.baseUrl}` }),
    ]);
    expect(h.org.state.assignments.getAppUser(appId, ann.id)).toBeDefined();

    // Okta still refuses: the apply says so before doing anything else, and keeps the leftover.
    await expect(h.apply('provisioning')).rejects.toMatchObject({ code: 'LEFTOVER_NOT_REMOVED' });
    h.org.setFaults(undefined);
    const rerun = await h.apply('provisioning');
    expect(rerun.status).toBe('verified');
    expect(rerun.leftovers).toEqual([]);
    expect(h.org.state.assignments.getAppUser(appId, ann.id)).toBeUndefined();
    expect(scim.users().filter((u) => u.active !== false)).toEqual([]);
  }, 90_000);

  it("removes the SCIM preflight's test user a crash left active at the vendor before the next preflight", async () => {
    const scim = await scimServer();
    const h = await stepHarness('courier');
    await h.save('scim', { baseUrl: scim.baseUrl, token: TOKEN });
    const leftName = 'okta-onboard-preflight-deadbeef@example.com';
    const created = await fetch(`${scim.baseUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify(
        buildOktaUser({
          userName: leftName,
          givenName: 'Okta',
          familyName: 'Preflight',
          email: leftName,
          externalId: '00u1',
        }),
      ),
    });
    expect(created.status).toBe(201);
    await h.workspace.updateIntegration(h.integration.id, (i) => {
      i.temporaries = [
        {
          kind: 'vendor-user',
          id: 'tmp_preflight',
          stepId: 'scim',
          scimBaseUrl: scim.baseUrl,
          userName: leftName,
          remove: 'delete',
          recordedAt: '2026-11-27T10:00:00.000Z',
        },
      ];
    });
    expect((await h.inspect('scim')).leftovers.map((l) => l.what)).toEqual([
      `Test user ${leftName} at the vendor's SCIM endpoint ${scim.baseUrl}`,
    ]);
    const view = await h.apply('scim');
    expect(view.status).toBe('verified');
    expect(view.leftovers).toEqual([]);
    expect((await h.current()).temporaries).toBeUndefined();
    expect(scim.users()).toEqual([]);
  });
});
