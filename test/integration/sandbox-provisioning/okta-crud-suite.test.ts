import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisioningOf } from '../../../src-main/sandbox/provisioning/index';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { initialVariables, loadRunscopeTest, runRunscope, verdicts } from '../../support/runscope';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';
import { startScimServer, type ScimTestServer } from '../../support/scim-server';
import { consoleSession, integration, postConsole } from './console-driver';

/**
 * Okta's "Okta SCIM 2.0 CRUD Test" (test/fixtures/okta-scim, from okta/okta-developer-docs): the
 * suite Okta gives vendors to prove that provisioning from a real Okta org reaches their server.
 * Here the practice org plays the Okta org and scimmy the vendor, and the suite's own requests and
 * assertions decide whether the practice org provisions as Okta does. Its pauses wait for the
 * engine to be idle instead of 20 seconds.
 */

const TOKEN = 'okta-crud-suite-token';
const CRUD = loadRunscopeTest('Okta-SCIM-20-CRUD-Test.json');

let org: SandboxOrg;
let scim: ScimTestServer;
let vars: Record<string, string>;

beforeAll(async () => {
  org = await startSandbox();
  scim = await startScimServer({ token: TOKEN });
  const app = await api<{ id: string; name: string; label: string }>(org, 'POST', '/api/v1/apps', {
    body: samlAppBody('SCIM 2.0 Test App'),
  });
  // The suite assigns with the SCIM template app's base profile (givenName, familyName, email,
  // emailType). The practice org's app schemas have no base properties yet, so the test declares
  // them as an admin would in the Profile Editor; without an external name they are not sent as
  // extra SCIM attributes, so what reaches the vendor still comes from the Okta user.
  const properties = Object.fromEntries(
    ['givenName', 'familyName', 'email', 'emailType'].map((name) => [
      name,
      { title: name, type: 'string', scope: 'NONE' },
    ]),
  );
  const schema = await api(org, 'POST', `/api/v1/meta/schemas/apps/${app.body.id}/default`, {
    body: { definitions: { custom: { id: '#custom', type: 'object', properties } } },
  });
  expect(schema.status).toBe(200);
  await postConsole(await consoleSession(org, app.body), { ...integration(scim.baseUrl, TOKEN), action: 'save' });
  vars = {
    ...initialVariables('Initial_Script_CRUD.txt'),
    oktaOrgUrl: org.url,
    oktaAppId: app.body.id,
    oktaToken: org.apiToken,
    SCIMUrl: scim.baseUrl,
    SCIMAuth: `Bearer ${TOKEN}`,
  };
});
afterAll(async () => {
  await scim.close();
});

/** The suite's 13 requests, by position: every one runs as published. */
const RUNNABLE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const step = (position: number): string => {
  const requests = CRUD.steps.filter((s) => s.step_type === 'request');
  return (requests[position]?.note ?? '').trim();
};

describe("Okta's SCIM 2.0 CRUD test against the practice org", () => {
  it('creates, renames, deactivates, reactivates and finally deactivates the user at the vendor as the suite checks', async () => {
    const runnable = new Set(RUNNABLE);
    let position = -1;
    const results = await runRunscope(CRUD, vars, {
      only: () => {
        position += 1;
        return runnable.has(position);
      },
      onPause: () => provisioningOf(org.state).whenIdle(),
    });
    expect(results.map((r) => r.note)).toEqual(RUNNABLE.map(step));
    expect(verdicts(results)).toEqual(Object.fromEntries(RUNNABLE.map((p) => [step(p), []])));
    const created = scim.users().find((u) => u.userName === vars.okta_user_email);
    expect(created).toMatchObject({
      name: { givenName: vars.okta_user_firstname_update, familyName: vars.okta_user_lastname },
      active: false,
    });
  });
});
