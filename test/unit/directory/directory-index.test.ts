import { describe, expect, it } from 'vitest';
import { DirectoryIndex, type DirectorySource } from '../../../src-main/directory/directory-index';
import { AppError } from '../../../src-main/errors';
import type { OktaGroup, OktaUser, Paged } from '../../../src-main/okta/org-api';

const user = (id: string, first: string, last: string): OktaUser => ({
  id,
  status: 'ACTIVE',
  created: undefined,
  lastLogin: undefined,
  profile: {
    login: `${first}.${last}@acme.example`.toLowerCase(),
    email: `${first}.${last}@acme.example`.toLowerCase(),
    firstName: first,
    lastName: last,
  },
});
const group = (id: string, name: string): OktaGroup => ({ id, type: 'OKTA_GROUP', name, description: undefined });

/** Pages served in order; a page may wait on a gate the test opens, so "the rest is still loading" is a state, not a race. */
function paged<T>(pages: { items: T[]; gate?: Promise<void> }[]): Paged<T> {
  async function* iterate(): AsyncGenerator<T[]> {
    for (const page of pages) {
      await page.gate;
      yield page.items;
    }
  }
  return {
    [Symbol.asyncIterator]: iterate,
    firstPage: async () => ({ items: pages[0]?.items ?? [], hasMore: pages.length > 1 }),
    all: async () => pages.flatMap((p) => p.items),
  };
}

function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

describe('directory index', () => {
  it('answers after the first page and searches what has arrived while the rest loads', async () => {
    const rest = gate();
    const source: DirectorySource = {
      listUsers: () =>
        paged([
          { items: [user('u1', 'Ava', 'Adams'), user('u2', 'Ben', 'Chen')] },
          { items: [user('u3', 'Avery', 'Stone')], gate: rest.promise },
        ]),
      listGroups: () => paged([{ items: [group('g1', 'Engineering')] }]),
      listGroupMembers: () => paged([]),
    };
    const directory = new DirectoryIndex(async () => source);
    expect(await directory.load()).toEqual({ users: 2, groups: 1, complete: false });
    expect(directory.searchUsers('av', 10)).toEqual({
      items: [
        {
          id: 'u1',
          name: 'Ava Adams',
          login: 'ava.adams@acme.example',
          email: 'ava.adams@acme.example',
          status: 'ACTIVE',
        },
      ],
      matched: 1,
      complete: false,
    });
    rest.open();
    expect(await directory.loadAll()).toEqual({ users: 3, groups: 1, complete: true });
    expect(directory.searchUsers('av', 10).items.map((u) => u.name)).toEqual(['Ava Adams', 'Avery Stone']);
  });

  it('reports a failed load and starts over on the next one', async () => {
    let calls = 0;
    const source: DirectorySource = {
      listUsers: () => {
        calls += 1;
        if (calls === 1) {
          return paged([
            { items: [], gate: Promise.reject(new AppError('OKTA_FORBIDDEN', 'no users for you', 'ask')) },
          ]);
        }
        return paged([{ items: [user('u1', 'Ava', 'Adams')] }]);
      },
      listGroups: () => paged([{ items: [] }]),
      listGroupMembers: () => paged([]),
    };
    const directory = new DirectoryIndex(async () => source);
    await expect(directory.load()).rejects.toMatchObject({ code: 'OKTA_FORBIDDEN' });
    expect(await directory.loadAll()).toEqual({ users: 1, groups: 0, complete: true });
  });

  it("reads each group's members once and previews distinct people", async () => {
    let memberReads = 0;
    const members: Record<string, OktaUser[]> = {
      g1: [user('u1', 'Ava', 'Adams'), user('u2', 'Ben', 'Chen')],
      g2: [user('u2', 'Ben', 'Chen')],
    };
    const source: DirectorySource = {
      listUsers: () => paged([]),
      listGroups: () => paged([]),
      listGroupMembers: (groupId) => {
        memberReads += 1;
        return paged([{ items: members[groupId] ?? [] }]);
      },
    };
    const directory = new DirectoryIndex(async () => source);
    expect(await directory.preview(['g1', 'g2'], ['u3'])).toEqual({
      people: 3,
      fromGroups: 2,
      direct: 1,
      duplicates: 1,
    });
    expect(await directory.preview(['g1'], [])).toEqual({ people: 2, fromGroups: 2, direct: 0, duplicates: 0 });
    expect(memberReads).toBe(2);
  });
});
