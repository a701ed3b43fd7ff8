import { z } from 'zod';

/** One allowed role: what the admin sees (title) and what the vendor receives (value). */
export const RoleValueSchema = z.object({
  title: z.string().trim().min(1, 'Enter the role\'s display name, e.g. "Admin"'),
  value: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9_.:-]+$/,
      'Enter the value the vendor expects: letters, digits, _ . : - only, e.g. "ADMINISTRATOR"',
    ),
});
export type RoleValue = z.infer<typeof RoleValueSchema>;

export const GroupRoleSchema = z.object({
  groupId: z.string().min(1),
  groupName: z.string(),
  role: z.string().min(1, 'Choose a role for this group'),
});
export type GroupRole = z.infer<typeof GroupRoleSchema>;

export const RoleInputSchema = z
  .object({
    /** The enumerated values. Fixed by a vendor profile that has roles (Courier); the admin's own otherwise. */
    values: z.array(RoleValueSchema).min(1, 'Add at least one role, e.g. title "Admin", value "ADMIN"'),
    /** True when the vendor's profile fixes the values (and `required`): the screen shows them read-only. */
    fixedValues: z.boolean().default(false),
    /** Whether Okta requires the attribute; fixed by a vendor profile that has roles. */
    required: z.boolean().default(false),
    /** Okta groups assigned to the app with a role each (the group assignment's profile). */
    groupRoles: z.array(GroupRoleSchema).default([]),
    /** Roles to set on users already assigned who lack one (app user id -> role value). */
    userRoles: z.record(z.string(), z.string()).default({}),
  })
  .superRefine((input, ctx) => {
    const values = input.values.map((v) => v.value);
    values.forEach((value, i) => {
      if (values.indexOf(value) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['values', i, 'value'],
          message: `"${value}" is listed twice; each role value must be unique`,
        });
    });
    const allowed = `one of ${values.join(', ')}`;
    input.groupRoles.forEach((g, i) => {
      if (!values.includes(g.role))
        ctx.addIssue({
          code: 'custom',
          path: ['groupRoles', i, 'role'],
          message: `"${g.role}" is not a role of this app; choose ${allowed}`,
        });
      if (input.groupRoles.findIndex((o) => o.groupId === g.groupId) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['groupRoles', i, 'groupId'],
          message: `The group "${g.groupName}" is listed twice; keep one row per group`,
        });
    });
    for (const [userId, role] of Object.entries(input.userRoles)) {
      if (!values.includes(role))
        ctx.addIssue({
          code: 'custom',
          path: ['userRoles', userId],
          message: `"${role}" is not a role of this app; choose ${allowed}`,
        });
    }
  });
export type RoleInput = z.infer<typeof RoleInputSchema>;

/** The `role` property of the app user schema as Okta has it, in the fields the vendor cares about. */
export const RoleAttributeSchema = z.object({
  title: z.string().optional(),
  type: z.string().optional(),
  description: z.string().optional(),
  externalName: z.string().optional(),
  externalNamespace: z.string().optional(),
  required: z.boolean().optional(),
  enum: z.array(z.string()).optional(),
  oneOf: z.array(z.object({ const: z.string(), title: z.string() })).optional(),
});
export type RoleAttribute = z.infer<typeof RoleAttributeSchema>;

export const UserNeedingRoleSchema = z.object({
  userId: z.string(),
  userName: z.string(),
  scope: z.enum(['USER', 'GROUP']),
  /** The role the app user has now, if any (not one of the values, or none). */
  role: z.string().nullable(),
});
export type UserNeedingRole = z.infer<typeof UserNeedingRoleSchema>;

export const RoleObservedSchema = z.object({
  appId: z.string(),
  /** The attribute as planned (from the profile or the admin's input). */
  planned: RoleAttributeSchema,
  /** The attribute in Okta now; null when the app user schema has no `role`. */
  attribute: RoleAttributeSchema.nullable(),
  /** Groups assigned to the app now, with the role their assignment carries. */
  groups: z.array(z.object({ groupId: z.string(), groupName: z.string(), role: z.string().nullable() })),
  /** Assigned users whose role must be set by hand (direct assignments without a valid role). */
  usersNeedingRole: z.array(UserNeedingRoleSchema),
  /** Current role of each user named in `userRoles`, null when the user has none (or is not assigned). */
  userRolesNow: z.record(z.string(), z.string().nullable()),
  /** Users named in `userRoles` that are no longer assigned to the app. */
  unassignedUsers: z.array(z.string()),
});
export type RoleObserved = z.infer<typeof RoleObservedSchema>;
