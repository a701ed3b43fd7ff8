import { apiTokenValue } from './ids';
import type { UserRecord } from './model';
import { OrgState } from './state';

export interface SeedOptions {
  /** Org subdomain, used in generated custom app names (`acme_myapp_1`). Default `acme`. */
  orgName?: string;
  /** Primary email domain. Default `acme.example`. */
  domain?: string;
  /** Instead of the realistic org: this many generated users and groups (benchmarks, pickers). */
  generate?: { users: number; groups: number };
}

export interface SeededIdentities {
  /** SSWS token of `admin@<domain>` (SUPER_ADMIN). */
  apiToken: string;
  adminLogin: string;
  adminUserId: string;
  /** SSWS token of a READ_ONLY_ADMIN: reads work, writes get 403 E0000006. */
  readOnlyApiToken: string;
  readOnlyLogin: string;
}

const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Diego',
  'Elena',
  'Farah',
  'Gabriel',
  'Hana',
  'Ivan',
  'Jade',
  'Kofi',
  'Lena',
  'Mateo',
  'Nina',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
];
const LAST = [
  'Adams',
  'Bauer',
  'Chen',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kim',
  'Lopez',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
];
const DEPARTMENTS = ['Engineering', 'Support', 'Design', 'Analytics', 'Sales'] as const;
const GROUPS: [string, string][] = [
  ['Engineering', 'Software engineers and SREs'],
  ['Support', 'Customer support agents'],
  ['Managers', 'People managers'],
  ['Designers', 'Product and brand designers'],
  ['Analysts', 'Data and business analysts'],
  ['Sales', 'Account executives'],
  ['Contractors', 'External contractors with personal email addresses'],
];
const DEPARTMENT_GROUP: Record<(typeof DEPARTMENTS)[number], string> = {
  Engineering: 'Engineering',
  Support: 'Support',
  Design: 'Designers',
  Analytics: 'Analysts',
  Sales: 'Sales',
};

export function seedOrg(
  seed: SeedOptions | false | undefined,
  apiToken: string | undefined,
): { state: OrgState; identities: SeededIdentities } {
  const options = seed === false ? {} : (seed ?? {});
  const domain = options.domain ?? 'acme.example';
  const state = new OrgState(options.orgName ?? 'acme', domain);
  const everyone = state.addGroup('Everyone', 'All users in your organization', 'BUILT_IN');
  const person = (first: string, last: string, email: string, extra: Record<string, unknown> = {}): UserRecord => {
    const user = state.addUser({ login: email, email, firstName: first, lastName: last, ...extra });
    state.addGroupMember(everyone.id, user.id);
    return user;
  };

  const admin = person('Alex', 'Admin', `admin@${domain}`, { title: 'IT Administrator', department: 'IT' });
  const readOnly = person('Riley', 'Reader', `readonly.admin@${domain}`, { title: 'Auditor', department: 'IT' });
  state.assignRole(admin.id, 'SUPER_ADMIN');
  state.assignRole(readOnly.id, 'READ_ONLY_ADMIN');
  const identities: SeededIdentities = {
    apiToken: apiToken ?? apiTokenValue(),
    adminLogin: admin.profile.login,
    adminUserId: admin.id,
    readOnlyApiToken: apiTokenValue(),
    readOnlyLogin: readOnly.profile.login,
  };
  state.apiTokens.set(identities.apiToken, admin.id);
  state.apiTokens.set(identities.readOnlyApiToken, readOnly.id);

  if (seed === false) return { state, identities };
  if (options.generate) generate(state, domain, options.generate, person);
  else realistic(state, domain, person);
  return { state, identities };
}

type AddPerson = (first: string, last: string, email: string, extra?: Record<string, unknown>) => UserRecord;

/** ~50 people: 40 at the primary domain, a subsidiary domain, and contractors on gmail/outlook. */
function realistic(state: OrgState, domain: string, person: AddPerson): void {
  const groupIds = new Map(GROUPS.map(([name, description]) => [name, state.addGroup(name, description).id]));
  const join = (group: string, userId: string): void => state.addGroupMember(groupIds.get(group) ?? '', userId);
  for (let i = 0; i < 40; i += 1) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const department = DEPARTMENTS[i % DEPARTMENTS.length]!;
    const email = `${first}.${last}${i >= FIRST.length ? i : ''}@${domain}`.toLowerCase();
    const user = person(first, last, email, { department, title: i % 8 === 0 ? `${department} Manager` : department });
    join(DEPARTMENT_GROUP[department], user.id);
    if (i % 8 === 0) join('Managers', user.id);
  }
  const subsidiary = `labs.${domain}`;
  for (let i = 0; i < 6; i += 1) {
    const user = person(
      FIRST[(i + 5) % FIRST.length]!,
      LAST[(i + 3) % LAST.length]!,
      `${FIRST[(i + 5) % FIRST.length]!}.${LAST[(i + 3) % LAST.length]!}@${subsidiary}`.toLowerCase(),
      { department: 'Engineering' },
    );
    join('Engineering', user.id);
  }
  const consumer: [string, string, string][] = [
    ['Sam', 'Rivera', 'sam.rivera.design@gmail.com'],
    ['Noor', 'Aziz', 'noor.aziz@gmail.com'],
    ['Leo', 'Martin', 'leo.martin.dev@gmail.com'],
    ['Mia', 'Novak', 'mia.novak@outlook.com'],
    ['Tom', 'Byrne', 'tbyrne@outlook.com'],
  ];
  for (const [first, last, email] of consumer) {
    const user = person(first, last, email, { department: 'Contractors' });
    join('Contractors', user.id);
  }
}

/** `users` people and `groups` groups; each person joins two groups so memberships spread evenly. */
function generate(state: OrgState, domain: string, size: { users: number; groups: number }, person: AddPerson): void {
  const groupIds: string[] = [];
  for (let g = 0; g < size.groups; g += 1)
    groupIds.push(state.addGroup(`Team ${String(g + 1).padStart(4, '0')}`, `Generated group ${g + 1}`).id);
  for (let i = 0; i < size.users; i += 1) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const user = person(first, last, `${first}.${last}.${i}@${domain}`.toLowerCase(), {
      department: DEPARTMENTS[i % DEPARTMENTS.length],
    });
    if (groupIds.length === 0) continue;
    state.addGroupMember(groupIds[i % groupIds.length]!, user.id);
    state.addGroupMember(groupIds[(i * 7 + 3) % groupIds.length]!, user.id);
  }
}
