import { BookmarkInputSchema, type BookmarkInput, type BookmarkObserved } from '../api/step-bookmark';
import type { Change, Check } from '../api/steps';
import { groupNamesById } from '../directory/group-names';
import { AppError } from '../errors';
import type { OktaApp, OktaAppInput, OktaOrgApi } from '../okta/org-api';
import { defineStep } from './step';

const BOOKMARK = 'bookmark';

const urlOf = (app: OktaApp): string | null =>
  typeof app.settings.app?.url === 'string' ? app.settings.app.url : null;

/** Finds the bookmark an earlier run made: by the fact first, then by its label. */
async function findBookmark(
  okta: OktaOrgApi,
  factId: string | undefined,
  label: string,
): Promise<{ app: OktaApp; foundBy: 'fact' | 'label' } | undefined> {
  if (factId) {
    const app = await okta.getApp(factId);
    if (app && app.name === BOOKMARK && app.status !== 'DELETED') return { app, foundBy: 'fact' };
  }
  const candidates = await okta.listApps({ q: label });
  const app = candidates.find((a) => a.name === BOOKMARK && a.label === label && a.status !== 'DELETED');
  return app ? { app, foundBy: 'label' } : undefined;
}

/** Okta's bookmark app body: the catalog's `bookmark` with both `settings.app` fields its contract requires. */
export function bookmarkAppInput(input: BookmarkInput): OktaAppInput {
  return {
    name: BOOKMARK,
    label: input.label,
    signOnMode: 'BOOKMARK',
    settings: { app: { url: input.url, requestIntegration: false } },
  };
}

/** Pure: create or correct the bookmark, then give it every group the main app has. */
export function planBookmark(input: BookmarkInput, observed: BookmarkObserved): Change[] {
  const changes: Change[] = [];
  const target = `bookmark app "${input.label}"`;
  const app = observed.app;
  if (!app) {
    changes.push({
      id: 'bookmark-app',
      kind: 'create',
      target,
      summary: `Create the bookmark app "${input.label}" pointing at ${input.url}`,
      details: [
        { field: 'label', to: input.label },
        { field: 'URL', to: input.url },
        { field: 'status', to: 'ACTIVE' },
      ],
    });
  } else {
    const details = [
      ...(app.label === input.label ? [] : [{ field: 'label', from: app.label, to: input.label }]),
      ...(app.url === input.url ? [] : [{ field: 'URL', from: app.url ?? '(none)', to: input.url }]),
    ];
    if (details.length > 0)
      changes.push({
        id: 'bookmark-settings',
        kind: 'update',
        target,
        summary: `Correct the bookmark's ${details.map((d) => d.field).join(' and ')}`,
        details,
      });
    if (app.status !== 'ACTIVE')
      changes.push({
        id: 'bookmark-activate',
        kind: 'update',
        target,
        summary: 'Activate the bookmark app',
        details: [{ field: 'status', from: app.status, to: 'ACTIVE' }],
      });
  }
  for (const group of observed.mainGroups) {
    if (observed.bookmarkGroupIds.includes(group.groupId)) continue;
    changes.push({
      id: `bookmark-group:${group.groupId}`,
      kind: 'create',
      target: `group "${group.groupName}"`,
      summary: `Assign the group "${group.groupName}" to the bookmark app, as it is to the main app`,
      details: [{ field: 'assigned to', to: input.label }],
    });
  }
  return changes;
}

export const bookmarkStep = defineStep<BookmarkInput, BookmarkObserved>({
  id: 'bookmark',
  input: BookmarkInputSchema,
  defaults: (profile) => ({ label: profile.bookmark?.label ?? `${profile.name} Login`, url: '' }),
  needs: [
    {
      step: 'app',
      fact: 'appId',
      why: 'The bookmark is assigned to the same groups as the main app, so the app must exist first.',
    },
  ],

  async inspect(ctx) {
    const okta = await ctx.okta();
    const found = await findBookmark(okta, ctx.facts.bookmarkAppId, ctx.input.label);
    if (found && found.app.id !== ctx.facts.bookmarkAppId) ctx.learn({ bookmarkAppId: found.app.id });
    const [mainAssignments, bookmarkAssignments] = await Promise.all([
      okta.listAppGroups(ctx.facts.appId ?? '').all(),
      found ? okta.listAppGroups(found.app.id).all() : Promise.resolve([]),
    ]);
    const names =
      mainAssignments.length > 0
        ? await groupNamesById(
            okta,
            mainAssignments.map((g) => g.id),
          )
        : new Map<string, string>();
    return {
      app: found
        ? {
            id: found.app.id,
            label: found.app.label,
            url: urlOf(found.app),
            status: found.app.status,
            foundBy: found.foundBy,
          }
        : null,
      mainGroups: mainAssignments.map((g) => ({ groupId: g.id, groupName: names.get(g.id) ?? g.id })),
      bookmarkGroupIds: bookmarkAssignments.map((g) => g.id),
    };
  },

  plan: (input, observed) => planBookmark(input, observed),

  async apply(ctx, changes, observed) {
    const okta = await ctx.okta();
    const has = (id: string) => changes.some((c) => c.id === id);
    let appId = observed.app?.id;
    if (has('bookmark-app')) {
      const created = await okta.createApp(bookmarkAppInput(ctx.input), { activate: true });
      appId = created.id;
      ctx.learn({ bookmarkAppId: created.id });
    }
    if (!appId)
      throw new AppError(
        'BOOKMARK_NOT_FOUND',
        'The bookmark app to update was not found.',
        'Click "Check Okta" to look for it again, then apply.',
      );
    if (has('bookmark-settings')) {
      const app = await okta.getApp(appId);
      if (!app)
        throw new AppError(
          'BOOKMARK_NOT_FOUND',
          `The bookmark app ${appId} no longer exists in Okta.`,
          'Click "Check Okta": the app creates it again.',
        );
      await okta.updateApp(appId, {
        name: app.name,
        label: ctx.input.label,
        signOnMode: app.signOnMode,
        settings: {
          ...app.settings,
          app: {
            ...app.settings.app,
            url: ctx.input.url,
            requestIntegration: app.settings.app?.requestIntegration ?? false,
          },
        },
        ...(app.credentials ? { credentials: app.credentials } : {}),
        ...(app.visibility ? { visibility: app.visibility } : {}),
      });
    }
    if (has('bookmark-activate')) await okta.activateApp(appId);
    for (const group of observed.mainGroups) {
      if (has(`bookmark-group:${group.groupId}`)) await okta.assignGroupToApp(appId, group.groupId, { profile: {} });
    }
  },

  async verify(ctx, observed) {
    const app = observed.app;
    if (!app)
      return [
        {
          id: 'bookmark-app',
          label: 'Bookmark app exists',
          status: 'fail',
          detail: `No bookmark app labelled "${ctx.input.label}" was found in Okta.`,
        },
      ];
    const missing = observed.mainGroups.filter((g) => !observed.bookmarkGroupIds.includes(g.groupId));
    const checks: Check[] = [
      {
        id: 'bookmark-app',
        label: 'Bookmark app exists',
        status: 'pass',
        detail: `Found by ${app.foundBy === 'fact' ? 'the id saved by an earlier run' : 'its label'}.`,
        evidence: `app ${app.id}`,
      },
      app.url === ctx.input.url
        ? {
            id: 'bookmark-url',
            label: 'Bookmark URL',
            status: 'pass',
            detail: `Opens ${app.url}.`,
            evidence: `settings.app.url = ${app.url}`,
          }
        : {
            id: 'bookmark-url',
            label: 'Bookmark URL',
            status: 'fail',
            detail: `Opens ${app.url ?? 'nothing'}, expected ${ctx.input.url}.`,
            evidence: `settings.app.url = ${app.url ?? '(none)'}`,
          },
      app.label === ctx.input.label
        ? {
            id: 'bookmark-label',
            label: 'Bookmark name',
            status: 'pass',
            detail: `Shown as "${app.label}".`,
            evidence: `label = ${app.label}`,
          }
        : {
            id: 'bookmark-label',
            label: 'Bookmark name',
            status: 'fail',
            detail: `Shown as "${app.label}", expected "${ctx.input.label}".`,
            evidence: `label = ${app.label}`,
          },
      app.status === 'ACTIVE'
        ? {
            id: 'bookmark-active',
            label: 'Bookmark is active',
            status: 'pass',
            detail: 'People see it on their dashboard.',
            evidence: `status = ${app.status}`,
          }
        : {
            id: 'bookmark-active',
            label: 'Bookmark is active',
            status: 'fail',
            detail: `The app is ${app.status}; people do not see it.`,
            evidence: `status = ${app.status}`,
          },
    ];
    const evidence = `main app groups: ${observed.mainGroups.map((g) => g.groupName).join(', ') || '(none)'}\nbookmark groups: ${observed.bookmarkGroupIds.length}`;
    if (observed.mainGroups.length === 0) {
      checks.push({
        id: 'bookmark-groups',
        label: 'Same groups as the main app',
        status: 'warn',
        detail:
          'The main app has no groups assigned yet, so neither does the bookmark; check again after assigning groups.',
        evidence,
      });
    } else {
      checks.push(
        missing.length === 0
          ? {
              id: 'bookmark-groups',
              label: 'Same groups as the main app',
              status: 'pass',
              detail: `All ${observed.mainGroups.length} group${observed.mainGroups.length === 1 ? '' : 's'} of the main app are assigned.`,
              evidence,
            }
          : {
              id: 'bookmark-groups',
              label: 'Same groups as the main app',
              status: 'fail',
              detail: `Not assigned: ${missing.map((g) => g.groupName).join(', ')}.`,
              evidence,
            },
      );
    }
    return checks;
  },
});
