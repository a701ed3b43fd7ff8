import { stringify } from 'csv-stringify/sync';
import { MATCH_CLASS_TITLES, type MatchRow } from './match';
import type { RowResult } from './store';

/** What the screen adds to a row: the admin's decision on a "not in Okta" row and apply's result. */
export interface ReviewExtras {
  decisions: Record<string, 'create' | 'drop'>;
  results: Record<string, RowResult>;
}

/**
 * The review table as a CSV file for a spreadsheet or a ticket: one row per vendor user. With
 * `extras` (the screen's export), each row also says what the admin decided and what apply did.
 */
export function reviewCsv(rows: readonly MatchRow[], extras?: ReviewExtras): string {
  const columns = ['Row', 'Email', 'Class', 'Class id', 'Reason', 'Okta login', 'Vendor role', 'Role to send'];
  if (extras) columns.push('Decision', 'Result', 'Result detail', 'Result at');
  return stringify(
    rows.map((r) => {
      const base: (string | number)[] = [
        r.row,
        r.email,
        MATCH_CLASS_TITLES[r.class],
        r.class,
        r.reason,
        r.login ?? '',
        r.vendorRole ?? '',
        r.role ?? '',
      ];
      if (!extras) return base;
      const result = extras.results[String(r.row)];
      return [
        ...base,
        extras.decisions[String(r.row)] ?? '',
        result?.status ?? '',
        result?.message ?? '',
        result?.at ?? '',
      ];
    }),
    {
      header: true,
      columns,
      // Excel opens UTF-8 with a BOM as UTF-8; without it, "José" turns into "JosÃ©".
      bom: true,
    },
  );
}
