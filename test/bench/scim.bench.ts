import { runScimPreflight } from '../../src-main/scim/preflight';
import { startScimServer } from '../support/scim-server';
import { medianMs, underGoal, type BenchSuite } from './harness';

export default {
  name: 'scim',
  async run() {
    const server = await startScimServer({ token: 'bench-token' });
    try {
      const ms = await medianMs(async () => {
        const report = await runScimPreflight({ baseUrl: server.baseUrl, token: 'bench-token' });
        if (report.checks.some((c) => c.status === 'fail'))
          throw new Error('the preflight failed against the scimmy server');
      });
      return [underGoal('whole SCIM preflight against a server on 127.0.0.1', ms, 'ms', 1000)];
    } finally {
      await server.close();
    }
  },
} satisfies BenchSuite;
