import { AppError } from '../errors';
import type { OktaGroup, OktaOrgApi, OktaUser, Paged } from '../okta/org-api';
import { countPeople, type PeopleCount } from './count';
import { SearchIndex } from './search-index';

export interface DirectoryUser {
  id: string;
  name: string;
  login: string;
  email: string | undefined;
  status: string;
}

export interface DirectoryGroup {
  id: string;
  name: string;
  description: string | undefined;
  type: string;
}

export interface DirectoryStatus {
  users: number;
  groups: number;
  /** Every page of users and groups is in. */
  complete: boolean;
}

export interface SearchResult<T> {
  items: T[];
  /** Matches among what is loaded so far (more may follow while `complete` is false). */
  matched: number;
  complete: boolean;
}

/** What the index reads from the org. */
export type DirectorySource = Pick<OktaOrgApi, 'listUsers' | 'listGroups' | 'listGroupMembers'>;

/** Okta's largest page for users; groups are asked for in the same size so the first answer is quick. */
const PAGE_SIZE = 200;

export function displayName(user: OktaUser): string {
  const name = [user.profile.firstName, user.profile.lastName].filter(Boolean).join(' ');
  return name || user.profile.login;
}

/**
 * One org's users and groups in memory for the pickers. `load` answers as soon as the first page
 * of each is in and keeps walking the rest in the background; searches see whatever has arrived.
 */
export class DirectoryIndex {
  private readonly users = new Map<string, DirectoryUser>();
  private readonly groups = new Map<string, DirectoryGroup>();
  private readonly userIndex = new SearchIndex();
  private readonly groupIndex = new SearchIndex();
  private readonly members = new Map<string, Promise<ReadonlySet<string>>>();
  private loading: { firstPages: Promise<void>; done: Promise<void> } | undefined;
  private complete = false;
  private failure: AppError | undefined;

  constructor(
    private readonly okta: () => Promise<DirectorySource>,
    private readonly pageSize = PAGE_SIZE,
  ) {}

  /** Starts loading (again, after a failure or when `refresh`), and resolves once the first pages are in. */
  async load(options: { refresh?: boolean } = {}): Promise<DirectoryStatus> {
    if (options.refresh && this.complete) this.reset();
    const loading = (this.loading ??= this.start());
    await Promise.race([loading.firstPages, loading.done]);
    this.throwFailure();
    return this.status();
  }

  /** Resolves when every page is in (tests and benchmarks wait for the whole org). */
  async loadAll(): Promise<DirectoryStatus> {
    await (this.loading ??= this.start()).done;
    this.throwFailure();
    return this.status();
  }

  status(): DirectoryStatus {
    return { users: this.users.size, groups: this.groups.size, complete: this.complete };
  }

  searchUsers(query: string, limit: number): SearchResult<DirectoryUser> {
    const found = this.userIndex.search(query, limit);
    return {
      items: found.items.map((e) => this.users.get(e.id)).filter((u) => u !== undefined),
      matched: found.matched,
      complete: this.complete,
    };
  }

  /**
   * The users among `ids` (e.g. an app's assigned people): ranked matches for a query, or every one
   * in name order when the query is blank. Ids not loaded yet are left out until their page is in.
   */
  searchAmong(ids: ReadonlySet<string>, query: string, limit: number): SearchResult<DirectoryUser> {
    const candidates =
      query.trim() === ''
        ? [...ids].flatMap((id) => this.users.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name))
        : this.searchUsers(query, Math.max(this.users.size, 1)).items.filter((u) => ids.has(u.id));
    return { items: candidates.slice(0, limit), matched: candidates.length, complete: this.complete };
  }

  searchGroups(query: string, limit: number): SearchResult<DirectoryGroup> {
    const found = this.groupIndex.search(query, limit);
    return {
      items: found.items.map((e) => this.groups.get(e.id)).filter((g) => g !== undefined),
      matched: found.matched,
      complete: this.complete,
    };
  }

  /** The ids of a group's members, read once per group (every page) and kept. */
  memberIds(groupId: string): Promise<ReadonlySet<string>> {
    let members = this.members.get(groupId);
    if (!members) {
      members = this.okta().then((okta) => memberIdsOf(okta, groupId));
      this.members.set(groupId, members);
      members.catch(() => this.members.delete(groupId));
    }
    return members;
  }

  async preview(groupIds: readonly string[], userIds: readonly string[]): Promise<PeopleCount> {
    const sets = await Promise.all([...new Set(groupIds)].map((id) => this.memberIds(id)));
    return countPeople(sets, userIds);
  }

  private reset(): void {
    this.loading = undefined;
    this.complete = false;
    this.users.clear();
    this.groups.clear();
    this.userIndex.clear();
    this.groupIndex.clear();
    this.members.clear();
  }

  private start(): { firstPages: Promise<void>; done: Promise<void> } {
    this.failure = undefined;
    let usersFirst!: () => void;
    let groupsFirst!: () => void;
    const firstPages = Promise.all([
      new Promise<void>((r) => (usersFirst = r)),
      new Promise<void>((r) => (groupsFirst = r)),
    ]).then(() => undefined);
    const done = this.okta()
      .then((okta) =>
        Promise.all([
          walk(okta.listUsers({ limit: this.pageSize }), (page) => this.addUsers(page), usersFirst),
          walk(okta.listGroups({ limit: this.pageSize }), (page) => this.addGroups(page), groupsFirst),
        ]),
      )
      .then(
        () => {
          this.complete = true;
        },
        (error: unknown) => {
          // Kept, not thrown here: the load that is waiting reports it, the next load starts over.
          usersFirst();
          groupsFirst();
          this.loading = undefined;
          this.failure =
            error instanceof AppError
              ? error
              : new AppError(
                  'DIRECTORY_LOAD_FAILED',
                  `Could not read the org's users and groups: ${error instanceof Error ? error.message : String(error)}`,
                  'Check the connection to the org, then search again.',
                );
        },
      );
    return { firstPages, done };
  }

  private throwFailure(): void {
    const failure = this.failure;
    if (failure) {
      this.failure = undefined;
      throw failure;
    }
  }

  private addUsers(page: OktaUser[]): void {
    const entries = page.map((user) => {
      const entry: DirectoryUser = {
        id: user.id,
        name: displayName(user),
        login: user.profile.login,
        email: user.profile.email,
        status: user.status,
      };
      this.users.set(user.id, entry);
      return {
        id: user.id,
        label: entry.name,
        fields: [entry.name, entry.login, ...(entry.email && entry.email !== entry.login ? [entry.email] : [])],
      };
    });
    this.userIndex.add(entries);
  }

  private addGroups(page: OktaGroup[]): void {
    const entries = page.map((group) => {
      this.groups.set(group.id, { id: group.id, name: group.name, description: group.description, type: group.type });
      return { id: group.id, label: group.name, fields: [group.name] };
    });
    this.groupIndex.add(entries);
  }
}

/** Every member of a group, all pages. */
export async function memberIdsOf(okta: DirectorySource, groupId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const page of okta.listGroupMembers(groupId)) for (const user of page) ids.add(user.id);
  return ids;
}

async function walk<T>(list: Paged<T>, add: (page: T[]) => void, firstPage: () => void): Promise<void> {
  for await (const page of list) {
    add(page);
    firstPage();
  }
  firstPage();
}

/** One directory per client, kept for the session so the pickers answer from memory. */
export class Directories {
  private readonly byClient = new Map<string, DirectoryIndex>();

  constructor(private readonly connect: (clientId: string) => Promise<DirectorySource>) {}

  forClient(clientId: string): DirectoryIndex {
    let directory = this.byClient.get(clientId);
    if (!directory) {
      directory = new DirectoryIndex(() => this.connect(clientId));
      this.byClient.set(clientId, directory);
    }
    return directory;
  }
}
