import { Agent, request } from 'node:http';
import { createSandboxOrg, type SandboxOrg } from '../../src-main/sandbox/server';
import { overGoal, type BenchSuite, type Figure } from './harness';

const CONNECTIONS = 8;
const REQUESTS = 4_000;

function get(agent: Agent, org: SandboxOrg, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${org.url}${path}`,
      { agent, headers: { authorization: `SSWS ${org.apiToken}`, accept: 'application/json' } },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`${path} answered ${res.statusCode ?? 0}`));
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Requests per second for `path` over CONNECTIONS keep-alive connections, each sending one request at a time. */
async function throughput(org: SandboxOrg, path: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  try {
    for (let i = 0; i < CONNECTIONS * 10; i += 1) await get(agent, org, path);
    let sent = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (sent < REQUESTS) {
          sent += 1;
          await get(agent, org, path);
        }
      }),
    );
    return REQUESTS / ((performance.now() - start) / 1000);
  } finally {
    agent.destroy();
  }
}

export default {
  name: 'sandbox org (loopback, 8 keep-alive connections)',
  async run(): Promise<Figure[]> {
    const seeded = await createSandboxOrg({ rateLimit: { perMinute: 10_000_000 } });
    const big = await createSandboxOrg({
      rateLimit: { perMinute: 10_000_000 },
      seed: { generate: { users: 10_000, groups: 2_000 } },
    });
    try {
      for (let i = 0; i < 25; i += 1) {
        await fetch(`${seeded.url}/api/v1/apps`, {
          method: 'POST',
          headers: { authorization: `SSWS ${seeded.apiToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            name: 'bookmark',
            label: `Bench ${i}`,
            signOnMode: 'BOOKMARK',
            settings: { app: { url: 'https://bench.example' } },
          }),
        });
      }
      return [
        overGoal(
          'GET /api/v1/users?limit=20 (seeded org)',
          await throughput(seeded, '/api/v1/users?limit=20'),
          'req/s',
          1_000,
        ),
        overGoal(
          'GET /api/v1/apps?limit=20 (25 apps)',
          await throughput(seeded, '/api/v1/apps?limit=20'),
          'req/s',
          1_000,
        ),
        overGoal(
          'GET /api/v1/groups?q=Team%2001&limit=20 (2,000 groups)',
          await throughput(big, '/api/v1/groups?q=Team%2001&limit=20'),
          'req/s',
          1_000,
        ),
        overGoal(
          'GET /api/v1/users?search=…sw (10,000 users)',
          await throughput(big, `/api/v1/users?limit=20&search=${encodeURIComponent('profile.email sw "ava"')}`),
          'req/s',
          1_000,
        ),
      ];
    } finally {
      await seeded.close();
      await big.close();
    }
  },
} satisfies BenchSuite;
