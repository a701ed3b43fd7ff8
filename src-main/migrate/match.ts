import { MigrateClassSchema } from '../api/channels-migrate';
import { isConsumerMail, loginDomain } from '../steps/domain-rules';
import type { OktaPerson } from './okta-users';
import type { VendorUser } from './vendor-users';

/** The classes in review order; the screen's channels declare them, the matcher sorts into them. */
export const MATCH_CLASSES = MigrateClassSchema.options;
export type MatchClass = (typeof MATCH_CLASSES)[number];

/** What each class means, in the admin's words (table filters, CSV export, CLI). */
export const MATCH_CLASS_TITLES: Record<MatchClass, string> = {
  'to-assign': 'Matched, to assign',
  assigned: 'Matched, already assigned',
  'unknown-role': 'Matched, role unknown',
  'not-in-okta': 'Not in Okta',
  inactive: 'Okta user not active',
  'outside-domains': "Outside the integration's domains",
  consumer: 'Consumer address',
  duplicate: 'Duplicate',
  invalid: 'No usable email',
};

export interface RoleChoice {
  /** The app's enum: what Okta sends to the vendor. */
  values: { title: string; value: string }[];
  /** Vendor role (as written in the export) to enum value, for names the enum does not share. */
  map?: Record<string, string>;
  /** The role given to people whose export row has no role, when the admin chose one. */
  fallback?: string;
  /** Vendor roles whose people the admin chose to leave out ('' for rows without a role). */
  leftOut?: string[];
}

export interface MatchOptions {
  /** The integration's email domains (lower-case ASCII); empty or absent: any domain. */
  domains?: string[];
  /** The vendor cannot sign in consumer addresses (gmail and the like) through SSO. */
  consumerForbidden?: boolean;
  /** Okta ids of the people the app has now, directly or through a group. */
  assignedIds?: ReadonlySet<string>;
  /** Set when the app has a role attribute; absent: no role is sent. */
  roles?: RoleChoice;
}

export interface MatchRow {
  row: number;
  email: string;
  class: MatchClass;
  reason: string;
  /** The Okta user the row matched. */
  login?: string;
  oktaId?: string;
  /** The enum value to send, for rows that will be assigned. */
  role?: string;
  vendorRole?: string;
}

interface Verdict {
  class: MatchClass;
  reason: string;
  person?: OktaPerson;
  role?: string;
}

export interface MatchResult {
  counts: Record<MatchClass, number>;
  rows: MatchRow[];
}

/**
 * How two spellings of one address compare: Okta logins are case-insensitive, and a name typed on
 * macOS (NFD) must meet the same name typed on Windows (NFC). Plus-addressing and dots are kept:
 * jane+ops@ and j.ane@ are other mailboxes for Okta and for the vendor.
 */
export function identityKey(value: string): string {
  // ASCII is already NFC; skipping normalize() there halves the cost of matching 100,000 rows.
  const trimmed = value.trim();
  return (ASCII.test(trimmed) ? trimmed : trimmed.normalize('NFC')).toLowerCase();
}

const ASCII = /^[\x20-\x7e]*$/;

const INACTIVE = new Set(['STAGED', 'PROVISIONED', 'SUSPENDED', 'DEPROVISIONED']);
const INACTIVE_WHY: Record<string, string> = {
  STAGED: 'staged (created but never activated)',
  PROVISIONED: 'pending activation (has not set a password yet)',
  SUSPENDED: 'suspended',
  DEPROVISIONED: 'deactivated',
};

/**
 * Okta people by their position in the list: one, or several when an address is shared (a
 * duplicate). Positions, not objects, so "which row took this person" is an array slot rather than
 * a map keyed by object, which would give 100,000 objects an identity hash each.
 */
type Holders = number | number[];

class OktaIndex {
  private readonly primary = new Map<string, Holders>();
  private readonly secondary = new Map<string, Holders>();

  constructor(people: readonly OktaPerson[]) {
    for (let i = 0; i < people.length; i += 1) {
      const person = people[i] as OktaPerson;
      const login = identityKey(person.login);
      add(this.primary, login, i);
      if (person.email) {
        const email = person.email === person.login ? login : identityKey(person.email);
        if (email !== login) add(this.primary, email, i);
      }
      if (person.secondEmail) add(this.secondary, identityKey(person.secondEmail), i);
    }
  }

  /** Login and primary email first; a secondary email only when nobody has the address as either. */
  find(key: string, loginKey: string | undefined): { found: number[]; via: 'primary' | 'secondary' } {
    const primary = lookup(this.primary, key, loginKey);
    if (primary.length > 0) return { found: primary, via: 'primary' };
    return { found: lookup(this.secondary, key, loginKey), via: 'secondary' };
  }
}

const NOBODY: number[] = [];

function list(holders: Holders | undefined): number[] {
  return holders === undefined ? NOBODY : Array.isArray(holders) ? holders : [holders];
}

function lookup(map: Map<string, Holders>, key: string, loginKey: string | undefined): number[] {
  const found = list(map.get(key));
  if (loginKey === undefined || loginKey === key) return found;
  return distinct([...found, ...list(map.get(loginKey))]);
}

function add(map: Map<string, Holders>, key: string, position: number): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, position);
  else if (Array.isArray(held)) held.push(position);
  else map.set(key, [held, position]);
}

function distinct(positions: number[]): number[] {
  return positions.length < 2 ? positions : [...new Set(positions)];
}

/** How two spellings of one role compare: "Team_Admin", "team admin" and "TEAM-ADMIN" are one role. */
export function squashRole(role: string): string {
  return identityKey(role).replace(/[\s_-]+/g, ' ');
}

/** What a vendor role resolves to: an app role value, nothing known, or left out by the admin. */
const LEFT_OUT = Symbol('left out');

function roleResolver(roles: RoleChoice): (vendorRole: string | undefined) => string | undefined | typeof LEFT_OUT {
  const lookup = new Map<string, string | typeof LEFT_OUT>();
  for (const { title, value } of roles.values) {
    lookup.set(squashRole(value), value);
    lookup.set(squashRole(title), value);
  }
  for (const [from, to] of Object.entries(roles.map ?? {})) lookup.set(squashRole(from), to);
  for (const role of roles.leftOut ?? []) lookup.set(squashRole(role), LEFT_OUT);
  const none = lookup.get('');
  return (vendorRole) => {
    if (vendorRole === undefined || vendorRole.trim() === '') return none ?? roles.fallback;
    return lookup.get(squashRole(vendorRole));
  };
}

/** Sorts each vendor user into one class, with the reason in words. Pure: the same input, the same plan. */
export function matchUsers(
  vendor: readonly VendorUser[],
  okta: readonly OktaPerson[],
  options: MatchOptions = {},
): MatchResult {
  const index = new OktaIndex(okta);
  const domains = options.domains && options.domains.length > 0 ? new Set(options.domains) : undefined;
  const resolveRole = options.roles ? roleResolver(options.roles) : undefined;
  // Thousands of people share a handful of domains: check each domain once.
  const domainOf = new Map<string, string | undefined>();
  const firstRowOfEmail = new Map<string, VendorUser>();
  // The row (1-based) that first matched each Okta person, by position; 0: none yet.
  const firstRowOfOkta = new Float64Array(okta.length);
  const counts = Object.fromEntries(MATCH_CLASSES.map((c) => [c, 0])) as Record<MatchClass, number>;
  const rows: MatchRow[] = [];
  const reasons = new Map<string, string>();

  for (const user of vendor) {
    const email = user.email.trim();
    const verdict = classify(user, ASCII.test(email) ? email : email.normalize('NFC'));
    counts[verdict.class]++;
    const row: MatchRow = { row: user.row, email, class: verdict.class, reason: verdict.reason };
    if (verdict.person) {
      row.login = verdict.person.login;
      if (verdict.person.id) row.oktaId = verdict.person.id;
    }
    if (verdict.role !== undefined) row.role = verdict.role;
    const vendorRole = user.role?.trim();
    if (vendorRole) row.vendorRole = vendorRole;
    rows.push(row);
  }
  return { counts, rows };

  function reasonFor(how: string, role: string): string {
    const k = `${how}\u0000${role}`;
    let reason = reasons.get(k);
    if (reason === undefined) reasons.set(k, (reason = `Matched ${how}; role ${role}.`));
    return reason;
  }

  /** The one copy of a reason string, so 100,000 rows do not hold 100,000 copies of it. */
  function said(reason: string): string {
    let kept = reasons.get(reason);
    if (kept === undefined) reasons.set(reason, (kept = reason));
    return kept;
  }

  function classify(user: VendorUser, email: string): Verdict {
    const at = email.lastIndexOf('@');
    const rawDomain = email.slice(at + 1);
    if (!domainOf.has(rawDomain)) domainOf.set(rawDomain, loginDomain(`x@${rawDomain}`));
    const domain = domainOf.get(rawDomain);
    if (email === '') return { class: 'invalid', reason: 'The email cell is empty.' };
    if (domain === undefined || at < 1 || email.includes(' ')) {
      return { class: 'invalid', reason: `"${email}" is not an email address.` };
    }
    // Already trimmed and NFC: only the case is left to fold.
    const key = email.toLowerCase();
    const earlier = firstRowOfEmail.get(key);
    if (earlier) {
      return { class: 'duplicate', reason: `The same address as row ${earlier.row}; row ${earlier.row} is used.` };
    }
    firstRowOfEmail.set(key, user);
    if (options.consumerForbidden && isConsumerMail(domain)) {
      return { class: 'consumer', reason: `${domain} is a consumer mail provider; it cannot sign in through SSO.` };
    }
    if (domains && !domains.has(domain)) {
      return {
        class: 'outside-domains',
        reason: `${domain} is not one of the integration's domains (${[...domains].join(', ')}).`,
      };
    }
    const loginKey = user.login && user.login.trim() !== '' ? identityKey(user.login) : undefined;
    const { found, via } = index.find(key, loginKey);
    if (found.length === 0) return { class: 'not-in-okta', reason: 'No Okta user has this login or email.' };
    if (found.length > 1) {
      const people = found.map((k) => okta[k] as OktaPerson);
      return {
        class: 'duplicate',
        reason: `${people.length} Okta users have this address (${people.map((p) => p.login).join(', ')}); pick one in Okta first.`,
      };
    }
    const position = found[0] as number;
    const person = okta[position] as OktaPerson;
    const sameOkta = firstRowOfOkta[position];
    if (sameOkta) {
      return { class: 'duplicate', person, reason: `The same Okta user (${person.login}) as row ${sameOkta}.` };
    }
    firstRowOfOkta[position] = user.row;
    const how = via === 'secondary' ? "by the Okta user's secondary email" : 'by login or email';
    // Thousands of rows share a handful of reasons: build each one once.
    if (INACTIVE.has(person.status)) {
      return {
        class: 'inactive',
        person,
        reason: `Matched ${how}, but the Okta user is ${INACTIVE_WHY[person.status]}; activate them in Okta first.`,
      };
    }
    if (person.id && options.assignedIds?.has(person.id)) {
      return { class: 'assigned', person, reason: said(`Matched ${how}; already assigned to the app.`) };
    }
    if (!resolveRole) return { class: 'to-assign', person, reason: said(`Matched ${how}.`) };
    const role = resolveRole(user.role);
    if (role === LEFT_OUT) {
      const vendorRole = user.role?.trim() ?? '';
      return {
        class: 'unknown-role',
        person,
        reason: said(
          vendorRole === ''
            ? `Matched ${how}; left out: you chose not to migrate people without a role.`
            : `Matched ${how}; left out: you chose not to migrate people with the role "${vendorRole}".`,
        ),
      };
    }
    if (role === undefined) {
      return {
        class: 'unknown-role',
        person,
        reason:
          user.role && user.role.trim() !== ''
            ? `Matched ${how}, but the role "${user.role.trim()}" is not one of the app's roles; map it to one.`
            : `Matched ${how}, but the row has no role; choose a role for people without one.`,
      };
    }
    return { class: 'to-assign', person, role, reason: reasonFor(how, role) };
  }
}
