import { defineConfig } from 'vitest/config';

/**
 * The crash suite (npm run test:crash): minutes long, so outside `npm test`. One worker, because
 * every kill point already runs two Node processes, the practice org and a SCIM server.
 */
export default defineConfig({
  test: {
    include: ['test/crash/**/*.crash.ts'],
    environment: 'node',
    maxWorkers: 1,
    testTimeout: 4 * 60 * 60_000,
    hookTimeout: 120_000,
  },
});
