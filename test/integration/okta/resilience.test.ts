import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src-main/workspace/audit-log';
import { startSandbox } from '../../support/sandbox';
import { apiTokenClient } from '../../support/api-token-client';

/** A seeded generator, so the faults fall the same way on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const samlApp = (label: string) => ({
  label,
  signOnMode: 'SAML_2_0',
  settings: { signOn: { ssoAcsUrl: 'https://v.example/acs', audience: 'https://v.example' } },
});

async function setup(faults: Parameters<typeof startSandbox>[0]) {
  const org = await startSandbox(faults);
  const events: Array<Omit<AuditEvent, 'time'>> = [];
  const okta = apiTokenClient({
    clientId: 'cli_faults',
    orgUrl: org.url,
    apiToken: org.apiToken,
    audit: async (e) => {
      events.push(e);
    },
  });
  return { org, okta, events };
}

describe('the client under injected faults', () => {
  it('lists users and groups across pages with zero failed calls while 20% of answers are 429 and 20% are 5xx', async () => {
    const { org, okta } = await setup({ faults: { rateLimitRate: 0.2, serverErrorRate: 0.2, random: seeded(7) } });
    const users = await okta.listUsers({ limit: 5 }).all();
    const groups = await okta.listGroups({ limit: 2 }).all();
    const members = await okta.listGroupMembers(groups[1]?.id ?? '').all();
    expect(users.map((u) => u.id)).toEqual([...org.state.users.keys()]);
    expect(groups.map((g) => g.id)).toEqual([...org.state.groups.keys()]);
    expect(members.map((m) => m.id).sort()).toEqual([...org.state.groupMemberIds(groups[1]?.id ?? '')].sort());
    const stats = okta.stats();
    expect(stats.failed).toBe(0);
    expect(stats.rateLimited).toBeGreaterThan(0);
    expect(stats.retries).toBeGreaterThan(stats.rateLimited);
  });

  it('finishes writes with zero failures while 20% of all answers are 429 (a 429 was not processed, so it is re-sent)', async () => {
    const { org, okta, events } = await setup({ faults: { rateLimitRate: 0.2, random: seeded(11) } });
    const before = org.writeCount();
    for (let i = 0; i < 8; i += 1) {
      await okta.createApp(
        {
          label: `Faulty ${i}`,
          signOnMode: 'SAML_2_0',
          settings: { signOn: { ssoAcsUrl: `https://v${i}.example/acs`, audience: `https://v${i}.example` } },
        },
        { activate: true },
      );
    }
    expect(org.writeCount() - before).toBe(8);
    expect([...org.state.apps.values()].filter((a) => a.label.startsWith('Faulty ')).length).toBe(8);
    expect(events.map((e) => e.outcome)).toEqual(Array(8).fill(['intent', 'success']).flat());
    expect(okta.stats().failed).toBe(0);
    // Each create makes a 2048-bit signing key on the practice org's one thread: seconds apiece
    // on a loaded two-core machine, so eight of them get more than the default 30 s.
  }, 120_000);

  it('retries reads over dropped connections', async () => {
    const { org, okta } = await setup({ faults: { dropRate: 0.25, methods: ['GET'], random: seeded(3) } });
    expect(await okta.listUsers({ limit: 10 }).all()).toHaveLength(org.state.users.size);
    expect(okta.stats().failed).toBe(0);
  });

  it('does not re-send a create that failed with a 5xx: it reads Okta back, reports it once, audited as a failure', async () => {
    const { org, okta, events } = await setup({ faults: { serverErrorRate: 1, methods: ['POST'] } });
    await expect(okta.createApp({ label: 'Once', signOnMode: 'SAML_2_0' }, { activate: true })).rejects.toMatchObject({
      code: 'OKTA_UNAVAILABLE',
      hint: 'Nothing was changed. Check your connection, then run the step again.',
    });
    expect(org.requestLog().filter((r) => r.method === 'POST' && r.path.startsWith('/api/v1/apps'))).toHaveLength(1);
    expect(events).toEqual([
      expect.objectContaining({
        operation: 'app.create',
        outcome: 'intent',
        probe: { kind: 'app-label', label: 'Once' },
      }),
      expect.objectContaining({ operation: 'app.create', outcome: 'failure', resolvedBy: 'read-back' }),
    ]);
    expect(events[0]?.writeId).toBe(events[1]?.writeId);
  });

  it('sends a create whose connection dropped once, and reads Okta back to tell it did not land', async () => {
    const { org, okta, events } = await setup({ faults: { dropRate: 1, methods: ['POST'] } });
    await expect(
      okta.createApp({ label: 'Dropped', signOnMode: 'SAML_2_0' }, { activate: true }),
    ).rejects.toMatchObject({
      code: 'OKTA_UNREACHABLE',
      message: expect.stringContaining('Reading Okta back shows the change was not made.') as unknown,
    });
    expect(org.requestLog().filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(events.map((e) => e.outcome)).toEqual(['intent', 'failure']);
  });

  it('returns the app Okta made when the answer to the create was lost, logged as a success found by reading back', async () => {
    const { org, okta, events } = await setup({ faults: { lostAnswerRate: 1, methods: ['POST'] } });
    const app = await okta.createApp(samlApp('Lost answer'), { activate: true });
    expect(org.state.apps.get(app.id)?.label).toBe('Lost answer');
    expect(org.requestLog().filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({ fault: 'lost-answer', mutating: true }),
    ]);
    expect(events.map((e) => [e.outcome, e.resolvedBy])).toEqual([
      ['intent', undefined],
      ['success', 'read-back'],
    ]);
  });

  it('re-sends an unassign (an idempotent DELETE) whose answer was lost; the 404 of the re-send counts as done', async () => {
    const { org, okta, events } = await setup({});
    const app = await okta.createApp(samlApp('Unassign target'), { activate: true });
    const user = [...org.state.users.values()].find((u) => u.id !== org.adminUserId)!;
    await okta.assignUserToApp(app.id, user.id, {});
    org.setFaults({ lostAnswerRate: 1, methods: ['DELETE'] });
    await okta.unassignUserFromApp(app.id, user.id);
    org.setFaults(undefined);
    expect(await okta.getAppUser(app.id, user.id)).toBeUndefined();
    const deletes = org.requestLog().filter((r) => r.method === 'DELETE');
    expect(deletes.length).toBeGreaterThanOrEqual(2);
    expect(deletes[0]).toMatchObject({ fault: 'lost-answer' });
    expect(events.filter((e) => e.operation === 'app.user.unassign').map((e) => [e.outcome, e.resolvedBy])).toEqual([
      ['intent', undefined],
      ['success', 'read-back'],
    ]);
  });

  it('re-sends an unassign whose first answer was a 5xx', async () => {
    const { org, okta, events } = await setup({});
    const app = await okta.createApp(samlApp('Unassign 5xx'), { activate: true });
    const user = [...org.state.users.values()].find((u) => u.id !== org.adminUserId)!;
    await okta.assignUserToApp(app.id, user.id, {});
    let served = 0;
    org.setFaults({ script: (method) => (method === 'DELETE' && served++ === 0 ? 'server-error' : undefined) });
    await okta.unassignUserFromApp(app.id, user.id);
    expect(await okta.getAppUser(app.id, user.id)).toBeUndefined();
    expect(
      org
        .requestLog()
        .filter((r) => r.method === 'DELETE')
        .map((r) => r.status),
    ).toEqual([500, 204]);
    expect(events.at(-1)).toMatchObject({ operation: 'app.user.unassign', outcome: 'success', resolvedBy: 'answer' });
  });
});
