import { matchUsers } from '../../src-main/migrate/match';
import type { OktaPerson } from '../../src-main/migrate/okta-users';
import { readTable } from '../../src-main/migrate/read-table';
import { readVendorUsers, type VendorUser } from '../../src-main/migrate/vendor-users';
import { loadavg } from 'node:os';
import { median, medianMs, underGoal, type BenchSuite, type Figure } from './harness';

const N = 100_000;
const ROLES = ['Admin', 'Manager', 'Developer', 'Designer', 'Support', 'Analyst', 'Owner'];

/**
 * A realistic pair of lists: 90% of the vendor's people are in Okta, a tenth of them typed in
 * another case, a few names with accents in decomposed form, some plus-addresses, some gmail.
 */
function people(n: number): { vendor: VendorUser[]; okta: OktaPerson[] } {
  const okta: OktaPerson[] = [];
  const vendor: VendorUser[] = [];
  for (let i = 0; i < n; i++) {
    const base = i % 50 === 0 ? `jos\u00e9.${i}` : `person.${i}`;
    okta.push({ id: `00u${i}`, login: `${base}@acme.com`, email: `${base}@acme.com`, status: 'ACTIVE' });
    const inOkta = i % 10 !== 0;
    const local = inOkta ? (i % 50 === 0 ? `jose\u0301.${i}` : base) : `new.${i}`;
    const email = i % 97 === 0 ? `${local}@gmail.com` : i % 13 === 0 ? `${local}+x@acme.com` : `${local}@acme.com`;
    vendor.push({ row: i + 1, email: i % 10 === 1 ? email.toUpperCase() : email, role: ROLES[i % ROLES.length] });
  }
  return { vendor, okta };
}

function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function run(): Promise<Figure[]> {
  const { vendor, okta } = people(N);
  const options = {
    domains: ['acme.com'],
    consumerForbidden: true,
    roles: {
      values: ['ADMINISTRATOR', 'MANAGER', 'DEVELOPER', 'DESIGNER', 'SUPPORT_SPECIALIST', 'ANALYST'].map((v) => ({
        title: v,
        value: v,
      })),
      map: { Admin: 'ADMINISTRATOR', Support: 'SUPPORT_SPECIALIST' },
    },
  };
  const matchMs = await medianMs(() => matchUsers(vendor, okta, options), 5);
  // CPU time as well: on a shared machine the wall clock also counts time the core was busy elsewhere.
  const cpu: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = process.cpuUsage();
    matchUsers(vendor, okta, options);
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  }
  const matchCpuMs = median(cpu);

  // Memory: what the matcher's result keeps, per row, at two sizes; memory proportional to input gives
  // a flat per-row figure. Each size is measured in its own function call, so nothing of the other
  // size is still reachable, after a warm-up run at the same size.
  const canGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  const retainedPerRow = (size: number): number => {
    const slice = people(size);
    const before = heapAfterGc();
    const result = matchUsers(slice.vendor, slice.okta, options);
    const after = heapAfterGc();
    if (result.rows.length !== size) throw new Error('matcher lost rows');
    return (after - before) / size;
  };
  const perRow: number[] = [];
  for (const size of [50_000, 100_000]) {
    retainedPerRow(size);
    perRow.push(retainedPerRow(size));
  }

  const csv = ['Name,Email,Role', ...vendor.map((u, i) => `"Person ${i}",${u.email},${u.role}`)].join('\r\n');
  const bytes = new TextEncoder().encode(csv);
  const readMs = await medianMs(() => readVendorUsers(readTable(bytes), { email: 'Email', role: 'Role' }), 3);

  return [
    underGoal(
      `match ${N.toLocaleString('en')} vendor users against ${N.toLocaleString('en')} Okta users (median of 5, wall clock; load ${loadavg()[0]?.toFixed(1)})`,
      matchMs,
      'ms',
      300,
    ),
    underGoal(`the same match in CPU time (median of 5, process.cpuUsage)`, matchCpuMs, 'ms', 300),
    {
      name: `memory retained per row at 50k / 100k rows${canGc ? '' : ' (run with --expose-gc for exact figures)'}`,
      value: perRow[1] ?? 0,
      unit: 'B/row',
      goal: `flat (within 1.5x): ${perRow.map((b) => Math.round(b)).join(' / ')} B/row`,
      met: Math.max(...perRow) < 1.5 * Math.min(...perRow),
    },
    underGoal(
      `read a ${(bytes.length / 1e6).toFixed(1)} MB vendor CSV of ${N.toLocaleString('en')} rows (median of 3)`,
      readMs,
      'ms',
      1000,
    ),
  ];
}

export default {
  name: 'migrate: matching and reading exports at 100,000 people (in-process, one core)',
  run,
} satisfies BenchSuite;
