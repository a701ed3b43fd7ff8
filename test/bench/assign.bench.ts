import { DirectoryIndex } from '../../src-main/directory/directory-index';
import { createSandboxOrg } from '../../src-main/sandbox/server';
import { median, underGoal, type BenchSuite, type Figure } from './harness';
import { apiTokenClient } from '../support/api-token-client';

const USERS = 10_000;
const GROUPS = 2_000;
/** What an admin types, one keystroke at a time: names, logins, a group. */
const TYPED = ['tara bauer', 'ava.adams.1', 'nakamura', 'team 1999', 'acme.example'];

/** The assignment pickers over a large org: first answer, full load, and search per keystroke. */
async function directory(): Promise<Figure[]> {
  const org = await createSandboxOrg({ seed: { generate: { users: USERS, groups: GROUPS } } });
  try {
    const okta = apiTokenClient({
      clientId: 'bench',
      orgUrl: org.url,
      apiToken: org.apiToken,
    });
    const index = new DirectoryIndex(async () => okta);
    const started = performance.now();
    const first = await index.load();
    const firstMs = performance.now() - started;
    const all = await index.loadAll();
    const allMs = performance.now() - started;
    const keystrokes: number[] = [];
    for (const word of TYPED) {
      for (let n = 1; n <= word.length; n += 1) {
        const prefix = word.slice(0, n);
        const t = performance.now();
        index.searchUsers(prefix, 20);
        index.searchGroups(prefix, 20);
        keystrokes.push(performance.now() - t);
      }
    }
    return [
      {
        name: `time to the first page (${first.users} users, ${first.groups} groups answerable)`,
        value: firstMs,
        unit: 'ms',
        goal: 'report',
        met: true,
      },
      underGoal(`load all ${all.users} users and ${all.groups} groups`, allMs, 'ms', 5000),
      underGoal(`search per keystroke, users + groups, median of ${keystrokes.length}`, median(keystrokes), 'ms', 50),
      { name: 'search per keystroke, slowest', value: Math.max(...keystrokes), unit: 'ms', goal: 'report', met: true },
    ];
  } finally {
    await org.close();
  }
}

export default {
  name: 'assign: directory pickers over 10,000 users and 2,000 groups',
  run: directory,
} satisfies BenchSuite;
