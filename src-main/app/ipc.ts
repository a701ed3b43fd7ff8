import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, type ChannelMap } from '../api/channel';
import { dispatch } from '../services/dispatch';
import { isAppUrl, type AppLocation } from './security';

/**
 * One `ipcMain.handle` per channel of the map. Calls from any frame that is not the wizard
 * itself are refused before the request is even read.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  map: ChannelMap,
  handlers: object,
  options: { app: AppLocation; onUnexpected?: (wireName: string, error: unknown) => void },
): string[] {
  const names = channelNames(map);
  for (const wireName of names) {
    ipcMain.handle(wireName, (event: IpcMainInvokeEvent, request: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl, options.app)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN_SENDER',
            message: 'This window may not call the wizard.',
            hint: 'Only the wizard window may use its API.',
          },
        };
      }
      return dispatch(map, handlers, wireName, request, options.onUnexpected);
    });
  }
  return names;
}
