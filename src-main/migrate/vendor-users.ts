import { AppError } from '../errors';
import type { Table } from './read-table';

/** Which column of the vendor's export holds what; `undefined` when the export has none. */
export interface ColumnMapping {
  email: string;
  login?: string;
  name?: string;
  role?: string;
}

export interface VendorUser {
  /** 1-based data row number (the header is row 0), as the admin sees it in a spreadsheet minus the header. */
  row: number;
  email: string;
  login?: string;
  name?: string;
  role?: string;
}

// Header spellings seen in vendor exports, lower-cased without spaces, dashes or underscores.
const GUESSES: Record<keyof ColumnMapping, string[]> = {
  email: ['email', 'emailaddress', 'mail', 'primaryemail', 'workemail', 'useremail', 'emails', 'emails[0].value'],
  login: ['username', 'login', 'userid', 'userlogin', 'username(email)'],
  name: ['name', 'fullname', 'displayname', 'user', 'membername'],
  role: ['role', 'roles', 'userrole', 'permission', 'accessrole', 'projectrole', 'teamrole'],
};

function squash(header: string): string {
  return header.toLowerCase().replace(/[\s_-]/g, '');
}

/** A first mapping from the header names, for the admin to confirm or change in the preview. */
export function guessMapping(headers: string[]): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  const taken = new Set<string>();
  for (const key of ['email', 'login', 'role', 'name'] as const) {
    const found = headers.find((h) => !taken.has(h) && GUESSES[key].includes(squash(h)));
    if (found) {
      mapping[key] = found;
      taken.add(found);
    }
  }
  return mapping;
}

/** Applies a mapping, refusing one that names a column the file does not have. */
export function readVendorUsers(table: Table, mapping: ColumnMapping): VendorUser[] {
  const index = (column: string | undefined, key: string): number | undefined => {
    if (column === undefined) return undefined;
    const i = table.headers.indexOf(column);
    if (i < 0) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `The ${key} column "${column}" is not in the file.`,
        `The file's columns are: ${table.headers.map((h) => `"${h}"`).join(', ')}.`,
        key,
      );
    }
    return i;
  };
  const email = index(mapping.email, 'email') as number;
  const login = index(mapping.login, 'login');
  const name = index(mapping.name, 'name');
  const role = index(mapping.role, 'role');
  const cell = (r: string[], i: number | undefined): string | undefined => (i === undefined ? undefined : r[i]);
  return table.rows.map((r, i) => ({
    row: i + 1,
    email: r[email] ?? '',
    login: cell(r, login),
    name: cell(r, name),
    role: cell(r, role),
  }));
}
