import { z } from 'zod';
import { channel } from './channel';
import { PeopleCountSchema } from './step-assign';
import { StepRefSchema } from './steps';

const ClientRef = z.object({ clientId: z.string().min(1, 'Choose a client') });

export const DirectoryStatusSchema = z.object({
  users: z.number().int(),
  groups: z.number().int(),
  /** Every page is in; until then searches answer from what has arrived. */
  complete: z.boolean(),
});
export type DirectoryStatusView = z.infer<typeof DirectoryStatusSchema>;

export const DirectoryUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string(),
  email: z.string().optional(),
  status: z.string(),
});
export type DirectoryUserView = z.infer<typeof DirectoryUserSchema>;

export const DirectoryGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  type: z.string(),
});
export type DirectoryGroupView = z.infer<typeof DirectoryGroupSchema>;

const SearchRequest = ClientRef.extend({
  query: z.string().max(200, 'Keep the search under 200 characters'),
  limit: z.number().int().min(1).max(100).default(20),
});

const results = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), matched: z.number().int(), complete: z.boolean() });

export const StepProgressSchema = z.object({
  active: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
});
export type StepProgress = z.infer<typeof StepProgressSchema>;

/** The org's users and groups for the pickers (an in-memory index in main), and a long apply's progress. */
export const directoryChannels = {
  /** Starts (or continues) loading the client's users and groups; answers once the first page of each is in. */
  load: channel(ClientRef.extend({ refresh: z.boolean().optional() }), DirectoryStatusSchema),
  /** Ranked: whole field, start of field, start of a word, anywhere; over name, login and email. */
  searchUsers: channel(SearchRequest, results(DirectoryUserSchema)),
  searchGroups: channel(SearchRequest, results(DirectoryGroupSchema)),
  /** The people assigned to an integration's Okta app (directly or through a group), searched like searchUsers. */
  searchAppUsers: channel(
    z.object({
      integrationId: z.string().min(1, 'Choose an integration'),
      query: z.string().max(200, 'Keep the search under 200 characters'),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    results(DirectoryUserSchema),
  ),
  groupMemberCount: channel(
    ClientRef.extend({ groupId: z.string().min(1) }),
    z.object({ groupId: z.string(), count: z.number().int() }),
  ),
  /** How many people the chosen groups and users reach, each counted once. */
  preview: channel(
    ClientRef.extend({
      groupIds: z.array(z.string().min(1)).max(1000),
      userIds: z.array(z.string().min(1)).max(10_000),
    }),
    PeopleCountSchema,
  ),
  /** Where a running apply stands (assignments report each write). */
  progress: channel(StepRefSchema, StepProgressSchema),
} as const;
