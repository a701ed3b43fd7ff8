import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { provisioningOf } from '../../../src-main/sandbox/provisioning/index';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import type { UserRecord } from '../../../src-main/sandbox/state';
import { startBrokenScimServer, type BrokenScimKind } from '../../support/broken-scim-servers';
import { api, startSandbox } from '../../support/sandbox';
import type { ScimTestServer } from '../../support/scim-server';
import { consoleSession, customAppWithRole, integration, postConsole } from './console-driver';

const TOKEN = 'broken-vendor-token';

let org: SandboxOrg;
let people: UserRecord[];
let vendor: ScimTestServer | undefined;

beforeAll(async () => {
  org = await startSandbox();
  people = [...org.state.users.values()].filter((u) => u.status === 'ACTIVE' && u.id !== org.adminUserId);
});
afterEach(async () => {
  await vendor?.close();
  vendor = undefined;
});

/** Assigns one user to a fresh app provisioned to a broken vendor; returns the task text Okta would show. */
async function pushTo(
  kind: BrokenScimKind,
  index: number,
): Promise<{ user: UserRecord; label: string; message: string; status: string }> {
  vendor = await startBrokenScimServer(kind, { token: TOKEN });
  const label = `Vendor ${kind}`;
  const app = await customAppWithRole(org, label);
  await postConsole(await consoleSession(org, app), { ...integration(vendor.baseUrl, TOKEN), action: 'save' });
  const user = people[index];
  if (user === undefined) throw new Error(`seed user ${index} missing`);
  expect(
    (await api(org, 'POST', `/api/v1/apps/${app.id}/users`, { body: { id: user.id, scope: 'USER' } })).status,
  ).toBe(200);
  await provisioningOf(org.state).whenIdle();
  const tasks = await api<Array<{ message: string; status: string }>>(
    org,
    'GET',
    `/sandbox/v1/apps/${app.id}/provisioning/tasks`,
  );
  expect(tasks.body).toHaveLength(1);
  return { user, label, message: tasks.body[0]?.message ?? '', status: tasks.body[0]?.status ?? '' };
}

describe("provisioning failures recorded with Okta's task text", () => {
  it('treats a 201 without a body as a failed create', async () => {
    const { user, label, message, status } = await pushTo('empty-create-body', 0);
    expect(status).toBe('FAILED');
    expect(message).toBe(
      `Automatic provisioning of user ${user.profile.firstName} ${user.profile.lastName} to app ${label} failed: Error while creating user ${user.profile.login}: Create new user returned empty user.`,
    );
  });

  it("quotes the vendor's SCIM error detail on a 500", async () => {
    const { user, label, message } = await pushTo('server-error', 1);
    expect(message).toBe(
      `Automatic provisioning of user ${user.profile.firstName} ${user.profile.lastName} to app ${label} failed: Error while looking up user ${user.profile.login}: Internal Server Error. Errors reported by remote server: Internal error: database unavailable`,
    );
  });

  it('reports a non-JSON answer as Invalid JSON', async () => {
    const { user, label, message } = await pushTo('html', 2);
    expect(message).toBe(
      `Automatic provisioning of user ${user.profile.firstName} ${user.profile.lastName} to app ${label} failed: Error while looking up user ${user.profile.login}: Invalid JSON: <!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/login"></form></body></html>`,
    );
  });
});

/** A vendor that rate-limits the first `limited` calls with the given Retry-After, then accepts creates. */
async function rateLimitedVendor(
  limited: number,
  retryAfter: string,
): Promise<{ baseUrl: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      calls.push(`${req.method ?? ''} ${req.url ?? ''}`);
      const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/scim+json', ...headers }).end(JSON.stringify(body));
      };
      if (calls.length <= limited)
        return json(
          429,
          { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '429', detail: 'Slow down' },
          { 'retry-after': retryAfter },
        );
      if (req.method === 'GET')
        return json(200, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
          totalResults: 0,
          Resources: [],
        });
      return json(201, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: 'vendor-1', userName: 'x' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('a vendor answering 429', () => {
  it('is retried after Retry-After seconds until it accepts', async () => {
    const limited = await rateLimitedVendor(2, '0');
    try {
      const app = await customAppWithRole(org, 'Busy Vendor');
      await postConsole(await consoleSession(org, app), { ...integration(limited.baseUrl, TOKEN), action: 'save' });
      const user = people[3];
      if (user === undefined) throw new Error('seed user 3 missing');
      await api(org, 'POST', `/api/v1/apps/${app.id}/users`, { body: { id: user.id, scope: 'USER' } });
      await provisioningOf(org.state).whenIdle();
      expect(limited.calls.map((c) => c.split(' ')[0])).toEqual(['GET', 'GET', 'GET', 'POST']);
      expect(provisioningOf(org.state).tasks.at(-1)).toMatchObject({
        appId: app.id,
        action: 'create',
        status: 'SUCCESS',
        scimId: 'vendor-1',
      });
    } finally {
      await limited.close();
    }
  });

  it('stops waiting when the org closes, failing the task with the 429', async () => {
    const own = await startSandbox();
    const limited = await rateLimitedVendor(100, '3600');
    try {
      const app = await customAppWithRole(own, 'Throttled Vendor');
      await postConsole(await consoleSession(own, app), { ...integration(limited.baseUrl, TOKEN), action: 'save' });
      const user = [...own.state.users.values()].find((u) => u.id !== own.adminUserId && u.status === 'ACTIVE');
      if (user === undefined) throw new Error('no seed user');
      await api(own, 'POST', `/api/v1/apps/${app.id}/users`, { body: { id: user.id, scope: 'USER' } });
      const engine = provisioningOf(own.state);
      await engine.close();
      expect(limited.calls).toHaveLength(1);
      expect(engine.tasks.at(-1)?.message).toBe(
        `Automatic provisioning of user ${user.profile.firstName} ${user.profile.lastName} to app Throttled Vendor failed: Error while looking up user ${user.profile.login}: Too Many Requests. Errors reported by remote server: Slow down`,
      );
    } finally {
      await limited.close();
    }
  });
});
