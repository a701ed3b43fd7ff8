import { stringify } from 'csv-stringify/sync';
import { MATCH_CLASS_TITLES, type MatchRow } from './match';

/** The review table as a CSV file for a spreadsheet or a ticket: one row per vendor user. */
export function reviewCsv(rows: readonly MatchRow[]): string {
  return stringify(
    rows.map((r) => [
      r.row,
      r.email,
      MATCH_CLASS_TITLES[r.class],
      r.class,
      r.reason,
      r.login ?? '',
      r.vendorRole ?? '',
      r.role ?? '',
    ]),
    {
      header: true,
      columns: ['Row', 'Email', 'Class', 'Class id', 'Reason', 'Okta login', 'Vendor role', 'Role to send'],
      // Excel opens UTF-8 with a BOM as UTF-8; without it, "José" turns into "JosÃ©".
      bom: true,
    },
  );
}
