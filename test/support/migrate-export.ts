/**
 * A vendor's user export with the awkward cases a real one has, built from the practice org's
 * people, and the exact class counts a match against that org gives. Shared by the handlers'
 * integration test and the migrate screen's e2e, so both assert the same numbers.
 */
export interface OrgPerson {
  login: string;
}

export const NEWCOMERS = 250;
/** Vendor roles as exports spell them: titles, enum values, other case; the matcher maps all of them. */
const ROLES = ['Admin', 'developer', 'MANAGER', 'Support', 'Analyst', 'Designer'];

export interface VendorExport {
  /** Semicolon-separated, with a UTF-8 BOM (Excel in a decimal-comma locale). */
  bytes: Uint8Array;
  rows: number;
  /** The person the test suspends in Okta (row 1) and the one it assigns before the match (row 2). */
  suspend: string;
  preAssign: string;
  /** Row numbers of newcomers, in order (1-based data rows). */
  newcomerRows: number[];
  counts: Record<string, number>;
  /** Row number of each to-assign person, the email as the row has it (trimmed), and the role the app gets. */
  toAssign: { row: number; login: string; email: string; role: string }[];
}

const ROLE_VALUE: Record<string, string> = {
  admin: 'ADMINISTRATOR',
  developer: 'DEVELOPER',
  manager: 'MANAGER',
  support: 'SUPPORT_SPECIALIST',
  analyst: 'ANALYST',
  designer: 'DESIGNER',
};

/** `people`: the org's people besides its admins, in a stable order (at least 10). */
export function courierExport(people: OrgPerson[]): VendorExport {
  const sorted = [...people].sort((a, b) => a.login.localeCompare(b.login));
  const lines: string[] = ['Email;Name;Role;Username'];
  const toAssign: VendorExport['toAssign'] = [];
  const add = (email: string, name: string, role: string, username = '') =>
    lines.push([email, name, role, username].map((v) => (v.includes(';') ? `"${v}"` : v)).join(';'));
  sorted.forEach((p, i) => {
    const row = lines.length;
    if (i === 0) add(p.login, 'Suspended Person', 'Admin');
    else if (i === 1) add(p.login, 'Already Assigned', 'Analyst');
    else if (i === 2) add(p.login, 'Role Unknown', 'Owner');
    else if (i === 3) add(p.login, 'No Role', '');
    else if (i === 4) {
      // Upper case and a trailing space: Okta logins compare case-insensitively.
      add(`${p.login.toUpperCase()} `, 'Shouting Person', 'Admin');
      toAssign.push({ row, login: p.login, email: p.login.toUpperCase(), role: 'ADMINISTRATOR' });
    } else if (i === 5) {
      // A personal address in the email column; the username column carries the Okta login.
      add('someone.personal@elsewhere.example', 'Matched By Username', 'Support', p.login);
      toAssign.push({
        row,
        login: p.login,
        email: 'someone.personal@elsewhere.example',
        role: 'SUPPORT_SPECIALIST',
      });
    } else {
      const role = ROLES[i % ROLES.length]!;
      add(p.login, `Person ${i}`, role);
      toAssign.push({ row, login: p.login, email: p.login, role: ROLE_VALUE[role.toLowerCase()]! });
    }
  });
  const [local, domain] = sorted[6]!.login.split('@') as [string, string];
  add(sorted[6]!.login.toUpperCase(), 'Same Address Again', 'Admin'); // duplicate
  add(sorted[7]!.login, 'Same Row Twice', 'Admin'); // duplicate
  add('', 'Nobody', 'Admin'); // invalid: empty email
  add('not-an-email', 'Broken Cell', 'Admin'); // invalid
  add(`${local}+ops@${domain}`, 'Plus Address', 'Developer'); // not in Okta: another mailbox
  add(`${local.replace('.', '')}@${domain}`, 'Dotless', 'Developer'); // not in Okta
  const newcomerRows: number[] = [];
  for (let i = 0; i < NEWCOMERS; i += 1) {
    newcomerRows.push(lines.length);
    add(`new.hire.${String(i).padStart(3, '0')}@acme.example`, `New Hire${i}`, 'Developer');
  }
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  return {
    bytes: new TextEncoder().encode(text),
    rows: lines.length - 1,
    suspend: sorted[0]!.login,
    preAssign: sorted[1]!.login,
    newcomerRows,
    counts: {
      'to-assign': sorted.length - 4,
      assigned: 1,
      'unknown-role': 2,
      'not-in-okta': NEWCOMERS + 2,
      inactive: 1,
      'outside-domains': 0,
      consumer: 0,
      duplicate: 2,
      invalid: 2,
    },
    toAssign,
  };
}
