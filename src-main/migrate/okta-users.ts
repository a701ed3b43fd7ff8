import { AppError } from '../errors';
import type { Table } from './read-table';

export type OktaUserStatus =
  'ACTIVE' | 'STAGED' | 'PROVISIONED' | 'RECOVERY' | 'PASSWORD_EXPIRED' | 'LOCKED_OUT' | 'SUSPENDED' | 'DEPROVISIONED';

/** The Okta side of a match: from the Management API or from Okta's own user export. */
export interface OktaPerson {
  id?: string;
  login: string;
  email?: string;
  secondEmail?: string;
  status: OktaUserStatus;
}

// The API's status names, and the labels the Admin Console shows (and writes into its exports).
const STATUSES: Record<string, OktaUserStatus> = {
  ACTIVE: 'ACTIVE',
  STAGED: 'STAGED',
  PROVISIONED: 'PROVISIONED',
  PENDING_USER_ACTION: 'PROVISIONED',
  RECOVERY: 'RECOVERY',
  PASSWORD_RESET: 'RECOVERY',
  PASSWORD_EXPIRED: 'PASSWORD_EXPIRED',
  LOCKED_OUT: 'LOCKED_OUT',
  SUSPENDED: 'SUSPENDED',
  DEPROVISIONED: 'DEPROVISIONED',
  DEACTIVATED: 'DEPROVISIONED',
};

// Okta's CSV exports, by their documented columns (help.okta.com): the Okta Password Health report
// (Reports > Reports) has User, Login, Status, Activation date, Authentication Source, Last Login,
// Last Password Change; the User Accounts report names its fields Okta username, Primary Email and
// Okta user status; exports made through the API or with other tools use the profile attributes
// (login, email, secondEmail) or their Admin Console labels (Username, Primary email, Secondary email).
const COLUMNS = {
  id: ['id', 'user id', 'okta id'],
  login: ['login', 'username', 'user name', 'okta username'],
  email: ['email', 'primary email'],
  secondEmail: ['secondemail', 'secondary email'],
  status: ['status', 'user status', 'okta user status'],
} as const;

function column(headers: string[], names: readonly string[]): number | undefined {
  const i = headers.findIndex((h) => names.includes(h.trim().toLowerCase()));
  return i < 0 ? undefined : i;
}

/** Reads an Okta user export: one person a row, login required, status as Okta writes it. */
export function readOktaExport(table: Table): OktaPerson[] {
  const login = column(table.headers, COLUMNS.login);
  if (login === undefined) {
    throw new AppError(
      'INVALID_FILE',
      'The Okta export has no Username (login) column.',
      `Export the users from Okta's Admin Console (Reports > Okta Password Health gives Login and Status); this file has: ${table.headers.join(', ')}.`,
    );
  }
  const id = column(table.headers, COLUMNS.id);
  const email = column(table.headers, COLUMNS.email);
  const second = column(table.headers, COLUMNS.secondEmail);
  const status = column(table.headers, COLUMNS.status);
  return table.rows
    .filter((r) => (r[login] ?? '').trim() !== '')
    .map((r) => {
      // An export without a status column is read as active people, Okta's default list.
      const rawStatus = status === undefined ? 'ACTIVE' : (r[status] ?? '').trim();
      const known = STATUSES[rawStatus.toUpperCase().replace(/\s+/g, '_')];
      if (!known) {
        throw new AppError(
          'INVALID_FILE',
          `Row ${table.rows.indexOf(r) + 1} of the Okta export has the status "${rawStatus}", which Okta does not use.`,
          `Okta's statuses are ${Object.keys(STATUSES).join(', ')}; export the users from Okta again.`,
        );
      }
      return {
        ...(id !== undefined && r[id] ? { id: r[id] } : {}),
        login: r[login] ?? '',
        ...(email !== undefined && r[email] ? { email: r[email] } : {}),
        ...(second !== undefined && r[second] ? { secondEmail: r[second] } : {}),
        status: known,
      };
    });
}
