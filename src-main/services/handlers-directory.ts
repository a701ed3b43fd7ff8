import type { HandlersOf } from '../api/channel';
import type { directoryChannels } from '../api/channels-directory';
import { Directories } from '../directory/directory-index';
import { AppError } from '../errors';
import type { ServiceDeps } from './handlers';

/** The pickers' directory, one in-memory index per client, and the progress board the runner writes. */
export function createDirectoryHandlers(
  deps: ServiceDeps,
): HandlersOf<{ directory: typeof directoryChannels }>['directory'] {
  const directories = new Directories(async (clientId) => {
    const client = (await deps.workspace.listClients()).find((c) => c.id === clientId);
    if (!client)
      throw new AppError(
        'CLIENT_NOT_FOUND',
        'That client no longer exists.',
        'Choose a client from the list.',
        'clientId',
      );
    return deps.connect(client);
  });
  const loaded = async (clientId: string) => {
    const directory = directories.forClient(clientId);
    await directory.load();
    return directory;
  };
  return {
    load: ({ clientId, refresh }) => directories.forClient(clientId).load({ refresh: refresh === true }),
    searchUsers: async ({ clientId, query, limit }) => (await loaded(clientId)).searchUsers(query, limit),
    searchAppUsers: async ({ integrationId, query, limit }) => {
      const integration = await deps.workspace.getIntegration(integrationId);
      const appId = integration.facts.appId;
      if (!appId)
        throw new AppError(
          'APP_NOT_CREATED',
          'The Okta app does not exist yet, so nobody is assigned to it.',
          'Create the app and assign people first, or type an Okta username.',
        );
      const client = (await deps.workspace.listClients()).find((c) => c.id === integration.clientId);
      if (!client) throw new AppError('CLIENT_NOT_FOUND', 'That client no longer exists.', 'Reload the client list.');
      // Okta lists group-assigned people among the app's users too, so one walk covers both.
      const assigned = new Set<string>();
      for await (const page of (await deps.connect(client)).listAppUsers(appId))
        for (const u of page) assigned.add(u.id);
      return (await loaded(client.id)).searchAmong(assigned, query, limit);
    },
    searchGroups: async ({ clientId, query, limit }) => (await loaded(clientId)).searchGroups(query, limit),
    groupMemberCount: async ({ clientId, groupId }) => ({
      groupId,
      count: (await directories.forClient(clientId).memberIds(groupId)).size,
    }),
    preview: ({ clientId, groupIds, userIds }) => directories.forClient(clientId).preview(groupIds, userIds),
    progress: async (ref) => deps.progress?.get(ref) ?? { active: false, done: 0, total: 0, message: '' },
  };
}
