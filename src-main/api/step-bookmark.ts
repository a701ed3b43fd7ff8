import { z } from 'zod';

const urlHint = 'the Bookmark URL from the vendor, e.g. https://app.courier.com/login';

/** The bookmark's target: an absolute https URL (a bookmark sends people straight there). */
export const BookmarkUrlSchema = z
  .string()
  .trim()
  .min(1, `Enter ${urlHint}`)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a URL; enter ${urlHint}` });
      return;
    }
    if (url.protocol !== 'https:')
      ctx.addIssue({ code: 'custom', message: `"${value}" must start with https://; enter ${urlHint}` });
    else if (url.username || url.password)
      ctx.addIssue({ code: 'custom', message: `"${value}" must not carry a user name or password; enter ${urlHint}` });
  });

export const BookmarkInputSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, 'Enter the app name people see on their dashboard, e.g. "Courier Login"')
    .max(100, 'Keep the app name under 100 characters'),
  url: BookmarkUrlSchema,
});
export type BookmarkInput = z.infer<typeof BookmarkInputSchema>;

export const BookmarkAppSchema = z.object({
  id: z.string(),
  label: z.string(),
  url: z.string().nullable(),
  status: z.string(),
  /** How this run found it: the fact from an earlier run, or its label. */
  foundBy: z.enum(['fact', 'label']),
});

export const BookmarkObservedSchema = z.object({
  app: BookmarkAppSchema.nullable(),
  /** Groups assigned to the main app: the bookmark is assigned to the same ones. */
  mainGroups: z.array(z.object({ groupId: z.string(), groupName: z.string() })),
  /** Group ids assigned to the bookmark app now. */
  bookmarkGroupIds: z.array(z.string()),
});
export type BookmarkObserved = z.infer<typeof BookmarkObservedSchema>;
