import { z } from 'zod';

const Role = z.string().trim().min(1).optional();

export const AssignInputSchema = z.object({
  /** Groups to assign, each with the role its members get (when the app has roles). */
  groups: z.array(z.object({ id: z.string().min(1), name: z.string(), role: Role })).default([]),
  /** People to assign directly, each with a role (when the app has roles). */
  users: z.array(z.object({ id: z.string().min(1), name: z.string(), role: Role })).default([]),
});
export type AssignInput = z.infer<typeof AssignInputSchema>;

/** How many people the chosen groups and users reach, each person counted once. */
export const PeopleCountSchema = z.object({
  people: z.number().int(),
  fromGroups: z.number().int(),
  direct: z.number().int(),
  duplicates: z.number().int(),
});
export type PeopleCountView = z.infer<typeof PeopleCountSchema>;

export const AssignObservedSchema = z.object({
  appId: z.string(),
  /** The values of the app's `role` attribute; empty when the app has none. */
  roles: z.array(z.object({ value: z.string(), title: z.string() })),
  /** Every chosen group and user must carry a role. */
  roleRequired: z.boolean(),
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      members: z.number().int(),
      assigned: z.boolean(),
      role: z.string().nullable(),
    }),
  ),
  users: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      scope: z.enum(['USER', 'GROUP']).nullable(),
      role: z.string().nullable(),
    }),
  ),
  preview: PeopleCountSchema,
  /** Members of the chosen groups that are not app users (yet). */
  membersMissing: z.array(z.string()),
  /** Everything assigned to the app now. */
  appAssigned: z.object({ groups: z.number().int(), users: z.number().int() }),
  /**
   * What the app has now, whoever assigned it (this step, the role step, the console): its groups
   * by name, and its people counted once, directly or through a group.
   */
  appHas: z
    .object({
      groups: z.array(z.object({ id: z.string(), name: z.string(), role: z.string().nullable() })),
      people: z.number().int(),
      direct: z.number().int(),
      viaGroups: z.number().int(),
      /** The people's app usernames, sorted, up to 5,000 (the drift audit names who came and went). */
      logins: z.array(z.string()).optional(),
    })
    .optional(),
  /** The vendor's address rule (consumer mail, registered domains), so the screen can warn as people are picked. */
  addressRule: z
    .object({
      vendorName: z.string(),
      consumerMail: z.enum(['refuse', 'flag']),
      why: z.string(),
      listed: z.array(z.string()),
    })
    .optional(),
  /** People (chosen, or already app users) whose address the vendor's SSO cannot serve, with why. */
  addressFindings: z
    .array(z.object({ id: z.string(), address: z.string(), message: z.string(), assigned: z.boolean() }))
    .optional(),
});
export type AssignObserved = z.infer<typeof AssignObservedSchema>;
