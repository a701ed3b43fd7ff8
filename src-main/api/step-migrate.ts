import { z } from 'zod';

export const MigrateRouteSchema = z.enum(['auto', 'direct', 'group']);
export type MigrateRoute = z.infer<typeof MigrateRouteSchema>;

export const MigrateInputSchema = z.object({
  /** direct: one app assignment per person; group: one group per role, people added as members; auto: the sooner. */
  route: MigrateRouteSchema.default('auto'),
  /** Activate the Okta users created for "not in Okta" rows the admin chose to create (Okta emails them). */
  activateCreated: z.boolean().default(false),
  /**
   * The admin's answer for vendor roles the app's role list does not have, by the role as the
   * export spells it ('' for rows without one): one of the app's role values, or null to leave
   * those people out.
   */
  roleMap: z
    .record(z.string().max(200), z.string().min(1).max(200).nullable())
    .refine((m) => Object.keys(m).length <= 500, 'at most 500 vendor roles can be mapped')
    .default({}),
});
export type MigrateInput = z.infer<typeof MigrateInputSchema>;

/** One route's cost at the limits Okta's headers showed; minutes null when a limit is not known. */
export const RouteEstimateSchema = z.object({
  route: z.enum(['direct', 'group']),
  calls: z.number().int(),
  minutes: z.number().nullable(),
  /** Requests per minute this token may make in each bucket the route uses, as read; null: not known. */
  limits: z.array(z.object({ bucket: z.string(), calls: z.number().int(), perMinute: z.number().nullable() })),
});
export type RouteEstimate = z.infer<typeof RouteEstimateSchema>;

/** Small on purpose: the rows themselves live in the integration's migration file, not in workspace.json. */
export const MigrateObservedSchema = z.object({
  appId: z.string(),
  imported: z.object({ rows: z.number().int(), fileName: z.string(), importedAt: z.string() }).nullable(),
  roles: z.array(z.object({ value: z.string(), title: z.string() })),
  counts: z.record(z.string(), z.number().int()),
  toAssign: z.number().int(),
  toCreate: z.number().int(),
  byRole: z.array(z.object({ role: z.string().nullable(), people: z.number().int() })),
  roleGroups: z.array(
    z.object({
      role: z.string().nullable(),
      name: z.string(),
      id: z.string().nullable(),
      assigned: z.boolean(),
      roleOnApp: z.string().nullable(),
    }),
  ),
  estimates: z.array(RouteEstimateSchema),
  route: z.enum(['direct', 'group']),
  routeWhy: z.string(),
  results: z.object({ done: z.number().int(), failed: z.number().int() }),
});
export type MigrateObserved = z.infer<typeof MigrateObservedSchema>;
