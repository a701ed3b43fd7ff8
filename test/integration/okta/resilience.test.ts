import { describe, expect, it } from 'vitest';
import { buildOrgClient } from '../../../src-main/okta/connect';
import { RatePacer } from '../../../src-main/okta/rate-pacer';
import { apiTokenAuthorizer } from '../../../src-main/okta/signin/api-token';
import type { AuditEvent } from '../../../src-main/workspace/audit-log';
import { startSandbox } from '../../support/sandbox';

/** A seeded generator, so the faults fall the same way on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function setup(faults: Parameters<typeof startSandbox>[0]) {
  const org = await startSandbox(faults);
  const events: Array<Omit<AuditEvent, 'time'>> = [];
  const okta = buildOrgClient({
    clientId: 'cli_faults',
    orgUrl: org.url,
    authMethod: 'api-token',
    authorizer: apiTokenAuthorizer(org.apiToken),
    audit: async (e) => {
      events.push(e);
    },
    pacer: new RatePacer(),
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
    expect(events.map((e) => e.outcome)).toEqual(Array(8).fill('success'));
    expect(okta.stats().failed).toBe(0);
    // Each create makes a 2048-bit signing key on the practice org's one thread: seconds apiece
    // on a loaded two-core machine, so eight of them get more than the default 30 s.
  }, 120_000);

  it('retries reads over dropped connections', async () => {
    const { org, okta } = await setup({ faults: { dropRate: 0.25, methods: ['GET'], random: seeded(3) } });
    expect(await okta.listUsers({ limit: 10 }).all()).toHaveLength(org.state.users.size);
    expect(okta.stats().failed).toBe(0);
  });

  it('does not re-send a create that failed with a 5xx: it reports it once, audited as a failure', async () => {
    const { org, okta, events } = await setup({ faults: { serverErrorRate: 1, methods: ['POST'] } });
    await expect(okta.createApp({ label: 'Once', signOnMode: 'SAML_2_0' }, { activate: true })).rejects.toMatchObject({
      code: 'OKTA_UNAVAILABLE',
    });
    expect(org.requestLog().filter((r) => r.method === 'POST' && r.path.startsWith('/api/v1/apps'))).toHaveLength(1);
    expect(events).toEqual([expect.objectContaining({ operation: 'app.create', outcome: 'failure' })]);
  });

  it('reports a create whose connection dropped as an unknown outcome, sent once', async () => {
    const { org, okta } = await setup({ faults: { dropRate: 1, methods: ['POST'] } });
    await expect(
      okta.createApp({ label: 'Dropped', signOnMode: 'SAML_2_0' }, { activate: true }),
    ).rejects.toMatchObject({
      code: 'OKTA_UNREACHABLE',
      hint: 'The change may or may not have reached Okta. Check your connection, then run the step again: it reads what Okta has before writing, so nothing is made twice.',
    });
    expect(org.requestLog().filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
