import type { VendorId } from '../../../src-main/api/model';
import { api, samlAppBody } from '../../support/sandbox';
import { stepHarness, type StepHarness } from '../../support/step-harness';

/** A step harness whose integration already has its SAML app (as the `app` step leaves it). */
export async function harnessWithApp(
  vendorId: VendorId,
  options: Parameters<typeof stepHarness>[1] = {},
): Promise<StepHarness & { appId: string }> {
  const h = await stepHarness(vendorId, options);
  const created = await api<{ id: string; name: string; label: string }>(h.org, 'POST', '/api/v1/apps', {
    body: samlAppBody('Courier'),
  });
  if (created.status !== 200) throw new Error(`creating the app failed: ${created.text}`);
  const { id, name, label } = created.body;
  await h.workspace.updateIntegration(h.integration.id, (i) => {
    i.facts = { ...i.facts, appId: id, appName: name, appLabel: label };
  });
  return { ...h, appId: id };
}

export async function groupId(h: StepHarness, name: string): Promise<string> {
  const found = await api<{ id: string; profile: { name: string } }[]>(
    h.org,
    'GET',
    `/api/v1/groups?q=${encodeURIComponent(name)}`,
  );
  const group = found.body.find((g) => g.profile.name === name);
  if (!group) throw new Error(`no group ${name}`);
  return group.id;
}

export async function userId(h: StepHarness, login: string): Promise<string> {
  const found = await api<{ id: string }>(h.org, 'GET', `/api/v1/users/${encodeURIComponent(login)}`);
  return found.body.id;
}
